// Restore in a running kiosk, on real files: through the web host (every later request, the
// backup scheduler and jobs use the restored database), scans made after the backup carried
// over by uuid, a restore refused while another process holds the database, and backups that
// come back in hostile (altered schema, other versions, a -wal beside them, sparse files).
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { runBackup, startBackupScheduler } from '../../electron/core/system/backup';
import { BACKUP_KEEP, listBackups } from '../../electron/core/system/backup-files';
import { HOLDERS_DIR } from '../../electron/core/system/db-holders';
import { LATEST_VERSION } from '../../electron/db/migrate';
import { createWebHost } from '../../electron/web/server';
import { ROOT, RESOURCES, ok, tempDir } from '../helpers/ctx';

const open = (dataDir = tempDir(), runtime: Ctx['runtime'] = 'cli') => openContext(dataDir, runtime, RESOURCES, { actor: 'test' });

async function demo(ctx: Ctx) {
  const event = await ok(ctx, 'event.createDemo', {});
  const people = ctx.db.prepare('SELECT id, name, code FROM participant ORDER BY id').all() as { id: number; name: string; code: string }[];
  const desk = { eventId: event.id, desk: 'Meja 1' };
  return { event, people, desk };
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;

describe('restore through the web host', () => {
  it('every later request, the backup scheduler and a job use the restored database, without a restart', async () => {
    const ctx = open(tempDir(), 'web');
    const { people, desk } = await demo(ctx);
    const server = createWebHost({ ctx, staticDir: tempDir() });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    const post = async (op: string, body: unknown) =>
      (await (await fetch(base + op, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
        ok: boolean;
        value: never;
        error?: { code: string; message: string };
      };
    const sched = startBackupScheduler(ctx, 60_000);
    try {
      expect((await post('checkin.scan', { ...desk, text: people[0]!.code, day: 1 })).ok).toBe(true);
      const status = await post('backup.run', {});
      const file = (status.value as { backups: { file: string }[] }).backups[0]!.file;
      const restored = await post('backup.restore', { file });
      expect(restored).toMatchObject({ ok: true });
      // The connection the host's context holds is the new one, and every request reads it.
      for (let i = 1; i <= 3; i++) {
        const scan = await post('checkin.scan', { ...desk, text: people[i]!.code, day: 1 });
        expect(scan).toMatchObject({ ok: true, value: { verdict: 'green' } });
      }
      const list = await post('participants.list', { eventId: desk.eventId });
      expect(list).toMatchObject({ ok: true });
      const stats = await post('checkin.stats', { eventId: desk.eventId, day: 1 });
      expect(stats.ok).toBe(true);
      expect(count(ctx.db, "SELECT COUNT(*) FROM scan WHERE verdict = 'ok'")).toBe(4);
      // A job (its handler reads the context when it runs) and the scheduler's quit backup.
      const job = await post('jobs.start', {
        job: 'badges.render',
        input: { eventId: desk.eventId, layout: 'a4-8', whom: { kind: 'all' }, maxPages: 1 },
      });
      expect(job.ok).toBe(true);
      {
        const id = (job.value as { id: string }).id;
        await expect
          .poll(async () => ((await post('jobs.status', { id })).value as { state: string } | undefined)?.state, { timeout: 300_000 })
          .toBe('done');
      }
      await sched.stop();
      const quit = listBackups([path.join(ctx.dataDir, 'backups')])[0]!;
      expect(quit.reason).toBe('quit');
      const q = new Database(quit.file, { readonly: true });
      expect(count(q, "SELECT COUNT(*) FROM scan WHERE verdict = 'ok'")).toBe(4);
      q.close();
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      ctx.db.close();
    }
  }, 120_000);
});

describe('scans made after the backup', () => {
  it('are carried into the restored database by uuid, walk-ins with them, and listed', async () => {
    const ctx = open();
    const { people, desk } = await demo(ctx);
    await ok(ctx, 'checkin.scan', { ...desk, text: people[0]!.code, day: 1 });
    const file = (await ok(ctx, 'backup.run', {})).backups[0]!.file;
    // After the backup: three check-ins, an unknown code and a walk-in.
    for (const p of people.slice(1, 4)) await ok(ctx, 'checkin.scan', { ...desk, text: p.code, day: 1 });
    await ok(ctx, 'checkin.scan', { ...desk, text: 'BUKANKODE', day: 1 });
    await ok(ctx, 'checkin.walkIn', {
      ...desk,
      day: 1,
      participant: { name: 'Tamu Datang Belakangan', regency: 'Kota Metro', role: 'Peserta' },
    } as never);
    const before = ctx.db.prepare('SELECT uuid FROM scan ORDER BY uuid').pluck().all();
    const out = await ok(ctx, 'backup.restore', { file });
    expect(out.carried.map((c) => c.name)).toEqual([
      people[1]!.name,
      people[2]!.name,
      people[3]!.name,
      null,
      'Tamu Datang Belakangan',
    ]);
    expect(out.carried.every((c) => c.date === '2022-09-07' && c.station === 'Meja 1')).toBe(true);
    expect(ctx.db.prepare('SELECT uuid FROM scan ORDER BY uuid').pluck().all()).toEqual(before);
    expect(count(ctx.db, 'SELECT COUNT(*) FROM attendance')).toBe(5);
    expect(count(ctx.db, "SELECT COUNT(*) FROM participant WHERE name = 'Tamu Datang Belakangan'")).toBe(1);
    // A second restore of the same backup carries them again: nothing is ever lost.
    const again = await ok(ctx, 'backup.restore', { file });
    expect(again.carried).toHaveLength(5);
    expect(count(ctx.db, 'SELECT COUNT(*) FROM scan')).toBe(before.length);
    ctx.db.close();
  });

  it('a restore can always put back the file it moved aside', async () => {
    const ctx = open();
    const { people, desk } = await demo(ctx);
    const file = (await ok(ctx, 'backup.run', {})).backups[0]!.file;
    await ok(ctx, 'participants.delete', { ...desk, id: people[5]!.id });
    const out = await ok(ctx, 'backup.restore', { file });
    expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(66);
    const back = await ok(ctx, 'backup.restore', { file: out.keptAs! });
    expect(back.keptAs).toMatch(/before-restore/);
    expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(65);
    ctx.db.close();
  });
});

describe('a restore while another process holds the database', () => {
  it('is refused naming the holder, in the operation and in the CLI; nothing is changed', async () => {
    const dataDir = tempDir();
    const ctx = open(dataDir);
    await demo(ctx);
    const file = (await ok(ctx, 'backup.run', {})).backups[0]!.file;
    ctx.db.close();
    // A web host in another process: its note, under a live pid.
    const host = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    try {
      fs.mkdirSync(path.join(dataDir, HOLDERS_DIR), { recursive: true });
      fs.writeFileSync(
        path.join(dataDir, HOLDERS_DIR, `${host.pid}.json`),
        JSON.stringify({ pid: host.pid, runtime: 'web', startedAt: '', url: 'http://127.0.0.1:5174/' }),
      );
      const bytes = fs.readFileSync(path.join(dataDir, 'hadir.db'));
      const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), 'restore', file, '--data-dir', dataDir], {
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr.trim().split('\n')).toHaveLength(1);
      expect(cli.stderr).toContain(`host web Hadir (pid ${host.pid}, http://127.0.0.1:5174/)`);
      expect(cli.stderr).toContain(`the Hadir web host (pid ${host.pid}`);
      const other = open(dataDir);
      const res = await dispatch(other, 'backup.restore', { file });
      expect(res).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`pid ${host.pid}`) } });
      other.db.close();
      expect(fs.readFileSync(path.join(dataDir, 'hadir.db')).equals(bytes)).toBe(true);
      expect(fs.readdirSync(dataDir).filter((f) => f.includes('before-restore'))).toEqual([]);
    } finally {
      host.kill();
    }
    // Once that process is gone its note is stale: the restore goes ahead.
    await new Promise((r) => host.once('exit', r));
    const later = open(dataDir);
    expect((await dispatch(later, 'backup.restore', { file })).ok).toBe(true);
    later.db.close();
  }, 120_000);
});

