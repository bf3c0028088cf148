// Cleaning and checking of the personal-data fields, shared by the import (which reports a
// problem per row) and the participant form/contract (which reports a field error), so a phone
// typed at the desk is stored exactly as the same phone imported from a spreadsheet.

/** Phones stay text ("0812…" keeps its zero, "+62…" its plus); separators typed by people go. */
export const normalisePhone = (raw: string) => raw.replace(/[\s\-.()]/g, '');
export const isPhone = (p: string) => /^\+?\d{8,15}$/.test(p);

/** NIK (KTP number) has 16 digits; NIP (civil servant number) 18. Spaces are typing aids. */
export const normaliseNik = (raw: string) => raw.replace(/\s/g, '');
export const isNik = (n: string) => /^(?:\d{16}|\d{18})$/.test(n);

export const isEmail = (e: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e);
