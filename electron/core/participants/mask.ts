import type { Participant } from '../../shared/participant';

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

/** Personal data (UU PDP 27/2022) as lists and screens show it. */
export function maskParticipant(p: Participant): Participant {
  return { ...p, nik: maskDigits(p.nik), phone: maskDigits(p.phone), email: maskEmail(p.email) };
}
