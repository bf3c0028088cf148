import type { StoredKeys } from '../../db/repositories/participants';
import { normaliseKey } from './import/normalise-key';

/** What identifies a person: an import row, a form, or a stored participant. */
export interface PersonKeys {
  externalId: string | null;
  nik: string | null;
  name: string | null;
  regency: string | null;
}

export const nameKeyOf = (v: Pick<PersonKeys, 'name' | 'regency'>) =>
  `${normaliseKey(v.name ?? '')}|${normaliseKey(v.regency ?? '')}`;

/**
 * Finds the participant a row is "the same person" as: by the organiser's own ID, else by NIK,
 * else by normalised name + regency. A name match is refused when both sides carry different
 * NIKs (or IDs): two people of the same name from one regency are common enough in Indonesia.
 *
 * One rule for every place that asks: re-imports against the stored list, duplicates within one
 * file, and the participant form. (Duplicates within a file once used a simpler single key, which
 * let "Siti, no NIK" and "Siti, NIK 1871…" through as two people that the import then merged.)
 */
export class Matcher {
  private byExt = new Map<string, StoredKeys>();
  private byNik = new Map<string, StoredKeys>();
  private byName = new Map<string, StoredKeys>();

  constructor(stored: StoredKeys[]) {
    for (const s of stored) this.add(s);
  }

  add(s: StoredKeys): void {
    if (s.externalId) this.byExt.set(s.externalId, s);
    if (s.nik) this.byNik.set(s.nik, s);
    this.byName.set(s.nameKey, s);
  }

  /** The match and the field it was made on. */
  match(v: PersonKeys, nameKey?: string): { hit: StoredKeys; by: 'externalId' | 'nik' | 'name' } | undefined {
    const ext = v.externalId ? this.byExt.get(v.externalId) : undefined;
    if (ext) return { hit: ext, by: 'externalId' };
    const nik = v.nik ? this.byNik.get(v.nik) : undefined;
    if (nik) return { hit: nik, by: 'nik' };
    const byName = this.byName.get(nameKey ?? nameKeyOf(v));
    if (!byName) return undefined;
    // Both carry a NIK (or an ID): they differ, or the lookups above would have matched on it
    // (every stored NIK and ID is in its map), so two namesakes are two people.
    if (v.nik && byName.nik) return undefined;
    if (v.externalId && byName.externalId) return undefined;
    return { hit: byName, by: 'name' };
  }

  /** `nameKey`, when the caller has it already: nameKeyOf(v). */
  find(v: PersonKeys, nameKey?: string): StoredKeys | undefined {
    return this.match(v, nameKey)?.hit;
  }
}
