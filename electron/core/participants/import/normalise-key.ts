/**
 * Folds text for comparison: "BÚDI  Santoso," and "budi santoso" are the same person typed by
 * two different clerks. NFKD then dropping combining marks removes accents; everything that is
 * not a letter or digit becomes a single space.
 */
export function normaliseKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
