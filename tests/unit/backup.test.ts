// Backups and the start-up check, on real files: an online backup while another process writes
// check-ins, a corrupted database at start, restore, pruning, and the operations' guards.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { bundleChild } from '../helpers/bundle-child';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { BACKUP_KEEP, backupFileName, listBackups, pruneBackups } from '../../electron/core/system/backup-files';
import { backupStatus, runBackup, startBackupScheduler } from '../../electron/core/system/backup';
import { restoreNewestGood } from '../../electron/core/system/startup-check';
import { ROOT, RESOURCES, ok, tempDir, scope } from '../helpers/ctx';

function demoCtx(dataDir = tempDir()) {
  return openContext(dataDir, 'cli', RESOURCES, { actor: 'test' });
}

describe('online backup', () => {
  it('holds every check-in acknowledged before it started, while another process keeps writing', async () => {
    const ctx = demoCtx();
    await ok(ctx, 'event.createDemo', {});
    const child = spawn(process.execPath, [await bundleChild(path.join(ROOT, 'tests/helpers/checkin-writer.ts')), ctx.dbPath], {
      cwd: ROOT,
    });
    const acked: string[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      acked.push(...lines);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => acked.length >= 300 && (clearInterval(t), resolve()), 20);
        child.on('exit', (code) => reject(new Error(`writer exited ${code}`)));
      });
      const before = new Set(acked);
      const out = await runBackup(ctx, 'manual');
      const file = out.copies[0]!.file!;
      expect(file).toBeTruthy();
      // The writer was not stopped by the backup: it goes on acknowledging check-ins.
      const seen = acked.length;
      await expect.poll(() => acked.length, { timeout: 120_000 }).toBeGreaterThan(seen);
      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
        const inCopy = new Set((copy.prepare('SELECT uuid FROM scan').all() as { uuid: string }[]).map((r) => r.uuid));
        const missing = [...before].filter((u) => !inCopy.has(u));
        expect(missing).toEqual([]);
      } finally {
        copy.close();
      }
    } finally {
      child.kill('SIGKILL');
      ctx.db.close();
    }
  });

  it('copies to the organiser folder too, and keeps the newest 20 in each', async () => {
    const ctx = demoCtx();
    const usb = tempDir('hadir-usb-');
    await ok(ctx, 'event.createDemo', {});
    await ok(ctx, 'backup.setDir', { dir: usb });
    for (let i = 0; i < 3; i++) await ok(ctx, 'backup.run', {});
    expect(listBackups([usb])).toHaveLength(3);
    const s = await ok(ctx, 'backup.status', {});
    expect(s.last?.copies.map((c) => c.dir)).toEqual([path.join(ctx.dataDir, 'backups'), usb]);
    expect(s.backups).toHaveLength(6);
    // Pruning: only Hadir's own files, the newest BACKUP_KEEP.
    for (let i = 0; i < 25; i++)
      fs.writeFileSync(path.join(usb, backupFileName(new Date(Date.UTC(2020, 0, 1, 0, 0, i)), 'auto')), '');
    fs.writeFileSync(path.join(usb, 'notes.txt'), 'keep me');
    pruneBackups(usb);
    expect(listBackups([usb])).toHaveLength(BACKUP_KEEP);
    expect(listBackups([usb])[0]!.reason).toBe('manual'); // the real ones are newest
    expect(fs.existsSync(path.join(usb, 'notes.txt'))).toBe(true);
    ctx.db.close();
  });

  it('a pulled USB stick fails that copy only, and says so in the status', async () => {
    const ctx = demoCtx();
    const usb = tempDir('hadir-usb-');
    await ok(ctx, 'backup.setDir', { dir: usb });
    fs.rmSync(usb, { recursive: true });
    fs.writeFileSync(usb, 'not a folder'); // the mount point is gone / unusable
    const out = await runBackup(ctx, 'manual');
    expect(out.copies[0]!.file).toBeTruthy();
    expect(out.copies[1]!.error).toBeTruthy();
    expect(backupStatus(ctx.dataDir).last?.copies[1]?.error).toBeTruthy();
    ctx.db.close();
  });
});

