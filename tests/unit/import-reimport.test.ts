import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { FIELDS, type Field, type ParticipantInput } from '../../electron/shared/participant';
import type { ImportPreview } from '../../electron/shared/import';
import { bin, ok, PSM_EVENT, ROOT, SHARED, tempCtx, scope } from '../helpers/ctx';

const PSM_CSV = fs.readFileSync(path.join(SHARED, 'fixtures/peserta-psm-2022.csv'));
const PSM_MAP: (Field | null)[] = [null, 'name', 'gender', 'regency', 'district', 'phone', 'role'];
const file = (bytes: Uint8Array | string, mapping = PSM_MAP) => ({ fileName: 'peserta.csv', bytes: bin(bytes), mapping });
const byName = (name: string) => ctx.db.prepare('SELECT * FROM participant WHERE name = ?').get(name) as Record<string, unknown>;
const idOf = (name: string) => byName(name).id as number;
/** Every valid row is counted exactly once: the summary adds up. */
const addsUp = (p: ImportPreview) => p.wouldInsert + p.wouldUpdate + p.unchanged + p.keptDeleted === p.validRows;

let ctx: Ctx;
beforeEach(async () => {
  ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
  await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...file(PSM_CSV), skipInvalid: false });
});

/** Corrects Abdul Rozak's gender and phone at the desk, the way the form saves them. */
async function correctInApp() {
  const id = idOf('Abdul Rozak');
  const p = await ok(ctx, 'participants.get', { id });
  const data = Object.fromEntries(FIELDS.map((f) => [f, p[f]])) as ParticipantInput;
  await ok(ctx, 'participants.update', { ...scope(ctx), id, data: { ...data, gender: 'P', phone: '+62 812-1111-2222' } });
}

describe('re-import next to edits made in the app (issue 9.2)', () => {
  it('shows each change as person, field, old -> new, and keeps the kiosk value by default', async () => {
    await correctInApp();
    const p = await ok(ctx, 'participants.importPreview', file(PSM_CSV));
    expect(p.changes).toEqual([
      {
        line: 4,
        participantId: idOf('Abdul Rozak'),
        name: 'Abdul Rozak',
        field: 'gender',
        old: 'P',
        new: 'L',
        editedInApp: true,
        applied: false,
      },
      // Masked as everywhere, but not so much that the two look alike.
      expect.objectContaining({ field: 'phone', old: '0812•••••222', new: '0895•••••090', editedInApp: true, applied: false }),
    ]);
    expect(p).toMatchObject({ wouldInsert: 0, wouldUpdate: 0, unchanged: 66, keptDeleted: 0, changeCount: 2, appEditsKept: 2 });
    expect(addsUp(p)).toBe(true);
    const out = await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...file(PSM_CSV), skipInvalid: false });
    expect(out).toMatchObject({ inserted: 0, updated: 0, unchanged: 66, appEditsKept: 2 });
    expect(byName('Abdul Rozak')).toMatchObject({ gender: 'P', phone: '081211112222', edited_fields: 'gender phone' });
  });

  it("takes the file's values when the organiser says so, and forgets those edits", async () => {
    await correctInApp();
    const p = await ok(ctx, 'participants.importPreview', { ...file(PSM_CSV), appEdits: 'file' });
    expect(p.changes.map((c) => [c.field, c.applied])).toEqual([
      ['gender', true],
      ['phone', true],
    ]);
    expect(p).toMatchObject({ wouldInsert: 0, wouldUpdate: 1, unchanged: 65, appEditsKept: 0 });
    expect(addsUp(p)).toBe(true);
    await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...file(PSM_CSV), skipInvalid: false, appEdits: 'file' });
    expect(byName('Abdul Rozak')).toMatchObject({ gender: 'L', phone: '089591849090', edited_fields: '' });
  });

  it('updates fields not edited in the app, beside ones that were', async () => {
    await correctInApp();
    const moved = PSM_CSV.toString('utf8').replace(
      '3,Abdul Rozak,L,Kabupaten Lampung Barat,Natar',
      '3,Abdul Rozak,L,Kabupaten Lampung Barat,Liwa',
    );
    const p = await ok(ctx, 'participants.importPreview', file(moved));
    expect(p.changes.map((c) => [c.field, c.old, c.applied])).toEqual([
      ['gender', 'P', false],
      ['district', 'Natar', true],
      ['phone', '0812•••••222', false],
    ]);
    expect(p).toMatchObject({ wouldUpdate: 1, unchanged: 65 });
    await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...file(moved), skipInvalid: false });
    expect(byName('Abdul Rozak')).toMatchObject({ gender: 'P', district: 'Liwa', phone: '081211112222' });
  });
});

