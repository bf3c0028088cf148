import { PERSONAL_FIELDS, type Participant } from '../../shared/participant';

type PersonalField = (typeof PERSONAL_FIELDS)[number];

const DOT = '•';

/**
 * `1871010101010003` -> `1871••••••••0003`, `08229959465` -> `0822••••465`: enough for the desk
 * to tell two people apart, never more than half of the digits.
 */
export function maskDigits(v: string | null): string | null {
  if (!v) return v;
  if (v.length <= 6) return DOT.repeat(v.length);
  const [head, tail] = v.length >= 14 ? [4, 4] : v.length >= 10 ? [4, 3] : [2, 2];
  return v.slice(0, head) + DOT.repeat(v.length - head - tail) + v.slice(-tail);
}

/** `yusuf.efendi@gmail.com` -> `yu••••••••••@gmail.com`. */
export function maskEmail(v: string | null): string | null {
  if (!v) return v;
  const at = v.indexOf('@');
  if (at < 1) return maskDigits(v);
  const keep = Math.min(2, at);
  return v.slice(0, keep) + DOT.repeat(at - keep) + v.slice(at);
}

/** How each personal field is masked: a field added to PERSONAL_FIELDS does not compile until it has one. */
const MASKS: { [F in PersonalField]: (v: string | null) => string | null } = {
  nik: maskDigits,
  phone: maskDigits,
  email: maskEmail,
  nip: maskDigits,
  npwp: maskDigits,
  accountNo: maskDigits,
  // "1975-08-17" -> "1975-••-••": the year is enough to tell two people apart.
  birthDate: (v) => (v ? v.slice(0, 5) + v.slice(5).replace(/\d/g, DOT) : v),
  // "Bandar Lampung" -> "B•••••••••••••".
  birthPlace: (v) => (v ? v.slice(0, 1) + DOT.repeat(Math.max(0, [...v].length - 1)) : v),
};

/**
 * Personal data (UU PDP 27/2022) as lists, screens and the import preview show it: the one
 * place that decides, for a stored participant or a row of a file alike.
 */
export function maskPersonal<T extends { [F in PersonalField]: string | null }>(v: T): T {
  const out = { ...v };
  for (const f of PERSONAL_FIELDS) out[f] = MASKS[f](v[f]) as T[typeof f];
  return out;
}

export const maskParticipant = (p: Participant): Participant => maskPersonal(p);
