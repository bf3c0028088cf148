/**
 * What a web-host access key may be, for the host that checks it and the page that carries it.
 * The key travels in the desk address (`#key=…`), is typed on a second laptop and compared
 * without regard to case, so it is letters and digits only. The page keeps exactly these
 * characters from the address (renderer/src/api.ts): a key with any other character, such as
 * `psm-2022`, would reach the desks cut short, so the host refuses to start with one.
 */
export const ACCESS_KEY_CHARS = '0-9A-Za-z';
/** The key as it appears in the desk address: `#key=…` or `…&key=…`. */
export const ACCESS_KEY_IN_HASH = new RegExp(`(?:^#|&)key=([${ACCESS_KEY_CHARS}]+)`);

/**
 * 12 characters: the generated key (web/access-key.ts) is 12 random characters of base 32, 60
 * bits. A chosen key is held to the same length over 36 letters and digits, and must use at least
 * 8 different characters, so "aaaaaaaaaaaa" or "psm2022psm20" is not taken for a secret.
 */
export const ACCESS_KEY_MIN_LENGTH = 12;
export const ACCESS_KEY_MIN_DISTINCT = 8;

export type AccessKeyProblem = 'empty' | 'characters' | 'short' | 'repetitive';

/** Why a key cannot guard a host on the venue network, or null when it can. */
export function accessKeyProblem(key: string): AccessKeyProblem | null {
  if (key.trim() === '') return 'empty';
  if (!new RegExp(`^[${ACCESS_KEY_CHARS}]+$`).test(key)) return 'characters';
  if (key.length < ACCESS_KEY_MIN_LENGTH) return 'short';
  if (new Set(key.toUpperCase()).size < ACCESS_KEY_MIN_DISTINCT) return 'repetitive';
  return null;
}
