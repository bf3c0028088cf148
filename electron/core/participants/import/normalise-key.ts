/**
 * Folds text for comparison: "BÚDI  Santoso," and "budi santoso" are the same person typed by
 * two different clerks. NFKD then dropping combining marks removes accents; everything that is
 * not a letter or digit becomes a single space.
 */
export function normaliseKey(s: string): string {
  // Printable ASCII has no accents to drop and NFKD leaves it as it is: the same fold, two
  // strings fewer (an import folds each row's name and regency).
  if (PRINTABLE_ASCII.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