describe('a backup is checked before it is installed', () => {
  async function backupOf(): Promise<{ ctx: Ctx; file: string; people: { id: number; code: string }[]; desk: { eventId: number; desk: string } }> {
    const ctx = open();
    const { people, desk } = await demo(ctx);
    for (const p of people.slice(0, 10)) await ok(ctx, 'checkin.scan', { ...desk, text: p.code, day: 1 });
    const file = (await ok(ctx, 'backup.run', {})).backups[0]!.file;
    return { ctx, file, people, desk };
  }
  function alter(file: string, sql: string) {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  }
  const hostile: [string, string, RegExp][] = [
    ['a newer schema', `PRAGMA user_version = ${LATEST_VERSION + 10}`, new RegExp(`newer Hadir \\(schema ${LATEST_VERSION + 10}`)],
    ['a version Hadir never wrote', 'PRAGMA user_version = 35', /schema version 35 was never written/],
    [
      'a trigger that renames everyone',
      "CREATE TRIGGER evil AFTER INSERT ON scan BEGIN UPDATE participant SET name = 'HACKED'; END",
      /trigger evil is not part of Hadir/,
    ],
    [
      'an attendance view that shows everyone present',
      'DROP VIEW attendance; CREATE VIEW attendance AS SELECT p.id AS participant_id, d.id AS event_day_id, p.created_at AS first_at FROM participant p, event_day d',
      /view attendance differs/,
    ],
    ['no append-only trigger', 'DROP TRIGGER scan_no_delete', /trigger scan_no_delete is missing/],
    ['a missing column', 'ALTER TABLE participant DROP COLUMN email', /table participant differs/],
    ['an extra index', 'CREATE INDEX x ON participant(name)', /index x is not part of Hadir/],
  ];
  for (const [what, sql, message] of hostile) {
    it(`refuses ${what} in the preview and the restore, in one worded line; nothing changes`, async () => {
      const { ctx, file } = await backupOf();
      alter(file, sql);
      const before = fs.readFileSync(ctx.dbPath);
      for (const op of ['backup.inspect', 'backup.restore'] as const) {
        const res = await dispatch(ctx, op, { file });
        expect(res).toMatchObject({ ok: false, error: { code: 'backup_invalid', message: expect.stringMatching(message) } });
        if (!res.ok) {
          expect(String(res.error.params?.detail)).toMatch(/ \/ /); // Indonesian / English
          expect(res.error.message).not.toContain('\n');
        }
      }
      expect(fs.readFileSync(ctx.dbPath).equals(before)).toBe(true);
      expect(fs.readdirSync(ctx.dataDir).filter((f) => f.includes('before-restore'))).toEqual([]);
      expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(66);
      ctx.db.close();
    });
  }

  it('refuses a file with tables but no Hadir schema version (user_version 0)', async () => {
    const ctx = open();
    await demo(ctx);
    const file = path.join(tempDir(), 'nol.db');
    alter(file, 'CREATE TABLE event (id INTEGER PRIMARY KEY); INSERT INTO event VALUES (1)');
    const res = await dispatch(ctx, 'backup.restore', { file });
    expect(res).toMatchObject({ ok: false, error: { code: 'backup_invalid', message: expect.stringMatching(/version 0/) } });
    expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(66);
    ctx.db.close();
  });

  it('an older schema is accepted and migrated', async () => {
    const ctx = open();
    await demo(ctx);
    const old = path.join(tempDir(), 'lama.db');
    const db = new Database(old);
    const { MIGRATIONS } = await import('../../electron/db/migrations');
    db.transaction(() => {
      for (const m of MIGRATIONS.filter((m) => m.version <= 40)) m.up(db);
      db.pragma('user_version = 40');
    })();
    db.close();
    const out = await ok(ctx, 'backup.restore', { file: old });
    expect(out.keptAs).toMatch(/before-restore/);
    expect(ctx.db.pragma('user_version', { simple: true })).toBeGreaterThan(40);
    ctx.db.close();
  });

  it('a copy with a -wal beside it: the preview counts its scans, the restore has them, nothing is written beside it', async () => {
    const { ctx, people, desk } = await backupOf();
    // A copy of a live database taken as files: hadir.db plus its -wal holding the later scans.
    const dir = tempDir();
    const copy = path.join(dir, 'salinan.db');
    for (const p of people.slice(10, 20)) await ok(ctx, 'checkin.scan', { ...desk, text: p.code, day: 1 });
    // Keep the scans in the -wal: copy while the connection is open and nothing checkpointed.
    ctx.db.pragma('wal_checkpoint(PASSIVE)');
    const holder = new Database(ctx.dbPath);
    holder.pragma('wal_autocheckpoint = 0');
    for (const p of people.slice(20, 30)) await ok(ctx, 'checkin.scan', { ...desk, text: p.code, day: 2 });
    fs.copyFileSync(ctx.dbPath, copy);
    fs.copyFileSync(`${ctx.dbPath}-wal`, `${copy}-wal`);
    holder.close();
    const walBytes = fs.statSync(`${copy}-wal`).size;
    expect(walBytes).toBeGreaterThan(0);
    const preview = await ok(ctx, 'backup.inspect', { file: copy });
    expect(preview.checkins).toBe(30);
    expect(fs.readdirSync(dir).sort()).toEqual(['salinan.db', 'salinan.db-wal']);
    const out = await ok(ctx, 'backup.restore', { file: copy });
    expect(count(ctx.db, 'SELECT COUNT(*) FROM attendance')).toBe(30);
    expect(out.carried).toHaveLength(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['salinan.db', 'salinan.db-wal']);
    expect(fs.statSync(`${copy}-wal`).size).toBe(walBytes);
    ctx.db.close();
  });

  it('a sparse file larger than the database it holds is refused before anything is copied', async () => {
    const { ctx, file } = await backupOf();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, 3 * 1024 ** 3); // 3 GB, the rest a hole
    const started = Date.now();
    const res = await dispatch(ctx, 'backup.restore', { file });
    expect(res).toMatchObject({ ok: false, error: { code: 'backup_invalid', message: expect.stringMatching(/sparse or padded/) } });
    expect(Date.now() - started).toBeLessThan(60_000); // not a 3 GB copy (generous: the machine may be loaded)
    expect(fs.statSync(ctx.dbPath).size).toBeLessThan(size * 4);
    expect(fs.existsSync(path.join(ctx.dataDir, 'restore-check'))).toBe(false);
    ctx.db.close();
  });
});


