// Who is paid what on a daftar penerimaan: pure, plain rows in, rows and totals out, so the PDF,
// the XLSX and the tests all read the same numbers. Only people present are paid:
//   transport  1 unit when present on the list's day (whole event: on any day; paid once),
//   uang saku  1 unit per day present within the list's days,
//   honor      the JP of the programme's sessions this person speaks or moderates in (present on
//              some day); several names in one session are separated by ";".
// The rate is the person's role's for their home regency, else the role's for every regency;
// a person whose role has no rate of that kind is not on the list.
import type { PaymentKind, RateRow } from '../../shared/payments';
import { sumRupiah } from './money';
import { rateFor, taxOn } from './tax';
import { jpByPerson, nameKey } from './sessions';

export interface Payee {
  id: number;
  name: string;
  nip: string | null;
  rank: string | null;
  regency: string | null;
  institution: string | null;
  role: string;
  bank: string | null;
  accountNo: string | null;
  daysPresent: number[];
}

export interface ReceiptRow {
  name: string;
  nip: string | null;
  rank: string | null;
  regency: string | null;
  role: string;
  /** The days present that the row pays for (transport and honor: every day present in scope). */
  days: number[];
  /** Units paid: 1 (transport), days (uang saku), JP (honor). */
  units: number;
  rate: number;
  gross: number;
  taxBp: number;
  tax: number;
  net: number;
  bank: string | null;
  accountNo: string | null;
}

export interface ReceiptTotals {
  gross: number;
  tax: number;
  net: number;
}

export interface ReceiptInput {
  kind: PaymentKind;
  /** The list's days: one day, or every day of the event. */
  dayNos: number[];
  people: Payee[];
  rates: RateRow[];
  programme: { jp: number; speaker: string; moderator?: string }[];
  personalRates: Map<number, number>;
  nonCivilRateBp: number;
}

export { nameKey };

export function rateOf(rates: RateRow[], kind: PaymentKind, role: string, regency: string | null): number | null {
  const same = (a: string, b: string) => a.localeCompare(b, 'id', { sensitivity: 'accent' }) === 0;
  const ofRole = rates.filter((r) => r.kind === kind && same(r.role, role));
  const own = regency ? ofRole.find((r) => r.regency !== '' && same(r.regency, regency)) : undefined;
  return (own ?? ofRole.find((r) => r.regency === ''))?.amount ?? null;
}

export function buildReceipt(input: ReceiptInput): { rows: ReceiptRow[]; totals: ReceiptTotals } {
  // Speakers and moderators alike: the JP of the sessions they are named in (sessions.ts).
  const jpBySpeaker = jpByPerson(input.programme);
  const rows: ReceiptRow[] = [];
  for (const p of input.people) {
    const days = p.daysPresent.filter((d) => input.dayNos.includes(d)).sort((a, b) => a - b);
    if (days.length === 0) continue;
    const rate = rateOf(input.rates, input.kind, p.role, p.regency);
    if (rate === null) continue;
    const units = input.kind === 'transport' ? 1 : input.kind === 'uang-saku' ? days.length : (jpBySpeaker.get(nameKey(p.name)) ?? 0);
    if (units === 0) continue;
    const gross = sumRupiah([rate * units]);
    const taxBp = rateFor(p.rank, input.personalRates.get(p.id) ?? null, input.nonCivilRateBp);
    const tax = taxOn(gross, taxBp);
    rows.push({
      name: p.name,
      nip: p.nip,
      rank: p.rank,
      regency: p.regency,
      role: p.role,
      days,
      units,
      rate,
      gross,
      taxBp,
      tax,
      net: gross - tax,
      bank: p.bank,
      accountNo: p.accountNo,
    });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.role.localeCompare(b.role, 'id'));
  return { rows, totals: totalsOf(rows) };
}

export const totalsOf = (rows: ReceiptRow[]): ReceiptTotals => ({
  gross: sumRupiah(rows.map((r) => r.gross)),
  tax: sumRupiah(rows.map((r) => r.tax)),
  net: sumRupiah(rows.map((r) => r.net)),
});
