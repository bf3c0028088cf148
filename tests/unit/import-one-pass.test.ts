// The import read once (issue 21, item 3): the commit writes the rows as the worker checks them,
// asked for its report returns the preview's report of the same walk (the CLI prints it instead of
// previewing first), and a file whose error is found after rows were written is rolled back whole.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { bin, ok, PSM_EVENT, ROOT, SHARED, scope, tempCtx, tempDir } from '../helpers/ctx';

const PSM_CSV = fs.readFileSync(path.join(SHARED, 'fixtures/peserta-psm-2022.csv'));
const PEOPLE = Array.from({ length: 15 }, (_, i) => `Peserta Nomor ${String.fromCharCode(65 + i)}${'a'.repeat(i)}`);
const count = (ctx: Ctx) => (ctx.db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n;

/** Two kiosks in the same state: one previews a file, the other imports it asking for the report. */
async function twins(setUp: (ctx: Ctx) => Promise<void>): Promise<[Ctx, Ctx]> {
  const pair: Ctx[] = [];
  for (let i = 0; i < 2; i++) {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    await setUp(ctx);
    pair.push(ctx);
  }
  return pair as [Ctx, Ctx];
}

describe('a commit asked for its report', () => {
  const cases: { what: string; setUp: (ctx: Ctx) => Promise<void>; file: string | Buffer; skipInvalid: boolean; shape: object }[] = [
    { what: 'the PSM list into an empty event', setUp: async () => {}, file: PSM_CSV, skipInvalid: false, shape: { wouldInsert: 66, validRows: 66 } },
    {
      what: 'a re-import that changes, keeps deleted and adds people, with rows in error skipped',
      setUp: async (ctx) => {
        await ok(ctx, 'participants.importCommit', {
          ...scope(ctx),
          fileName: 'first.csv',
          bytes: bin(['Nama,Kabupaten/Kota,No HP,Peran', ...PEOPLE.map((p) => `${p},Kota Metro,08120000${p.length}00,Peserta`)].join('\n')),
          mapping: ['name', 'regency', 'phone', 'role'],
          skipInvalid: false,
        });
        const gone = ctx.db.prepare('SELECT id FROM participant WHERE name = ?').get(PEOPLE[2]) as { id: number };
        await ok(ctx, 'participants.delete', { ...scope(ctx), id: gone.id });
      },
      file: [
        'Nama,Kabupaten/Kota,No HP,Peran',
        // The same people (one deleted since), one with another phone, then new and wrong rows.
        ...PEOPLE.map((p, i) => `${p},Kota Metro,${i === 5 ? '081299998888' : `08120000${p.length}00`},Peserta`),
        'Orang Baru,Kota Metro,081211112222,Peserta',
        'Ꭿrang Cherokee,Kota Metro,,Peserta',
        ',Kota Metro,,Peserta',
        'Budi Tanpa Peran,Kota Metro,,Bintang Tamu',
      ].join('\n'),
      skipInvalid: true,
      // The parts the report is made of, so the comparison is not of two empty reports.
      shape: { wouldInsert: 2, wouldUpdate: 1, unchanged: 13, keptDeleted: 1, changeCount: 1, totalRows: 19, validRows: 17 },
    },
  ];

  for (const c of cases) {
    it(`returns the preview's report: ${c.what}`, async () => {
      const [previewed, imported] = await twins(c.setUp);
      const bytes = bin(c.file);
      const preview = await ok(previewed, 'participants.importPreview', { fileName: 'file.csv', bytes });
      expect(preview).toMatchObject(c.shape);
      const before = count(imported);
      const out = await ok(imported, 'participants.importCommit', {
        ...scope(imported),
        fileName: 'file.csv',
        bytes,
        skipInvalid: c.skipInvalid,
        report: true,
      });
      // Badge codes are drawn at random: the twins' deleted person has a code of each kiosk's own.
      const codeless = (r: typeof preview) => ({ ...r, keptDeletedPeople: r.keptDeletedPeople.map(({ code: _, ...p }) => p) });
      expect(codeless(out.report!)).toEqual(codeless(preview));
      for (const p of out.report!.keptDeletedPeople)
        expect(imported.db.prepare('SELECT code FROM participant WHERE id = ?').pluck().get(p.participantId)).toBe(p.code);
      expect(out).toMatchObject({ inserted: preview.wouldInsert, updated: preview.wouldUpdate, skipped: preview.totalRows - preview.validRows });
      expect(count(imported)).toBe(before + preview.wouldInsert);
    }, 120_000);
  }

  it('is not returned unless asked for', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const out = await ok(ctx, 'participants.importCommit', { ...scope(ctx), fileName: 'p.csv', bytes: bin(PSM_CSV), skipInvalid: false });
    expect(out.inserted).toBe(66);
    expect(out).not.toHaveProperty('report');
  });
});

