import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { appendScan } from '../../electron/db/repositories/scans';
import { INSERT_BATCH } from '../../electron/db/repositories/participants';
import { inLongWrite, LONG_WRITE_CACHE_KIB } from '../../electron/db/long-write';
import { runBackup } from '../../electron/core/system/backup';
import type { HadirEvent } from '../../electron/shared/event';
import type { JobStatus } from '../../electron/shared/jobs';
import type { Field } from '../../electron/shared/participant';
import { bin, ok, PSM_EVENT, tempCtx, scope } from '../helpers/ctx';

// A list large enough that writing it takes many slices, so a test can act in between.
const ROWS = 12_000;
function bigCsv(n = ROWS, from = 0): string {
  const lines = ['Nama,NIK,Peran'];
  for (let i = from; i < from + n; i++) lines.push(`Peserta Nomor ${i},${1871000000000000 + i},Peserta`);
  return lines.join('\n');
}
const MAPPING: (Field | null)[] = ['name', 'nik', 'role'];
const count = (ctx: Ctx, table = 'participant') =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Waits (yielding to the event loop) until the job's status satisfies `cond`. */
async function until(ctx: Ctx, id: string, cond: (s: JobStatus) => boolean): Promise<JobStatus> {
  for (;;) {
    const s = ctx.jobs.status(id);
    if (cond(s)) return s;
    if (s.finishedAt) throw new Error(`job ended ${s.state} before the awaited state`);
    await new Promise((r) => setImmediate(r));
  }
}
const writing = (s: JobStatus) => s.phase === 'write' && s.done > 0 && s.done < s.total;

/** What a check-in desk does: one scan row in its own transaction on the shared connection. */
function checkIn(ctx: Ctx, event: HadirEvent, participantId: number, station = 'desk-2'): string {
  const uuid = crypto.randomUUID();
  ctx.db.transaction(() =>
    appendScan(ctx.db, {
      uuid,
      eventId: event.id,
      station,
      participantId,
      eventDayId: event.days[0]!.id,
      scannedAt: new Date().toISOString(),
      verdict: 'ok',
      rawCode: 'X',
    }),
  )();
  return uuid;
}
const scanExists = (ctx: Ctx, uuid: string) => ctx.db.prepare('SELECT 1 FROM scan WHERE uuid = ?').get(uuid) !== undefined;