describe('start-up check and restore', () => {
  async function damagedKiosk(damage: (file: string) => void) {
    const dataDir = tempDir();
    const ctx = demoCtx(dataDir);
    await ok(ctx, 'event.createDemo', {});
    await runBackup(ctx, 'auto');
    await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Setelah Cadangan', role: 'Peserta' } as never).catch(
      () => undefined,
    );
    ctx.db.close();
    damage(ctx.dbPath);
    return dataDir;
  }
  const truncate = (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 3));
  const overwrite = (f: string) => {
    const fd = fs.openSync(f, 'r+');
    const size = fs.statSync(f).size;
    // Garbage over every page but the first: the header still says SQLite, the b-trees are junk.
    fs.writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
    fs.closeSync(fd);
  };

  for (const [name, damage] of [
    ['truncated', truncate],
    ['bytes overwritten', overwrite],
  ] as const) {
    it(`a ${name} database is refused at start with the restore offer, and kept aside on restore`, async () => {
      const dataDir = await damagedKiosk(damage);
      const dbPath = path.join(dataDir, 'hadir.db');
      const damagedBytes = fs.readFileSync(dbPath);
      let err: unknown;
      try {
        demoCtx(dataDir);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'db_damaged', params: { file: dbPath } });
      expect((err as { params: { backup: string } }).params.backup).toMatch(/hadir-\d{8}-\d{9}-auto-n\d{6}\.db$/);
      expect(fs.readFileSync(dbPath).equals(damagedBytes)).toBe(true); // the check wrote nothing

      const restored = restoreNewestGood(dataDir, dbPath);
      expect(restored?.damagedKeptAs).toMatch(/hadir\.db\.damaged-/);
      expect(fs.readFileSync(restored!.damagedKeptAs!).equals(damagedBytes)).toBe(true);
      const ctx = demoCtx(dataDir);
      expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(66);
      ctx.db.close();
    });
  }

  it('with no good backup, nothing is moved and the offer says there is none', async () => {
    const dataDir = tempDir();
    const ctx = demoCtx(dataDir);
    ctx.db.close();
    truncate(ctx.dbPath);
    fs.writeFileSync(ctx.dbPath, Buffer.alloc(8192, 1));
    expect(() => demoCtx(dataDir)).toThrow(
      expect.objectContaining({ code: 'db_damaged', params: expect.objectContaining({ backup: '' }) }),
    );
    expect(restoreNewestGood(dataDir, ctx.dbPath)).toBeNull();
    expect(fs.existsSync(ctx.dbPath)).toBe(true);
  });
});

