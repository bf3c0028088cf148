// Issue 8, defect 11: NUL and other control characters were accepted into names and regencies,
// stored, and written raw into the CSV export. Refused now in every text field: by the import with
// the line and column named, by the forms with the field named.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { csvDataLine } from '../../electron/core/participants/csv';
import { PSM_EVENT, ok, scope, tempCtx } from '../helpers/ctx';
import { sheetOf } from '../helpers/hostile-files';
import { translate } from '../../renderer/src/i18n';

async function withEvent() {
  const ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
  return ctx;
}

describe('the import', () => {
  it('names the line and column of a NUL or another control character, and keeps the row out', async () => {
    const ctx = await withEvent();
    const csv = [
      'Nama;Kabupaten/Kota;Instansi',
      'Ani Lestari;Kota Metro;Dinas Sosial',
      'Budi\u0000 Santoso;Kota Metro;Dinas',
      'Citra;Kota\u000bMetro;Bappeda\u001b[31m',
      'Dewi;"Kota\nMetro";Dinas\tSosial',
    ].join('\r\n');
    const bytes = Buffer.from(csv);
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'x.csv', bytes });
    expect(preview.problems.filter((p) => p.code === 'control_char')).toEqual([
      expect.objectContaining({ line: 3, column: 'Nama', field: 'name', value: 'Budi\u2400 Santoso' }),
      expect.objectContaining({ line: 4, column: 'Kabupaten/Kota', field: 'regency', value: 'Kota\u240bMetro' }),
      expect.objectContaining({ line: 4, column: 'Instansi', field: 'institution', value: 'Bappeda\u241b[31m' }),
    ]);
    // Tab and line break inside a cell are not control characters to refuse: they become spaces.
    expect(preview.validRows).toBe(2);
    const refused = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes,
      mapping: preview.mapping,
      skipInvalid: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_invalid' } });
    const done = await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes,
      mapping: preview.mapping,
      skipInvalid: true,
    });
    expect(done).toMatchObject({ inserted: 2, skipped: 2 });
    const stored = ctx.db.prepare('SELECT name, regency, institution FROM participant ORDER BY name').all();
    expect(stored).toEqual([
      { name: 'Ani Lestari', regency: 'Kota Metro', institution: 'Dinas Sosial' },
      { name: 'Dewi', regency: 'Kota Metro', institution: 'Dinas Sosial' },
    ]);
  });

  it('refuses one in a workbook too (Excel writes it as _x0000_)', async () => {
    const ctx = await withEvent();
    const c = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const bytes = sheetOf(`<row r="1">${c('A1', 'Nama')}</row><row r="2">${c('A2', 'Eko_x0000_')}</row>`);
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'x.xlsx', bytes });
    expect(preview.problems).toEqual([
      expect.objectContaining({ line: 2, column: 'Nama', code: 'control_char', value: 'Eko\u2400' }),
    ]);
  });

  it('words the problem in both languages', () => {
    expect(translate('id', 'problem.control_char')).toMatch(/karakter kendali/i);
    expect(translate('en', 'problem.control_char')).toMatch(/control character/i);
  });
});

describe('the forms and every other text field', () => {
  it('refuses a participant, an event, a role and a desk name holding one, naming the field', async () => {
    const ctx = await withEvent();
    const tries: [Parameters<typeof dispatch>[1], unknown, string][] = [
      ['participants.create', { ...scope(ctx), name: 'Ani\u0000', role: 'Peserta' }, 'name'],
      ['participants.create', { ...scope(ctx), name: 'Ani', regency: 'Kota\u0007Metro', role: 'Peserta' }, 'regency'],
      ['event.create', { ...PSM_EVENT, organiser: 'Dinas\u0000Sosial' }, 'organiser'],
      ['event.update', { ...scope(ctx), ...PSM_EVENT, venue: 'Hotel\u007f' }, 'venue'],
      ['roles.add', { ...scope(ctx), name: 'Tamu\u0085' }, 'name'],
      ['checkin.scan', { ...scope(ctx), desk: 'meja\u0000', text: 'X' }, 'desk'],
    ];
    for (const [op, input, field] of tries) {
      const r = await dispatch(ctx, op, input as never);
      expect(r, `${op} ${field}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: field, message: 'control character' }] },
      });
    }
    expect(translate('id', 'zod.control character')).toMatch(/karakter kendali/);
    // A line break typed into a one-line field is refused too; spaces around it are trimmed first.
    const r = await dispatch(ctx, 'participants.create', { ...scope(ctx), name: 'Ani\nLestari', role: 'Peserta' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ok(ctx, 'participants.create', { ...scope(ctx), name: '  Ani Lestari\n', role: 'Peserta' })).toMatchObject({
      name: 'Ani Lestari',
    });
  });

  it('the CSV export drops one left by an older version rather than write it raw', () => {
    expect(csvDataLine(['Budi\u0000 Santoso', 'Kota Metro'], ';')).toBe('Budi Santoso;Kota Metro');
  });
});
