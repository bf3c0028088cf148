import { FIELDS, MAX_LENGTH, participantInput, type Field, type ParticipantInput } from '../../../shared/participant';
import { CONTROL_CHARS } from '../../../shared/text';
import { hasVisibleChar } from '../../../shared/visible-text';
import { isEmail, isNik, isPhone, normaliseNik, normalisePhone } from '../../../shared/normalise';
import type { Values } from './validate-rows';

/**
 * A validated row as the participant schema types it. `participantInput` stays the rule; this
 * only skips running it where its output would be the input unchanged, which is what a row
 * validateRows accepted nearly always is. zod builds several objects per field checked: for a
 * 50,000-row file that was ~230 MB of garbage, a quarter of everything the import allocated
 * (docs/engineering/limits.md). Any value this does not recognise as already clean goes through
 * zod as before. tests/unit/import/conform.test.ts holds the two to the same answers.
 */
export function conformRow(values: Values): { success: true; data: ParticipantInput } | { success: false } {
  if (isFixedPoint(values)) return { success: true, data: values as ParticipantInput };
  const parsed = participantInput.safeParse(values);
  return parsed.success ? { success: true, data: parsed.data } : { success: false };
}

/** One line of text the schema keeps as it is: trimmed, within its length, no control character. */
const keptText = (v: string, max: number) => v.length <= max && v === v.trim() && !CONTROL_CHARS.test(v);

/** Optional fields: null, or a non-empty kept text (an empty one would become null). */
const OPTIONAL: Partial<Record<Field, (v: string) => boolean>> = {
  externalId: (v) => keptText(v, MAX_LENGTH.externalId),
  regency: (v) => keptText(v, MAX_LENGTH.regency),
  district: (v) => keptText(v, MAX_LENGTH.district),
  institution: (v) => keptText(v, MAX_LENGTH.institution),
  nik: (v) => keptText(v, MAX_LENGTH.nik) && normaliseNik(v) === v && isNik(v),
  phone: (v) => keptText(v, MAX_LENGTH.phone) && normalisePhone(v) === v && isPhone(v),
  email: (v) => keptText(v, MAX_LENGTH.email) && isEmail(v),
};

/** True when participantInput.parse(values) would return values unchanged (same keys, same values). */
export function isFixedPoint(values: Values): boolean {
  let keys = 0;
  for (const k in values) {
    if (!(FIELDS as readonly string[]).includes(k)) return false;
    keys++;
  }
  if (keys !== FIELDS.length) return false;
  const { name, role, gender } = values;
  if (typeof name !== 'string' || name === '' || !keptText(name, MAX_LENGTH.name) || !hasVisibleChar(name)) return false;
  if (typeof role !== 'string' || role === '' || !keptText(role, MAX_LENGTH.role)) return false;
  if (gender !== null && gender !== 'L' && gender !== 'P') return false;
  for (const field of FIELDS) {
    if (field === 'name' || field === 'role' || field === 'gender') continue;
    const v = values[field];
    if (v === null) continue;
    // A field with no shortcut here (the paperwork's NIP, dates, accounts...) goes through zod.
    const ok = OPTIONAL[field];
    if (!ok || typeof v !== 'string' || v === '' || !ok(v)) return false;
  }
  return true;
}