describe('backups kept by the order they were made', () => {
  it('with the clock set back to 2000 and 20 backups on disk, the new one is kept, the oldest made goes, and the clock is reported behind', async () => {
    const ctx = open();
    await demo(ctx);
    const dir = path.join(ctx.dataDir, 'backups');
    for (let i = 0; i < BACKUP_KEEP; i++) await runBackup(ctx, 'auto');
    const made = listBackups([dir]).map((b) => b.file);
    expect(made).toHaveLength(BACKUP_KEEP);
    const real = ctx.now;
    let t = Date.parse('2000-01-01T00:00:00Z');
    ctx.now = () => new Date((t += 60_000));
    const first = await runBackup(ctx, 'auto');
    expect(first.copies[0]!.file).toMatch(/hadir-20000101-/);
    expect(fs.existsSync(first.copies[0]!.file!)).toBe(true);
    expect(first.clockBehind).toBe(listBackups([dir]).map((b) => b.at).sort().pop());
    const second = await runBackup(ctx, 'manual');
    const now = listBackups([dir]);
    expect(now).toHaveLength(BACKUP_KEEP);
    // Newest made first, whatever the names say; the two made first of all are gone.
    expect(now.slice(0, 2).map((b) => b.file)).toEqual([second.copies[0]!.file, first.copies[0]!.file]);
    expect(now.slice(2).map((b) => b.file)).toEqual(made.slice(0, BACKUP_KEEP - 2));
    expect((await ok(ctx, 'backup.status', {})).last?.clockBehind).toBeTruthy();
    ctx.now = real;
    ctx.db.close();
  });
});

