// The daftar penerimaan as a spreadsheet, for the treasurer's own checks and the bank's bulk
// transfer: the same rows and totals as the PDF (one source: payments/receipts.ts), amounts as
// whole-number cells (format #.##0), NIP and account numbers as text so Excel keeps every digit.
import type { DaftarPenerimaanInput } from './daftar-penerimaan';
import { KIND_TITLE, percent } from './receipt-terms';
import { neutralise } from '../participants/csv';
import { terbilangRupiah } from '../payments/terbilang';

export async function receiptsXlsx(input: Omit<DaftarPenerimaanInput, 'fonts'>): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hadir';
  const ws = wb.addWorksheet('Daftar penerimaan', { views: [{ state: 'frozen', ySplit: 6 }] });
  ws.addRow([`DAFTAR PENERIMAAN ${KIND_TITLE[input.kind]}`]).font = { bold: true, size: 13 };
  ws.addRow([neutralise(input.eventName)]).font = { bold: true };
  ws.addRow([input.periodText]);
  ws.addRow([neutralise(`${input.venue}, ${input.city}`)]);
  ws.addRow([]);
  const head = ['No', 'Nama', 'NIP', 'Pangkat/Gol', 'Kabupaten/Kota', 'Peran', 'Hari hadir', 'Vol', 'Tarif (Rp)', 'Jumlah bruto (Rp)', 'PPh', 'PPh (Rp)', 'Diterima (Rp)', 'Bank', 'No rekening'];
  ws.addRow(head).font = { bold: true };
  input.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      neutralise(r.name),
      r.nip ?? '',
      neutralise(r.rank ?? ''),
      neutralise(r.regency ?? ''),
      neutralise(r.role),
      r.days.join(', '),
      r.units,
      r.rate,
      r.gross,
      percent(r.taxBp),
      r.tax,
      r.net,
      neutralise(r.bank ?? ''),
      r.accountNo ?? '',
    ]),
  );
  const t = input.totals;
  ws.addRow(['', 'JUMLAH', '', '', '', '', '', '', '', t.gross, '', t.tax, t.net]).font = { bold: true };
  ws.addRow([]);
  const words = terbilangRupiah(t.net);
  ws.addRow(['', `Terbilang: ${words.charAt(0).toUpperCase()}${words.slice(1)}`]).font = { italic: true };
  ws.addRow([]);
  ws.addRow(['', input.placeDate]);
  for (const s of input.signatories.filter((x) => x.title || x.name))
    ws.addRow(['', [s.caption, s.title].filter(Boolean).join(', '), neutralise(s.name), s.rank, s.nip ? `NIP. ${s.nip}` : '']);
  const widths = [5, 40, 21, 22, 26, 14, 11, 6, 12, 16, 6, 12, 16, 14, 22];
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
  for (const col of [9, 10, 12, 13]) ws.getColumn(col).numFmt = '#,##0';
  for (const col of [3, 15]) ws.getColumn(col).numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
