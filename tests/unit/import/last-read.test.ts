// A commit after its preview takes the rows the preview read in the job thread instead of reading
// the file again (last-read.ts, issue 21 item 3): only for the same bytes, file name, mapping,
// roles and formula choice, only once, and never on the desks' thread. Real worker threads, a real
// data folder.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { Jobs } from '../../../electron/core/jobs/jobs';
import type { ImportPart, ImportSummary, ReadImportInput } from '../../../electron/core/participants/import/read-import-kind';
import type { PreparedRow } from '../../../electron/core/participants/import/prepare';
import { dispatch } from '../../../electron/core/dispatch';
import { toOpError } from '../../../electron/core/op-error';
import { ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';

const csv = (rows: string[]) => new TextEncoder().encode(['Nama,No HP,Peran', ...rows].join('\n'));
const LIST = csv(['Budi Santoso,081234567890,Peserta', 'Siti Aminah,081298765432,Panitia', 'Rahmat Hidayat,,Peserta']);

let ctx: Ctx;
beforeEach(async () => {
  ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
});

/** One read through the job runner: its summary and every row it streamed. */
async function read(input: Partial<ReadImportInput>, jobs = ctx.jobs): Promise<{ summary: ImportSummary; rows: PreparedRow[] }> {
  const rows: PreparedRow[] = [];
  const summary = await jobs.run(
    'participants.readImport',
    { bytes: LIST, fileName: 'peserta.csv', roles: ['Peserta', 'Narasumber', 'Panitia'], ...input },
    { onPart: (c) => void ('rows' in (c as ImportPart) && rows.push(...(c as { rows: PreparedRow[] }).rows)) },
  );
  return { summary, rows };
}

describe('the read a preview keeps for its commit', () => {
  it('is taken once by the next read of the same file, with the same rows a fresh read gives', async () => {
    const fresh = await read({});
    const preview = await read({ keepForCommit: true });
    expect(preview.summary.fromLastRead).toBe(false);
    // The CLI previews with the guessed mapping and commits with it spelled out: the same read.
    const commit = await read({ mapping: preview.summary.mapping });
    expect(commit.summary.fromLastRead).toBe(true);
    expect(commit.rows).toEqual(fresh.rows);
    // A kept read knows its invalid rows before it sends them (a commit refusing them writes nothing).
    const { knownInvalid, ...kept } = commit.summary;
    expect(knownInvalid).toBe(0);
    expect({ ...kept, fromLastRead: false }).toEqual(fresh.summary);
    expect(commit.rows.map((r) => r.values.name)).toEqual(['Budi Santoso', 'Siti Aminah', 'Rahmat Hidayat']);
    // Taken: the next read reads the file again.
    expect((await read({})).summary.fromLastRead).toBe(false);
  }, 60_000);

  it('is not taken for other bytes, another mapping, other roles or another formula choice', async () => {
    const others: Partial<ReadImportInput>[] = [
      { bytes: csv(['Budi Santoso,081234567890,Peserta']) },
      { fileName: 'lain.csv' },
      { mapping: ['name', null, 'role'] },
      { roles: ['Peserta', 'Panitia'] },
      { allowFormulas: true },
    ];
    for (const other of others) {
      await read({ keepForCommit: true });
      const got = await read(other);
      expect(got.summary.fromLastRead, JSON.stringify(Object.keys(other))).toBe(false);
      // A read of something else lets the kept one go: the commit that follows reads again.
      expect((await read({})).summary.fromLastRead).toBe(false);
    }
  }, 120_000);

  it('is never kept on the desks’ thread (the inline runner)', async () => {
    const inline = new Jobs('inline', (e) => toOpError(e));
    await read({ keepForCommit: true }, inline);
    expect((await read({}, inline)).summary.fromLastRead).toBe(false);
  });

  it('keeps a commit all-or-nothing: rows with errors are refused from the kept summary, nothing written', async () => {
    const bytes = csv(['Budi Santoso,081234567890,Peserta', ',081298765432,Panitia']);
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'peserta.csv', bytes });
    expect(preview).toMatchObject({ totalRows: 2, validRows: 1 });
    const refused = await dispatch(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'peserta.csv',
      bytes,
      mapping: preview.mapping,
      skipInvalid: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_invalid' } });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM participant').get()).toEqual({ n: 0 });
    // Previewed again, then committed skipping the row: the valid one lands.
    await ok(ctx, 'participants.importPreview', { fileName: 'peserta.csv', bytes });
    const done = await ok(ctx, 'participants.importCommit', {
      ...scope(ctx),
      fileName: 'peserta.csv',
      bytes,
      mapping: preview.mapping,
      skipInvalid: true,
    });
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(ctx.db.prepare('SELECT name FROM participant').all()).toEqual([{ name: 'Budi Santoso' }]);
  }, 60_000);
});