describe('backup operations', () => {
  it('previews a backup and restores it in a running kiosk, keeping the current file', async () => {
    const ctx = demoCtx();
    await ok(ctx, 'event.createDemo', {});
    const s = await ok(ctx, 'backup.run', {});
    const file = s.backups[0]!.file;
    const preview = await ok(ctx, 'backup.inspect', { file });
    expect(preview).toMatchObject({
      events: [expect.stringMatching(/^Peningkatan Kemampuan Potensi/)],
      participants: 66,
      checkins: 0,
      lastCheckinAt: null,
    });
    const p = (await ok(ctx, 'participants.list', {})).rows[0]!;
    await ok(ctx, 'participants.delete', { ...scope(ctx), id: p.id });
    expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(65);
    const after = await ok(ctx, 'backup.restore', { file });
    expect((await ok(ctx, 'event.get', {}))?.participantCount).toBe(66);
    expect(after.backups.some((b) => b.reason === 'before-restore')).toBe(true);
    expect(fs.readdirSync(ctx.dataDir).some((f) => f.startsWith('hadir.db.before-restore-'))).toBe(true);
    ctx.db.close();
  });

  it('a desk on the network may open only the backups the kiosk lists, and cannot move the folder', async () => {
    const dataDir = tempDir();
    const cli = demoCtx(dataDir);
    await ok(cli, 'event.createDemo', {});
    cli.db.close();
    const web = openContext(dataDir, 'web', RESOURCES);
    const other = path.join(tempDir(), 'x.db');
    fs.copyFileSync(web.dbPath, other);
    const res = await dispatch(web, 'backup.inspect', { file: other });
    expect(res).toMatchObject({ ok: false, error: { code: 'backup_invalid' } });
    expect(await dispatch(web, 'backup.setDir', { dir: tempDir() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(web, 'backup.restore', { file: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'backup_invalid' },
    });
    web.db.close();
  });

  it('refuses a file that is not a database', async () => {
    const ctx = demoCtx();
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, 'hello');
    expect(await dispatch(ctx, 'backup.inspect', { file: junk })).toMatchObject({ ok: false, error: { code: 'backup_invalid' } });
    expect(await dispatch(ctx, 'backup.restore', { file: junk })).toMatchObject({ ok: false, error: { code: 'backup_invalid' } });
    ctx.db.close();
  });
});

describe('backup scheduler', () => {
  it('backs up on quit only when something changed, and on its interval', async () => {
    const ctx = demoCtx();
    let sched = startBackupScheduler(ctx, 60_000);
    await sched.stop();
    expect(listBackups([path.join(ctx.dataDir, 'backups')])).toHaveLength(0);
    // The demo event before the ticks start: creating it is several transactions (the event,
    // then its import), and a tick falling between them rightly makes two backups. The change
    // counted below is one transaction.
    await ok(ctx, 'event.createDemo', {});
    const noTicks = listBackups([path.join(ctx.dataDir, 'backups')]).length;
    sched = startBackupScheduler(ctx, 50);
    await ok(ctx, 'roles.add', { ...scope(ctx), name: 'Fasilitator' });
    const dir = path.join(ctx.dataDir, 'backups');
    expect(noTicks).toBe(0);
    await expect.poll(() => listBackups([dir]).length, { timeout: 120_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300)); // several more ticks
    const auto = listBackups([dir]);
    expect(auto.length).toBe(1); // one change, one backup, however many ticks
    expect(auto[0]!.reason).toMatch(/auto|day-close/);
    await ok(ctx, 'roles.add', { ...scope(ctx), name: 'Pendamping' });
    await sched.stop();
    expect(listBackups([path.join(ctx.dataDir, 'backups')])[0]!.reason).toBe('quit');
    ctx.db.close();
  });
});

describe('CLI and kiosk dialog', () => {
  it('hadir backup prints the files; a damaged database is refused in one line; restore --latest brings it back', async () => {
    const { spawnSync } = await import('node:child_process');
    const hadir = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });
    const dir = tempDir();
    const usb = tempDir('hadir-usb-');
    expect(hadir('event', 'demo', '--data-dir', dir).status).toBe(0);
    const b = hadir('backup', '--to', usb, '--data-dir', dir);
    expect(b.status).toBe(0);
    expect(b.stdout.trim().split('\n')).toEqual([
      expect.stringContaining(path.join(dir, 'backups')),
      expect.stringContaining(usb),
    ]);
    fs.truncateSync(path.join(dir, 'hadir.db'), 20_000);
    const show = hadir('event', 'show', '--data-dir', dir);
    expect(show.status).toBe(1);
    expect(show.stderr.trim().split('\n')).toHaveLength(1);
    expect(show.stderr).toMatch(/hadir restore --latest/);
    const missing = hadir('restore', path.join(usb, 'tidak-ada.db'), '--data-dir', dir);
    expect([missing.status, missing.stderr.trim()]).toEqual([2, `hadir: No such backup file: ${path.join(usb, 'tidak-ada.db')}`]);
    const r = hadir('restore', '--latest', '--data-dir', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/66 peserta/);
    expect(hadir('event', 'show', '--data-dir', dir).stdout).toMatch(/Peserta \/ Participants: +66/);
    // Six CLI processes, each starting tsx: on a loaded 2-core machine (load 30+) that alone passed 60 s.
  }, 300_000);

  it('the kiosk dialog offers the restore only when there is a good backup', async () => {
    const { damagedDbDialog, RESTORE_BUTTON } = await import('../../electron/main/recovery');
    const withBackup = damagedDbDialog({
      file: '/d/hadir.db',
      backup: '/d/backups/hadir-x.db',
      backupAt: '2022-09-07T10:00:00.000Z',
    });
    expect(withBackup.buttons?.[RESTORE_BUTTON]).toMatch(/Pulihkan/);
    expect(withBackup.message).toMatch(/2022-09-07/);
    const without = damagedDbDialog({ file: '/d/hadir.db', backup: '' });
    expect(without.buttons).toEqual(['Keluar / Quit']);
  });
});
