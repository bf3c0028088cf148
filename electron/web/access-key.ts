import crypto from 'node:crypto';

// Crockford's base 32 (no I, L, O, U): read off one laptop's screen and typed into another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The web host's access key: 12 characters of base 32 = 60 bits, far beyond guessing over a
 * network, still typeable on a second desk's laptop. Its own generator, not the badge-code one:
 * a badge code's length and pool are tuned for QR codes, and a change there must not quietly
 * weaken the key that guards every participant's NIK and phone number.
 */
export function newAccessKey(length = 12): string {
  const bytes = crypto.randomBytes(length);
  let key = '';
  for (const b of bytes) key += ALPHABET[b & 31];
  return key;
}