describe('a backup killed midway', () => {
  it('leaves .partial files that the next backup removes (not those of a backup still running)', async () => {
    const ctx = open();
    await demo(ctx);
    const dir = path.join(ctx.dataDir, 'backups');
    // Kill a process in the middle of a backup: its temporary file and journal stay behind.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const D=require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))});` +
          `const db=new D(${JSON.stringify(ctx.dbPath)});` +
          `const tmp=${JSON.stringify(dir)}+'/hadir-20260101-000000000-auto.db.'+process.pid+'.partial';` +
          `require('fs').mkdirSync(${JSON.stringify(dir)},{recursive:true});` +
          `db.backup(tmp,{progress:()=>1}); ` +
          `require('fs').writeFileSync(tmp+'-journal','x'); process.stdout.write('mid\\n'); setInterval(()=>{},1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((r) => child.stdout!.once('data', () => r()));
    // While it runs, a backup here leaves its files alone.
    await runBackup(ctx, 'manual');
    const partials = () => fs.readdirSync(dir).filter((f) => f.includes('.partial'));
    expect(partials().length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // An older Hadir's name without a process id, too.
    fs.writeFileSync(path.join(dir, 'hadir-20260101-000000000-auto.db.partial'), 'x');
    fs.writeFileSync(path.join(dir, 'hadir-20260101-000000000-auto.db.partial-journal'), 'x');
    await runBackup(ctx, 'manual');
    expect(partials()).toEqual([]);
    expect(listBackups([dir])).toHaveLength(2);
    ctx.db.close();
  });
});
