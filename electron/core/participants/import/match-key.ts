import type { Field } from '../../../shared/participant';

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

/**
 * The identity of a participant row, used to find duplicates within a file and to match a
 * re-imported file against participants already in the event. The most reliable identifier
 * present wins: the organiser's own ID, then NIK/NIP, then name plus regency (two people of the
 * same name from different regencies are different people).
 */
export function matchKey(values: Pick<{ [K in Field]: string | null }, 'externalId' | 'nik' | 'name' | 'regency'>): string {
  if (values.externalId) return `ext:${values.externalId}`;
  if (values.nik) return `nik:${values.nik}`;
  return `name:${normaliseKey(values.name ?? '')}|${normaliseKey(values.regency ?? '')}`;
}
