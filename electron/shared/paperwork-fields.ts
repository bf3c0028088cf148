// Cleaning and checking of the paperwork's participant fields (issue 20), shared by the form,
// the contract and the import, so a NIP typed at the desk is stored as the same NIP imported.

/** Separators people type in numbers: "19750817 200012 1 001", "12.345.678.9-012.345", "123-456". */
export const normaliseDigits = (raw: string) => raw.replace(/[\s.\-/]/g, '');

/** NIP (civil-servant number): 18 digits. */
export const isNip = (s: string) => /^\d{18}$/.test(s);
/** NPWP: 15 digits, or 16 since the NIK became the NPWP (PMK 112/2022). */
export const isNpwp = (s: string) => /^(?:\d{15}|\d{16})$/.test(s);

/** A bank account number: digits only, as the bank's transfer file wants it. */
export const normaliseAccountNo = (raw: string) => raw.replace(/[\s.\-]/g, '');
export const isAccountNo = (s: string) => /^\d{6,20}$/.test(s);

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, pebruari: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, dec: 12, desember: 12, december: 12,
};

const iso = (y: number, m: number, d: number): string | null => {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(s) ? s : null;
};

/**
 * A date of birth as offices write it, stored as YYYY-MM-DD: "1975-08-17", "17-08-1975",
 * "17/08/1975", "17 Agustus 1975". Null when it is none of those (the caller reports it).
 * Day first: an Indonesian list never puts the month first.
 */
export function normaliseBirthDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) return iso(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  return null;
}
/** Stored form: a real date between 1900 and 2099. */
export const isBirthDate = (s: string) => /^(19|20)\d{2}-\d{2}-\d{2}$/.test(s) && iso(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8)) === s;