let ctx: Ctx;
let event: HadirEvent;
let known: number;
beforeEach(async () => {
  ctx = tempCtx();
  event = await ok(ctx, 'event.create', PSM_EVENT);
  known = (await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Sudah Terdaftar', role: 'Peserta' } as never)).id;
});

const start = (csv = bigCsv()) =>
  ok(ctx, 'jobs.start', {
    job: 'participants.import',
    input: { ...scope(ctx), fileName: 'besar.csv', bytes: bin(csv), mapping: MAPPING, skipInvalid: false },
  });

describe('import as a job', () => {
  it('reads in the worker, writes in slices with progress, and hands over the outcome', async () => {
    const job = await start();
    const phases = new Set<string>();
    for (let s = job; !s.finishedAt; s = ctx.jobs.status(job.id)) {
      if (s.phase) phases.add(s.phase);
      await new Promise((r) => setImmediate(r));
    }
    expect([...phases]).toEqual(expect.arrayContaining(['read', 'write']));
    expect(await ok(ctx, 'jobs.status', { id: job.id })).toMatchObject({ state: 'done', done: ROWS, total: ROWS });
    expect(await ok(ctx, 'jobs.result', { id: job.id })).toMatchObject({ inserted: ROWS, skipped: 0 });
    expect(count(ctx)).toBe(ROWS + 1);
  });

  it('answers a check-in between slices of the write, and keeps it', async () => {
    const job = await start();
    await until(ctx, job.id, writing);
    const uuid = checkIn(ctx, event, known);
    // The import was still being written when the check-in went through.
    expect(writing(ctx.jobs.status(job.id))).toBe(true);
    expect((await ctx.jobs.settled(job.id)).state).toBe('done');
    expect(scanExists(ctx, uuid)).toBe(true);
  });

  it("leaves the WAL checkpoint to a worker: none at the import's COMMIT, on the desks' thread", async () => {
    const runs: { kind: string; out: Promise<unknown> }[] = [];
    const run = ctx.jobs.run.bind(ctx.jobs);
    ctx.jobs.run = ((kind, input, opts, transfer) => {
      const out = run(kind, input, opts, transfer);
      runs.push({ kind, out });
      return out;
    }) as typeof ctx.jobs.run;
    const job = await start();
    await until(ctx, job.id, writing);
    expect(ctx.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect((await ctx.jobs.settled(job.id)).state).toBe('done');
    const checkpoint = runs.find((r) => r.kind === 'db.checkpoint');
    expect(checkpoint).toBeDefined();
    const res = (await checkpoint!.out) as { busy: number; log: number; checkpointed: number };
    expect(res.busy).toBe(0);
    expect(res.checkpointed).toBe(res.log); // the whole import is in the database file
    expect(res.log).toBeGreaterThan(100);
    await new Promise((r) => setImmediate(r));
    expect(ctx.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(count(ctx)).toBe(ROWS + 1);
  });

  // Issue 21 item 3: the longest check-in delay during an import was its COMMIT writing every
  // page the import dirtied (the whole 16 MiB page cache) to the WAL in one call on this thread.
  // The pages now go to the WAL during the walk, between slices; the COMMIT writes what is left.
  it("writes the import's pages to the WAL during the walk: its COMMIT writes at most the long write's page cache", async () => {
    const wal = () => fs.statSync(`${ctx.dbPath}-wal`).size;
    const exec = ctx.db.exec.bind(ctx.db);
    const commits: { before: number; after: number }[] = [];
    ctx.db.exec = ((sql: string) => {
      if (sql !== 'COMMIT' || !inLongWrite(ctx.db)) return exec(sql);
      const before = wal();
      const out = exec(sql);
      commits.push({ before, after: wal() });
      return out;
    }) as typeof ctx.db.exec;
    const usual = ctx.db.pragma('cache_size', { simple: true });
    const job = await start();
    await until(ctx, job.id, writing);
    expect(ctx.db.pragma('cache_size', { simple: true })).toBe(-LONG_WRITE_CACHE_KIB);
    expect((await ctx.jobs.settled(job.id)).state).toBe('done');
    expect(commits).toHaveLength(1);
    const { before, after } = commits[0]!;
    // A WAL frame is a 24-byte header and a 4 KiB page; the cache holds at most this many pages.
    const cachePages = (LONG_WRITE_CACHE_KIB * 1024) / 4096;
    const frames = (bytes: number) => bytes / (4096 + 24);
    expect(frames(after - before)).toBeLessThanOrEqual(cachePages + 8);
    // Not vacuous: the import dirtied more than twice what that cache holds (before: all at COMMIT).
    expect(frames(after)).toBeGreaterThan(2 * cachePages);
    expect(ctx.db.pragma('cache_size', { simple: true })).toBe(usual);
    expect(count(ctx)).toBe(ROWS + 1);
  });

  // Issue 21 item 3: one INSERT per row was ~2 s of the desks' thread's CPU for 50,000 rows.
  it('inserts the new people INSERT_BATCH rows per statement', async () => {
    const proto = Object.getPrototypeOf(ctx.db.prepare('SELECT 1')) as { run: (...a: unknown[]) => unknown };
    const run = proto.run;
    let inserts = 0;
    proto.run = function (this: { source: string }, ...args: unknown[]) {
      if (this.source.startsWith('INSERT INTO participant(')) inserts++;
      return run.apply(this, args);
    };
    try {
      const job = await start();
      expect((await ctx.jobs.settled(job.id)).state).toBe('done');
    } finally {
      proto.run = run;
    }
    expect(count(ctx)).toBe(ROWS + 1);
    expect(inserts).toBe(Math.ceil(ROWS / INSERT_BATCH)); // before: one per row, 12,000
  });

  // Issue 21 item 3 (fifth pass): one code lookup per new person was ~100 ms of the desks' thread
  // for 50,000 rows; the codes of a batch are asked in one query.
  it('asks the stored codes a batch at a time, not once per new person', async () => {
    const proto = Object.getPrototypeOf(ctx.db.prepare('SELECT 1')) as Record<'get' | 'all', (...a: unknown[]) => unknown>;
    const asked = { one: 0, batch: 0 };
    const spy = (name: 'get' | 'all', what: keyof typeof asked, sql: string) => {
      const real = proto[name]!;
      proto[name] = function (this: { source: string }, ...args: unknown[]) {
        if (this.source.includes(sql)) asked[what]++;
        return real.apply(this, args);
      };
      return () => (proto[name] = real);
    };
    const restore = [spy('get', 'one', 'AND code = @code'), spy('all', 'batch', 'json_each(@codes)')];
    try {
      const job = await start();
      expect((await ctx.jobs.settled(job.id)).state).toBe('done');
    } finally {
      restore.forEach((r) => r());
    }
    expect(count(ctx)).toBe(ROWS + 1);
    expect(asked.one).toBe(0); // before: 12,000
    expect(asked.batch).toBe(Math.ceil(ROWS / INSERT_BATCH));
    const codes = ctx.db.prepare('SELECT count(DISTINCT code) AS n FROM participant').get() as { n: number };
    expect(codes.n).toBe(ROWS + 1);
  });

  // The search index is written per batch while the per-row trigger is set aside (participant-fts.ts):
  // what it holds must be what the trigger writes, and the trigger must be back, the same.
  it('indexes the imported people for search as the trigger does, and puts the trigger back', async () => {
    const trigger = () => ctx.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'participant_ai'").pluck().get();
    const before = trigger();
    const names = ["Ma'ruf Amin", 'Nur’aini Siregar', 'I Gede `Bagus´', 'Ni Luh ʼAyuʻ', 'Đorđe Petrović'];
    const csv = [
      'Nama,Kabupaten/Kota,Instansi,Peran',
      ...names.map((n, i) => `${n},Kab. Tulang Bawang ${i},Dinas Sosial,Peserta`),
    ];
    const job = await ok(ctx, 'jobs.start', {
      job: 'participants.import',
      input: {
        ...scope(ctx),
        fileName: 'nama.csv',
        bytes: bin(csv.join('\n')),
        mapping: ['name', 'regency', 'institution', 'role'],
        skipInvalid: false,
      },
    });
    expect((await ctx.jobs.settled(job.id)).state).toBe('done');
    expect(trigger()).toBe(before);
    ctx.db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, participant_fts, 'instance')");
    const vocab = () => ctx.db.prepare('SELECT term, doc, col, offset FROM temp.vocab ORDER BY doc, col, offset').all();
    const imported = vocab();
    // Each person indexed again by the triggers (an update of the name deletes and re-adds them).
    ctx.db.exec('UPDATE participant SET name = name');
    expect(imported).toEqual(vocab());
    expect(imported.length).toBeGreaterThan(names.length * 5);
    const found = await ok(ctx, 'participants.list', { query: 'maruf', limit: 10, offset: 0 });
    expect(found.rows.map((r) => r.name)).toEqual(["Ma'ruf Amin"]);
    const regency = await ok(ctx, 'participants.list', { query: 'tulang', limit: 10, offset: 0 });
    expect(regency.total).toBe(names.length);
  });

  it('cancelling mid-write rolls the whole import back, and keeps the check-ins made meanwhile', async () => {
    const job = await start();
    await until(ctx, job.id, writing);
    const uuid = checkIn(ctx, event, known);
    expect((await ok(ctx, 'jobs.cancel', { id: job.id })).state).toBe('cancelled');
    expect(count(ctx)).toBe(1); // all or nothing: not one imported row is left
    // The search trigger set aside during the write came back with the rollback.
    const found = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Sesudah Batal', role: 'Peserta' } as never);
    const search = await ok(ctx, 'participants.list', { query: 'sesudah', limit: 10, offset: 0 });
    expect(search.rows.map((r) => r.id)).toEqual([found.id]);
    expect(scanExists(ctx, uuid)).toBe(true); // carried over the rollback
    expect(ctx.db.inTransaction).toBe(false);
    const audit = ctx.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'participants.import'").get() as { n: number };
    expect(audit.n).toBe(0);
  });

  it('holds back other writes until the import is written, so nothing changes under it', async () => {
    const job = await start();
    await until(ctx, job.id, writing);
    const created = await dispatch(ctx, 'participants.create', {
      ...scope(ctx),
      name: 'Datang Belakangan',
      role: 'Peserta',
    } as never);
    if (!created.ok) throw new Error(created.error.message);
    // The create waited for the import's commit: it was written after every imported row.
    const last = ctx.db.prepare("SELECT max(id) AS id FROM participant WHERE name LIKE 'Peserta Nomor %'").get() as {
      id: number;
    };
    expect(created.value.id).toBeGreaterThan(last.id);
    expect(count(ctx)).toBe(ROWS + 2);
    expect((await ctx.jobs.settled(job.id)).state).toBe('done');
  });

  it('takes a backup of the imported list whole, never of half of it', async () => {
    const job = await start();
    await until(ctx, job.id, writing);
    const backup = await runBackup(ctx, 'manual');
    const copy = new Database(backup.copies[0]!.file!, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n).toBe(ROWS + 1);
    copy.close();
    expect((await ctx.jobs.settled(job.id)).state).toBe('done');
  });

  it('writes two imports one after the other, never inside each other', async () => {
    const a = await start(bigCsv(ROWS, 0));
    const b = await start(bigCsv(ROWS, ROWS));
    const [sa, sb] = await Promise.all([ctx.jobs.settled(a.id), ctx.jobs.settled(b.id)]);
    expect([sa.state, sb.state]).toEqual(['done', 'done']);
    expect(count(ctx)).toBe(2 * ROWS + 1);
  });

  it('passes the import choices through to the commit (allowFormulas)', async () => {
    const csv = 'Nama,NIK,Peran\n=Budi Santoso,1871000000000001,Peserta\n';
    const refused = await start(csv);
    expect((await ctx.jobs.settled(refused.id)).state).toBe('failed');
    const job = await ok(ctx, 'jobs.start', {
      job: 'participants.import',
      input: { ...scope(ctx), fileName: 'f.csv', bytes: bin(csv), mapping: MAPPING, skipInvalid: false, allowFormulas: true },
    });
    expect(await ctx.jobs.settled(job.id)).toMatchObject({ state: 'done' });
    expect(count(ctx)).toBe(2);
  });

  it("fails the job with the operation's own error, and writes nothing", async () => {
    const job = await start('Nama,NIK,Peran\nBudi,123,Peserta\n');
    const end = await ctx.jobs.settled(job.id);
    expect(end).toMatchObject({ state: 'failed', error: { code: 'import_invalid' } });
    const res = await dispatch(ctx, 'jobs.result', { id: job.id });
    expect(!res.ok && res.error.code).toBe('import_invalid');
    expect(count(ctx)).toBe(1);
  });
});
