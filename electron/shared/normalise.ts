// Cleaning and checking of the personal-data fields, shared by the import (which reports a
// problem per row) and the participant form/contract (which reports a field error), so a phone
// typed at the desk is stored exactly as the same phone imported from a spreadsheet.

/**
 * One phone format, whatever was typed or imported: separators go, and an Indonesian number in
 * international form ("+62 813-0459-311", "0062 813…", "62813…" from a WhatsApp export,
 * "+62 (0)813…") becomes the national form every organiser reads, "08130459311". Foreign numbers
 * keep their "+". Phones stay text: "0812…" keeps its zero.
 * Migration 0060 applied the same rule to the numbers stored before.
 */
export function normalisePhone(raw: string): string {
  const p = raw.replace(/[\s\-.()/]/g, '');
  // Without a "+", "62" is only a country code before a mobile number (8…) of mobile length.
  const m = /^(?:\+|00)620?(\d{7,13})$/.exec(p) ?? /^620?(8\d{8,12})$/.exec(p);
  return m ? `0${m[1]}` : p;
}
export const isPhone = (p: string) => /^\+?\d{8,15}$/.test(p);

/** NIK (KTP number) has 16 digits; NIP (civil servant number) 18. Spaces are typing aids. */
export const normaliseNik = (raw: string) => raw.replace(/\s/g, '');
export const isNik = (n: string) => /^(?:\d{16}|\d{18})$/.test(n);

export const isEmail = (e: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e);
