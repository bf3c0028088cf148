import crypto from 'node:crypto';

// Crockford base32 without I, L, O, U: no 0/O or 1/I confusion when a desk types a code by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8; // 40 bits: a guess hits one of 5,000 badges once in ~2e8 tries.

/**
 * A badge code: random (unguessable), scoped to one event by the UNIQUE(event_id, code)
 * constraint, and only upper-case letters and digits so the QR uses alphanumeric mode and stays
 * at version 1 (21x21 modules: big modules a fixed-focus webcam reads from afar).
 */
export function newBadgeCode(exists: (code: string) => boolean): string {
  for (;;) {
    const code = randomCode(CODE_LENGTH);
    if (!exists(code)) return code;
  }
}

/** `length` random Crockford base-32 characters (5 bits each), easy to read aloud and type. */
export function randomCode(length: number): string {
  let code = '';
  for (const b of crypto.randomBytes(length)) code += ALPHABET[b & 31];
  return code;
}
