// The rates file (`hadir payments rates --file RATES.csv`, or chosen on the event screen): one
// rate a line, `kind;role;regency;amount`, regency empty for every regency. The office writes it
// in Excel, so: `;` or `,` separators, an optional header line, amounts as "150000", "150.000"
// or "Rp 150.000". A fraction ("150000,50") is refused, never rounded: money is whole rupiah.
import { HadirError } from '../../shared/errors';
import { MAX_RATE, PAYMENT_KINDS, type PaymentKind, type RateRow } from '../../shared/payments';
import { decodeText } from '../participants/import/decode-text';

const KIND_WORDS: Record<string, PaymentKind> = {
  transport: 'transport',
  transpor: 'transport',
  'uang-saku': 'uang-saku',
  'uang saku': 'uang-saku',
  uangsaku: 'uang-saku',
  saku: 'uang-saku',
  honor: 'honor',
  honorarium: 'honor',
};

const refuse = (line: number, id: string, en: string): never => {
  const detail = `baris ${line}: ${id} / line ${line}: ${en}`;
  throw new HadirError('invalid_input', `Rates file ${detail}`, { detail });
};

/** "Rp 150.000" -> 150000; null when it is not a whole amount. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  // Thousands grouped by dots (Indonesian) or commas (English): "150.000", "1,250,000".
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return null;
}

export function parseRatesFile(bytes: Uint8Array, roles: string[]): RateRow[] {
  const { text } = decodeText(bytes);
  const lines = text.split(/\r?\n/);
  const rates: RateRow[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line.trim()) return;
    const sep = line.includes(';') ? ';' : ',';
    const cells = line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    if (n === 1 && /^kind$|^jenis$/i.test(cells[0] ?? '')) return; // the header line
    if (cells.length < 4 || cells.length > 4 && cells.slice(4).some((c) => c !== ''))
      refuse(n, 'harus 4 kolom: jenis;peran;kabupaten;jumlah', 'needs 4 columns: kind;role;regency;amount');
    const kind = KIND_WORDS[cells[0]!.toLowerCase()];
    if (!kind)
      refuse(n, `jenis "${cells[0]}" tidak dikenal (${PAYMENT_KINDS.join(', ')})`, `unknown kind "${cells[0]}" (${PAYMENT_KINDS.join(', ')})`);
    const role = roles.find((r) => r.toLowerCase() === cells[1]!.toLowerCase());
    if (!role) refuse(n, `peran "${cells[1]}" tidak ada di acara ini`, `role "${cells[1]}" is not a role of this event`);
    const amount = parseAmount(cells[3]!);
    if (amount === null) refuse(n, `jumlah "${cells[3]}" bukan rupiah bulat`, `amount "${cells[3]}" is not whole rupiah`);
    if (amount! > MAX_RATE) refuse(n, `jumlah ${cells[3]} melebihi Rp 100.000.000`, `amount ${cells[3]} is over Rp 100,000,000`);
    const regency = cells[2]!.replace(/\s+/g, ' ');
    const key = `${kind}|${role!.toLowerCase()}|${regency.toLowerCase()}`;
    if (seen.has(key)) refuse(n, 'tarif yang sama sudah ada di baris sebelumnya', 'the same rate is on an earlier line');
    seen.add(key);
    rates.push({ kind: kind!, role: role!, regency, amount: amount! });
  });
  if (rates.length === 0) refuse(1, 'berkas tarif kosong', 'the rates file is empty');
  return rates;
}
