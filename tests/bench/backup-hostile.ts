// Issue 18: what a hostile backup costs the kiosk to refuse, against restoring a good backup of
// the same size (the event-file bench's counterpart). The kiosk's own web host restores while a
// desk checks someone in every 5 ms on the same thread; figures: time to the answer, peak memory
// of the process above the level before (RSS sampled every 10 ms), and the longest check-in
// delay at the desk. Every hostile file is the good backup altered one way.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { DB_FILE } from '../../electron/core/system/data-dir';
import { appendScan } from '../../electron/db/repositories/scans';
import type { Row } from './run';

const PEOPLE = 5_000;
const EVERY_MS = 5;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-'));

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A kiosk of PEOPLE people, each checked in on both days: the good backup is a copy of it. */
async function goodBackup(resources: string): Promise<string> {
  const ctx = openContext(tmp(), 'cli', resources);
  const event = await must(
    dispatch(ctx, 'event.create', {
      name: 'Acara Cadangan',
      organiser: 'Bench',
      venue: 'Hall',
      city: 'Bandar Lampung',
      days: ['2026-12-01', '2026-12-02'],
      signatoryName: 'Bench',
      signatoryTitle: 'Bench',
      signatoryNip: '',
    }),
  );
  const lines = ['Nama,Kabupaten/Kota,NIK,No HP'];
  for (let i = 0; i < PEOPLE; i++) lines.push(`Peserta ${i},Kota Metro ${i % 15},${1801000000000000 + i},08${1100000000 + i}`);
  await must(
    dispatch(ctx, 'participants.importCommit', {
      eventId: event.id,
      desk: 'meja-1',
      fileName: 'peserta.csv',
      bytes: Buffer.from(lines.join('\n')),
      mapping: ['name', 'regency', 'nik', 'phone'],
      skipInvalid: false,
    }),
  );
  const people = ctx.db.prepare('SELECT id, code FROM participant').all() as { id: number; code: string }[];
  ctx.db.transaction(() => {
    for (const day of event.days)
      for (const p of people)
        appendScan(ctx.db, {
          uuid: crypto.randomUUID(),
          eventId: event.id,
          station: 'meja-1',
          participantId: p.id,
          eventDayId: day.id,
          scannedAt: new Date().toISOString(),
          verdict: 'ok',
          rawCode: p.code,
        });
  })();
  const file = path.join(tmp(), 'hadir-2026-12-01-manual.db');
  await ctx.db.backup(file);
  ctx.db.close();
  // One file, as Hadir's own backups are (no -wal beside it).
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.close();
  return file;
}

/** The good backup altered one way, in a file of its own. */
function altered(good: string, name: string, change: (file: string) => void): string {
  const file = path.join(tmp(), name);
  fs.copyFileSync(good, file);
  change(file);
  return file;
}

/** A desk on the kiosk's thread: one check-in every EVERY_MS until `until` settles; each one's delay. */
async function desk(ctx: Ctx, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const delays: number[] = [];
  let due = performance.now() + EVERY_MS;
  while (!done) {
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    if (done) break;
    // ctx.db read afresh each time: a restore swaps the connection under the desk.
    const p = ctx.db.prepare('SELECT id, code, event_id FROM participant LIMIT 1').get() as { id: number; code: string; event_id: number };
    const day = ctx.db.prepare('SELECT id FROM event_day WHERE event_id = ? ORDER BY day_no LIMIT 1').get(p.event_id) as { id: number };
    appendScan(ctx.db, {
      uuid: crypto.randomUUID(),
      eventId: p.event_id,
      station: 'meja-2',
      participantId: p.id,
      eventDayId: day.id,
      scannedAt: new Date().toISOString(),
      verdict: 'ok',
      rawCode: p.code,
    });
    const now = performance.now();
    delays.push(now - due);
    due = Math.max(due + EVERY_MS, now);
  }
  return delays;
}

async function measure(ctx: Ctx, file: string) {
  const base = process.memoryUsage().rss;
  // The check is synchronous: the sampler below cannot run during it, so the process's own
  // high-water mark (maxRSS) is read too, and the larger rise is reported.
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  const running = dispatch(ctx, 'backup.restore', { file }).then((r) => ({ r, ms: performance.now() - t0 }));
  const delays = await desk(ctx, running);
  const { r, ms } = await running;
  clearInterval(sampler);
  return {
    ok: r.ok,
    message: r.ok ? '' : r.error.message,
    ms,
    peakMb: Math.max(peak - base, process.resourceUsage().maxRSS * 1024 - Math.max(maxBefore, base)) / 1024 / 1024,
    longest: delays.length ? Math.max(...delays) : ms,
    checkins: delays.length,
  };
}

export async function benchBackupHostile(rows: Row[], resources: string): Promise<void> {
  const good = await goodBackup(resources);
  const size = fs.statSync(good).size;
  const pageSize = 4096;
  const hostile: [string, string][] = [
    [
      'altered schema (a trigger renaming everyone at the next check-in)',
      altered(good, 'trigger.db', (f) => {
        const db = new Database(f);
        db.exec("CREATE TRIGGER hacked AFTER INSERT ON scan BEGIN UPDATE participant SET name = 'HACKED'; END");
        db.close();
      }),
    ],
    [
      'damaged page in the middle (found by integrity_check, the last check)',
      altered(good, 'damaged.db', (f) => {
        const fd = fs.openSync(f, 'r+');
        const page = Math.floor(size / pageSize / 2) * pageSize;
        fs.writeSync(fd, crypto.randomBytes(pageSize), 0, pageSize, page);
        fs.closeSync(fd);
      }),
    ],
    [
      'newer schema (user_version 70)',
      altered(good, 'newer.db', (f) => {
        const db = new Database(f);
        db.pragma('user_version = 70');
        db.close();
      }),
    ],
    ['sparse: the same pages in a file 20× as large', altered(good, 'sparse.db', (f) => fs.truncateSync(f, size * 20))],
  ];

  // The kiosk restores into its own data folder: a copy of the same people, so the desk's
  // check-ins find them before and after a restore.
  const dataDir = tmp();
  fs.copyFileSync(good, path.join(dataDir, DB_FILE));
  const ctx = openContext(dataDir, 'cli', resources);
  const results = [];
  for (const [what, file] of hostile) {
    const m = await measure(ctx, file);
    if (m.ok) throw new Error(`backup bench: ${what} was restored`);
    console.log(`  ${what}: ${m.message}`);
    results.push({ what, m });
  }
  const ref = await measure(ctx, good);
  if (!ref.ok) throw new Error(`backup bench: the good backup was refused: ${ref.message}`);
  ctx.db.close();

  const mb = (size / 1e6).toFixed(1);
  const label = `good backup of ${PEOPLE.toLocaleString('en')} people, ${(PEOPLE * 2).toLocaleString('en')} check-ins (${mb} MB), restored`;
  for (const { what, m } of results) {
    rows.push({ name: `hostile backup, ${what}: time to refusal`, value: m.ms, unit: 'ms', ref: label, refValue: ref.ms });
    rows.push({ name: `hostile backup, ${what}: peak RSS above start`, value: m.peakMb, unit: 'MB', ref: label, refValue: ref.peakMb });
    rows.push({
      name: `hostile backup, ${what}: longest check-in delay at another desk (${m.checkins} check-ins)`,
      value: m.longest,
      unit: 'ms',
      ref: `${label} (${ref.checkins} check-ins)`,
      refValue: ref.longest,
    });
  }
}
