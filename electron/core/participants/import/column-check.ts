import type { ImportWarning } from '../../../shared/import';
import type { Field } from '../../../shared/participant';
import { normaliseKey } from './normalise-key';
import type { Table } from './read-table';
import { GENDERS } from './validate-rows';

/**
 * Does a value look like the field its column is mapped to? Row checks cannot see a wrong
 * mapping: the running number "No" mapped to Nama gives names "1", "2", "3"…, each a valid name,
 * and the report said "66 new, no problems" next to the 64 people already stored. Looking at the
 * whole column can: most of its values do not fit.
 */
const MISFITS: Partial<Record<Field, { code: ImportWarning['code']; misfit: (v: string) => boolean }>> = {
  // A name has letters. "1", "12", "3.0", "-" do not.
  name: { code: 'name_numbers', misfit: (v) => !/\p{L}/u.test(v) },
  gender: { code: 'gender_values', misfit: (v) => !GENDERS[normaliseKey(v)] },
  // A phone has no letters ("Kabupaten Way Kanan" and e-mail addresses do).
  phone: { code: 'phone_letters', misfit: (v) => /\p{L}/u.test(v) },
  regency: { code: 'place_numbers', misfit: (v) => !/\p{L}/u.test(v) },
  district: { code: 'place_numbers', misfit: (v) => !/\p{L}/u.test(v) },
};

const EXAMPLES = 3;

/**
 * One warning per mapped column where more than half of the non-empty values do not fit.
 * Pure, over the raw cells: it runs in the import's worker with the rest of the reading.
 */
export function checkColumns(table: Pick<Table, 'headers' | 'rows'>, mapping: (Field | null)[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  const seen = new Set<Field>();
  mapping.forEach((field, col) => {
    // The first column mapped to a field is the one imported (validate-rows).
    if (!field || seen.has(field) || col >= table.headers.length) return;
    seen.add(field);
    const rule = MISFITS[field];
    if (!rule) return;
    let of = 0;
    const bad: string[] = [];
    for (const cells of table.rows) {
      const v = (cells[col] ?? '').trim();
      if (v === '') continue;
      of++;
      if (rule.misfit(v)) bad.push(v);
    }
    if (bad.length * 2 > of) {
      const examples = [...new Set(bad)].slice(0, EXAMPLES).map((v) => (v.length > 40 ? `${v.slice(0, 39)}…` : v));
      out.push({ code: rule.code, column: table.headers[col] ?? '', field, examples, count: bad.length, of });
    }
  });
  return out;
}

/**
 * The import would add nearly every row as a new person next to a list of about the same size:
 * the same people again, unrecognised (a wrong mapping, a file without the IDs or NIKs the list
 * was matched on). A second regency's list also looks like this, so it is a warning the
 * organiser confirms, not a refusal.
 */
export function mostlyNew(inserted: number, valid: number, existing: number): ImportWarning | null {
  if (existing < 10 || valid < 10) return null;
  if (inserted * 10 < valid * 9 || inserted * 5 < existing * 4) return null;
  return { code: 'mostly_new', column: '', field: null, examples: [], count: inserted, of: valid, existing };
}