describe('deleted participants in an import report (issue 9.1)', () => {
  it('names them with their badge code; the counts still add up', async () => {
    for (const n of ['Abdul Rozak', 'Kartini']) await ok(ctx, 'participants.delete', { ...scope(ctx), id: idOf(n) });
    const p = await ok(ctx, 'participants.importPreview', file(PSM_CSV));
    expect(p.keptDeletedPeople).toEqual([
      { line: 4, participantId: idOf('Abdul Rozak'), name: 'Abdul Rozak', code: byName('Abdul Rozak').code },
      { line: 21, participantId: idOf('Kartini'), name: 'Kartini', code: byName('Kartini').code },
    ]);
    expect(p).toMatchObject({ wouldInsert: 0, wouldUpdate: 0, unchanged: 64, keptDeleted: 2, validRows: 66 });
    expect(addsUp(p)).toBe(true);
    const out = await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...file(PSM_CSV), skipInvalid: false });
    expect(out.keptDeletedPeople.map((d) => d.name)).toEqual(['Abdul Rozak', 'Kartini']);
  });
});

describe('a mapping whose values do not look like the field (issue 9.3)', () => {
  it('warns when the running number is mapped to the name, and that almost everyone would be added again', async () => {
    const p = await ok(
      ctx,
      'participants.importPreview',
      file(PSM_CSV, ['name', null, 'gender', 'regency', 'district', 'phone', 'role']),
    );
    expect(p.problems).toEqual([]);
    expect(p.warnings).toEqual([
      { code: 'name_numbers', column: 'No', field: 'name', examples: ['1', '2', '3'], count: 66, of: 66 },
      { code: 'mostly_new', column: '', field: null, examples: [], count: 66, of: 66, existing: 66 },
    ]);
  });

  it('warns about a gender column with other values, phones with letters and a regency column of numbers', async () => {
    const csv = [
      'Nama,Asal,Status,Kontak',
      'Agus,3201,Menikah,agus@example.id',
      'Budi,3202,Lajang,Kabupaten Way Kanan',
      'Citra,3203,L,081234567890',
    ].join('\n');
    const p = await ok(ctx, 'participants.importPreview', file(csv, ['name', 'regency', 'gender', 'phone']));
    expect(p.warnings.map((w) => [w.code, w.column, w.count, w.of])).toEqual([
      ['place_numbers', 'Asal', 3, 3],
      ['gender_values', 'Status', 2, 3],
      ['phone_letters', 'Kontak', 2, 3],
    ]);
  });

  it('stays quiet on the fixture as it is, and on a second list of different people', async () => {
    expect((await ok(ctx, 'participants.importPreview', file(PSM_CSV))).warnings).toEqual([]);
    const others = ['Nama,Kabupaten/Kota', ...Array.from({ length: 12 }, (_, i) => `Peserta Baru ${i + 1},Kota Metro`)].join(
      '\n',
    );
    const p = await ok(ctx, 'participants.importPreview', file(others, ['name', 'regency']));
    expect(p.warnings).toEqual([]); // 12 new next to 66: a second, smaller list, not the same people again
  });
});

describe('formula-like values (issue 9.13)', () => {
  const formulas = fs.readFileSync(path.join(ROOT, 'tests/fixtures/formula-name.csv'));
  const mapping: (Field | null)[] = ['name', 'institution', 'phone', 'role'];

  it('are errors: the import is refused until they are skipped or allowed', async () => {
    const p = await ok(ctx, 'participants.importPreview', { ...file(formulas, mapping) });
    expect(p.problems.filter((x) => x.code === 'formula').map((x) => [x.line, x.warning])).toEqual([
      [2, false],
      [3, false],
      [5, false],
    ]);
    expect(p).toMatchObject({ totalRows: 5, validRows: 1, formulaRows: 3 });
    const refused = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      ...file(formulas, mapping),
      skipInvalid: false,
    });
    expect(!refused.ok && refused.error.code).toBe('import_invalid');
    expect(byName('=HYPERLINK("http://x","klik")')).toBeUndefined();
  });

  it('can be skipped, or imported as they are when the organiser overrides', async () => {
    const skipped = await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...file(formulas, mapping), skipInvalid: true });
    expect(skipped).toMatchObject({ inserted: 1, skipped: 4 });
    const p = await ok(ctx, 'participants.importPreview', { ...file(formulas, mapping), allowFormulas: true });
    expect(p.problems.filter((x) => x.code === 'formula').every((x) => x.warning)).toBe(true);
    expect(p).toMatchObject({ validRows: 4, formulaRows: 3 });
    const out = await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      ...file(formulas, mapping),
      skipInvalid: true,
      allowFormulas: true,
    });
    expect(out).toMatchObject({ inserted: 3, unchanged: 1, skipped: 1 });
    expect(byName('=HYPERLINK("http://x","klik")')).toBeDefined();
  });
});
