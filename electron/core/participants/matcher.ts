import type { ParticipantInput } from '../../shared/participant';
import type { StoredKeys } from '../../db/repositories/participants';
import { normaliseKey } from './import/validate-rows';

export const nameKeyOf = (v: Pick<ParticipantInput, 'name' | 'regency'>) =>
  `${normaliseKey(v.name)}|${normaliseKey(v.regency ?? '')}`;

/**
 * Finds the stored participant a row is "the same person" as: by external ID, else by NIK,
 * else by normalised name + regency. A name match is refused when both sides carry different
 * NIKs: two people of the same name from one regency are common enough in Indonesia.
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

  find(v: ParticipantInput): StoredKeys | undefined {
    const ext = v.externalId ? this.byExt.get(v.externalId) : undefined;
    if (ext) return ext;
    const nik = v.nik ? this.byNik.get(v.nik) : undefined;
    if (nik) return nik;
    const byName = this.byName.get(nameKeyOf(v));
    if (byName && v.nik && byName.nik && byName.nik !== v.nik) return undefined;
    if (byName && v.externalId && byName.externalId && byName.externalId !== v.externalId) return undefined;
    return byName;
  }
}
