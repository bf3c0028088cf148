import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import type { Field } from '../../electron/shared/participant';
import { dispatch } from '../../electron/core/dispatch';
import { bin, ok, PSM_EVENT, ROOT, SHARED, tempCtx, scope } from '../helpers/ctx';

const PSM_CSV = fs.readFileSync(path.join(SHARED, 'fixtures/peserta-psm-2022.csv'));
const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'tests/fixtures', name));
const count = (ctx: Ctx) => (ctx.db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n;

/** Commits a small CSV written in the test, with an explicit mapping. */
const commitCsv = (csv: string, mapping: (Field | null)[], fileName = 'x.csv') =>
  ok(ctx, 'participants.importCommit', { ...scope(ctx), fileName, bytes: bin(csv), mapping, skipInvalid: false });

let ctx: Ctx;
beforeEach(async () => {
  ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
});

describe('participants import (database side)', () => {
  it('previews the PSM fixture: guessed mapping, masked sample, no problems, nothing written', async () => {
    const p = await ok(ctx, 'participants.importPreview', { fileName: 'peserta.csv', bytes: bin(PSM_CSV) });
    expect(p.mapping).toEqual([null, 'name', 'gender', 'regency', 'district', 'phone', 'role']);
    expect(p).toMatchObject({ format: 'csv', totalRows: 66, validRows: 66, wouldInsert: 66, wouldUpdate: 0, problems: [] });
    expect(p.sample[0]).toMatchObject({ line: 2, valid: true, values: { name: 'Yusuf Efendi, S.H.', phone: '0822••••465' } });
    expect(count(ctx)).toBe(0);
  });

  it('masks the preview exactly as the list masks the stored rows (one masking rule)', async () => {
    const csv =
      'Nama,NIK,No HP,Email\nRina,1871010101010003,081234567890,rina.marlina@example.id\nJoko,3201020304050607,08123456,j@x.id\n';
    const mapping: (Field | null)[] = ['name', 'nik', 'phone', 'email'];
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'x.csv', bytes: bin(csv), mapping });
    await commitCsv(csv, mapping);
    const listed = (await ok(ctx, 'participants.list', {})).rows;
    for (const row of preview.sample) {
      const stored = listed.find((r) => r.name === row.values.name)!;
      expect([row.values.nik, row.values.phone, row.values.email]).toEqual([stored.nik, stored.phone, stored.email]);
    }
    expect(preview.sample[0]!.values).toMatchObject({ nik: '1871••••••••0003', email: 'ri••••••••••@example.id' });
  });

  it('imports the 66 participants with the right fields, and re-importing updates without duplicating', async () => {
    const input = {
      fileName: 'peserta.csv',
      bytes: bin(PSM_CSV),
      mapping: [null, 'name', 'gender', 'regency', 'district', 'phone', 'role'] as const,
      skipInvalid: false,
    };
    expect(await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...input, mapping: [...input.mapping] })).toEqual({
      inserted: 66,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      keptDeleted: 0,
      keptDeletedPeople: [],
      appEditsKept: 0,
    });
    const all = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
    expect(all).toHaveLength(66);
    const yusuf = ctx.db.prepare("SELECT * FROM participant WHERE name = 'Yusuf Efendi, S.H.'").get() as Record<string, unknown>;
    expect(yusuf).toMatchObject({
      gender: 'L',
      regency: 'Kabupaten Lampung Barat',
      district: 'Gedong Tataan',
      phone: '08229959465',
      role: 'Peserta',
      nik: null,
    });
    const roles = ctx.db.prepare('SELECT role, count(*) AS n FROM participant GROUP BY role ORDER BY role').all();
    expect(roles).toEqual([
      { role: 'Narasumber', n: 4 },
      { role: 'Panitia', n: 2 },
      { role: 'Peserta', n: 60 },
    ]);
    const longest = all.map((r) => r.name).sort((a, b) => b.length - a.length)[0]!;
    expect(longest.length).toBe(60);
    const codes = new Set(all.map((r) => r.code));
    expect(codes.size).toBe(66);

    // The same file again: everyone is known and nothing changed, so nothing is written.
    const before = ctx.db.prepare('SELECT id, updated_at FROM participant ORDER BY id').all();
    const preview = await ok(ctx, 'participants.importPreview', { fileName: input.fileName, bytes: input.bytes });
    expect(preview).toMatchObject({ wouldInsert: 0, wouldUpdate: 0, unchanged: 66, keptDeleted: 0 });
    const again = await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...input, mapping: [...input.mapping] });
    expect(again).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 66,
      skipped: 0,
      keptDeleted: 0,
      keptDeletedPeople: [],
      appEditsKept: 0,
    });
    expect(count(ctx)).toBe(66);
    expect(ctx.db.prepare('SELECT id, updated_at FROM participant ORDER BY id').all()).toEqual(before);
    // One corrected phone: one update, and the preview said so.
    const fixed = PSM_CSV.toString('utf8').replace(',08229959465,', ',08229959466,');
    expect(fixed).not.toBe(PSM_CSV.toString('utf8'));
    const fixedInput = { ...input, bytes: bin(fixed), mapping: [...input.mapping] };
    const { skipInvalid: _, ...fixedPreview } = fixedInput;
    expect(await ok(ctx, 'participants.importPreview', fixedPreview)).toMatchObject({ wouldUpdate: 1, unchanged: 65 });
    expect(await ok(ctx, 'participants.importCommit', { ...scope(ctx), ...fixedInput })).toMatchObject({
      updated: 1,
      unchanged: 65,
    });
    // Codes are the kiosk's own: a re-import never changes a printed badge.
    expect(new Set((await ok(ctx, 'participants.list', { limit: 1000 })).rows.map((r) => r.code))).toEqual(codes);
  });

  it('updates only the columns the file maps, and matches by NIK before name', async () => {
    const first = 'Nama,NIK,Email,Kabupaten/Kota\r\nAndi Saputra,1871010101010003,andi@example.id,Kota Metro\r\n';
    await commitCsv(first, ['name', 'nik', 'email', 'regency'], 'a.csv');
    // Same NIK, name spelled differently, no e-mail column: same person, e-mail kept.
    const second = 'Nama,NIK,No HP\r\nAndi Saputra S.Pd.,1871010101010003,0812-1111-2222\r\n';
    expect(await commitCsv(second, ['name', 'nik', 'phone'], 'b.csv')).toMatchObject({ inserted: 0, updated: 1 });
    expect(ctx.db.prepare('SELECT name, email, phone, regency FROM participant').all()).toEqual([
      { name: 'Andi Saputra S.Pd.', email: 'andi@example.id', phone: '081211112222', regency: 'Kota Metro' },
    ]);
  });

  it('does not merge two people of the same name and regency who have different NIKs', async () => {
    const csv = 'Nama,NIK,Kabupaten/Kota\r\nSiti Aminah,1871010101010003,Kota Metro\r\n';
    await commitCsv(csv, ['name', 'nik', 'regency'], 'a.csv');
    const other = 'Nama,NIK,Kabupaten/Kota\r\nSiti Aminah,1871010101010099,Kota Metro\r\n';
    expect(await commitCsv(other, ['name', 'nik', 'regency'], 'b.csv')).toMatchObject({ inserted: 1, updated: 0 });
    expect(count(ctx)).toBe(2);
  });

  it('is all-or-nothing: a file with an error row imports nothing unless told to skip', async () => {
    const csv = fixture('empty-name.csv');
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'x.csv', bytes: bin(csv) });
    expect(preview.problems.filter((p) => !p.warning).map((p) => p.code)).toContain('empty_name');
    const refused = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes: bin(csv),
      mapping: preview.mapping,
      skipInvalid: false,
    });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'import_invalid',
      params: { rows: preview.totalRows - preview.validRows },
    });
    expect(count(ctx)).toBe(0);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'participants.import'").get()).toEqual({ n: 0 });
    const skipped = await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes: bin(csv),
      mapping: preview.mapping,
      skipInvalid: true,
    });
    expect(skipped.inserted).toBe(preview.validRows);
    expect(skipped.skipped).toBe(preview.totalRows - preview.validRows);
    expect(count(ctx)).toBe(preview.validRows);
  });

  it('rolls back every row when the database fails midway', async () => {
    const csv = 'Nama\r\nSatu\r\nDua\r\nTiga\r\n';
    // A trigger stands in for a disk or constraint failure on the third insert.
    ctx.db.exec(
      `CREATE TEMP TRIGGER boom BEFORE INSERT ON participant WHEN new.name = 'Tiga' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const res = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes: bin(csv),
      mapping: ['name'],
      skipInvalid: false,
    });
    expect(res.ok).toBe(false);
    expect(count(ctx)).toBe(0);
  });

  it('reports the same person twice in one file, even when only the second row has a NIK', async () => {
    // This once passed validation as two people and then failed inside the commit (internal error).
    const csv = 'Nama,Kabupaten/Kota,NIK\r\nSiti Aminah,Kota Metro,\r\nSiti Aminah,Kota Metro,1871010101010003\r\n';
    const refused = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes: bin(csv),
      mapping: ['name', 'regency', 'nik'],
      skipInvalid: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_invalid', params: { rows: 1 } } });
    expect(count(ctx)).toBe(0);
    const skipped = await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'x.csv',
      bytes: bin(csv),
      mapping: ['name', 'regency', 'nik'],
      skipInvalid: true,
    });
    expect(skipped).toMatchObject({ inserted: 1, skipped: 1 });
  });

  it('leaves deleted participants deleted on re-import', async () => {
    const csv = 'Nama\r\nSatu\r\nDua\r\n';
    await commitCsv(csv, ['name'], 'x.csv');
    const satu = (await ok(ctx, 'participants.list', { query: 'satu' })).rows[0]!;
    await ok(ctx, 'participants.delete', { ...scope(ctx), id: satu.id });
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'x.csv', bytes: bin(csv), mapping: ['name'] });
    expect(preview).toMatchObject({ wouldInsert: 0, wouldUpdate: 0, unchanged: 1, keptDeleted: 1 });
    expect(await commitCsv(csv, ['name'], 'x.csv')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
      skipped: 0,
      keptDeleted: 1,
      keptDeletedPeople: [{ line: 2, participantId: satu.id, name: 'Satu', code: satu.code }],
      appEditsKept: 0,
    });
    expect((await ok(ctx, 'participants.list', {})).total).toBe(1);
  });

  it('refuses a mapping without a name column, or of the wrong width, with a clear error', async () => {
    const csv = bin('Nama,Asal\r\nA,B\r\n');
    const noName = await dispatch(ctx, 'participants.importPreview', {
      fileName: 'x.csv',
      bytes: csv,
      mapping: [null, 'regency'],
    });
    expect(!noName.ok && noName.error.code).toBe('import_invalid');
    const width = await dispatch(ctx, 'participants.importPreview', { fileName: 'x.csv', bytes: csv, mapping: ['name'] });
    expect(!width.ok && width.error.code).toBe('invalid_input');
  });

  it('refuses a file over 20 MB before parsing it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    const res = await dispatch(ctx, 'participants.importPreview', { fileName: 'big.csv', bytes: big });
    expect(!res.ok && res.error.code).toBe('import_too_large');
  });

  it('imports an Excel file with the leading zero of a numeric phone restored', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Peserta');
    ws.addRow(['Nama Lengkap', 'L/P', 'Asal', 'No HP', 'Peran']);
    ws.addRow(['Made Wirawan', 'L', 'Kota Metro', 81234567890, 'Narasumber']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await ok(ctx, 'participants.importPreview', { fileName: 'p.xlsx', bytes: data });
    expect(p.mapping).toEqual(['name', 'gender', 'regency', 'phone', 'role']);
    await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'p.xlsx',
      bytes: data,
      mapping: p.mapping,
      skipInvalid: false,
    });
    expect(ctx.db.prepare('SELECT name, gender, regency, phone, role FROM participant').get()).toEqual({
      name: 'Made Wirawan',
      gender: 'L',
      regency: 'Kota Metro',
      phone: '081234567890',
      role: 'Narasumber',
    });
  });
});