describe('a file whose error comes after rows were written', () => {
  it('is rolled back whole: no participant, no audit row, the error counts the rows', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    // Thousands of good rows (several parts, several insert batches) and one bad row at the end.
    const rows = Array.from({ length: 3_000 }, (_, i) => `Peserta ${i + 1},Kota Metro`);
    const csv = ['Nama,Kabupaten/Kota', ...rows, ',Kota Metro'].join('\n');
    const res = await dispatch(ctx, 'participants.importCommit', { ...scope(ctx), fileName: 'x.csv', bytes: bin(csv), skipInvalid: false });
    expect(!res.ok && res.error).toMatchObject({ code: 'import_invalid', params: { rows: 1 } });
    expect(count(ctx)).toBe(0);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'participants.import'").get()).toEqual({ n: 0 });
    // Search still finds what is imported next (the search index's trigger came back with the rollback).
    await ok(ctx, 'participants.importCommit', { ...scope(ctx), fileName: 'x.csv', bytes: bin(csv), skipInvalid: true });
    expect(count(ctx)).toBe(3_000);
    const found = await ok(ctx, 'participants.list', { query: 'Peserta 2999' });
    expect(found.rows.map((r) => r.name)).toContain('Peserta 2999');
  }, 120_000);
});

describe('hadir participants import (the file read once)', () => {
  const hadir = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });

  it('prints the same report as --dry-run, then what it imported', () => {
    const file = path.join(SHARED, 'fixtures/peserta-psm-2022.csv');
    const dry = tempDir();
    const real = tempDir();
    for (const dir of [dry, real]) expect(hadir('event', 'demo', '--data-dir', dir).status).toBe(0);
    // demo holds people already: the report has updates and changes to agree on, not only new rows.
    const preview = hadir('participants', 'import', file, '--dry-run', '--data-dir', dry);
    const done = hadir('participants', 'import', file, '--data-dir', real);
    expect([preview.status, done.status]).toEqual([0, 0]);
    const lines = done.stdout.trim().split('\n');
    expect(lines.slice(0, -1).join('\n')).toBe(preview.stdout.trim());
    expect(lines.at(-1)).toMatch(/^Imported: \d+ new, \d+ updated, \d+ unchanged, 0 skipped, \d+ left deleted\.$/);
  }, 120_000);

  it('with an error: prints the report naming it, refuses, and writes nothing', () => {
    const dir = tempDir();
    expect(hadir('event', 'demo', '--data-dir', dir).status).toBe(0);
    const before = hadir('participants', 'list', '--format', 'json', '--data-dir', dir).stdout;
    const res = hadir('participants', 'import', path.join(ROOT, 'tests/fixtures/empty-name.csv'), '--data-dir', dir);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('error  line 2, column "Nama": empty_name');
    expect(res.stderr).toMatch(/^hadir: \d+ row\(s\) have errors\. .*Nothing was imported\.\n$/);
    expect(hadir('participants', 'list', '--format', 'json', '--data-dir', dir).stdout).toBe(before);
  }, 120_000);
});
