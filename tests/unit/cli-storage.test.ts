// Issue 8, defects 7 and 12: storage failures in one worded line that names the file and says
// what to do; no stack trace, no EPIPE trace when the reader of the output goes away; no stray
// -shm after a full disk at start. The full and read-only disks are real: a small tmpfs mounted
// in a private mount namespace (unshare, which Debian allows without root), so nothing outside
// the test sees it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { PSM_EVENT, RESOURCES, ROOT, importGenerated, ok, tempDir } from '../helpers/ctx';
import { translate } from '../../renderer/src/i18n';

const HADIR = path.join(ROOT, 'bin/hadir.mjs');

/** A data folder with the demo event and `people` more participants (all checked in), closed cleanly. */
async function seed(people = 0): Promise<string> {
  const dir = tempDir();
  const ctx = openContext(dir, 'cli', RESOURCES, { jobsWorker: 'inline' });
  const event = await ok(ctx, 'event.createDemo', {});
  if (people) {
    await importGenerated(ctx, { eventId: event.id, desk: 'meja-1' }, people, 'Peserta Tambahan');
    const codes = ctx.db.prepare('SELECT code FROM participant WHERE event_id = ?').all(event.id) as { code: string }[];
    for (const { code } of codes)
      await ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'meja-1', text: code, input: 'cli', day: 1 });
  }
  ctx.db.close();
  return dir;
}

/** Can this machine mount a tmpfs in a private namespace? (Debian: yes, root or not.) */
const canUnshare = spawnSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs tmpfs "$(mktemp -d)"']).status === 0;
if (!canUnshare) console.warn('[cli-storage] skipping the full and read-only disk tests: unshare cannot mount a tmpfs here');

/**
 * Runs `script` in a private mount namespace where $D is a fresh tmpfs of `size`, holding a copy
 * of the seed folder's database. $HADIR runs the CLI. Prints the CLI's stderr, its exit code and
 * what is left in the folder, one per marked line.
 */
function onTinyDisk(seedDir: string, size: string, script: string) {
  const r = spawnSync(
    'unshare',
    [
      '-Urm',
      'sh',
      '-c',
      `set -e; D=$(mktemp -d); mount -t tmpfs -o size=${size} tmpfs "$D"; cp "$SEED/hadir.db" "$D/"; set +e; ${script}`,
    ],
    { env: { ...process.env, SEED: seedDir, HADIR: `${process.execPath} ${HADIR}` }, encoding: 'utf8', cwd: ROOT },
  );
  return r.stdout;
}

describe('defect 7: the CLI', () => {
  // One seeded folder for the tests below: 3,066 people, far more output than a pipe holds.
  let seeded: Promise<string> | undefined;
  const bigFolder = () => (seeded ??= seed(3000));

  it('ends quietly when the reader of its output goes away (`| head -1`)', async () => {
    const dir = await bigFolder();
    // The attendance list is written in one piece (process.stdout.write), which is where a
    // closed pipe used to end in an EPIPE stack trace.
    const child = spawn(process.execPath, [HADIR, 'attendance', '--format', 'json', '--data-dir', dir], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (c) => resolve(String(c))));
    child.stdout.destroy(); // what `head -1` does once it has its line
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first.split('\n')[0]).toBe('[');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('`hadir participants list | head -1` prints one line and no EPIPE trace, in every format', async () => {
    const dir = await bigFolder();
    for (const format of ['table', 'csv', 'json']) {
      // A real shell pipe, as the organiser types it; pipefail gives the CLI's own exit code.
      const r = spawnSync(
        'bash',
        ['-c', `set -o pipefail; "$NODE" "$HADIR" participants list --format ${format} --data-dir "$DIR" | head -1`],
        { env: { ...process.env, NODE: process.execPath, HADIR, DIR: dir }, encoding: 'utf8', cwd: ROOT },
      );
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.status).toBe(0);
    }
  });

  it('a write lock another process holds past the wait: one line naming the file and what to do', async () => {
    const dir = await bigFolder();
    const csv = path.join(dir, 'kecil.csv');
    fs.writeFileSync(csv, 'Nama\nAni\n');
    const holder = new Database(path.join(dir, 'hadir.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      // The CLI waits 30 s for the lock (open-context.ts), then gives up.
      const child = spawn(process.execPath, [HADIR, 'participants', 'import', csv, '--data-dir', dir], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/^hadir: Another program is still writing to \/tmp\/\S+\/hadir\.db .*Wait a moment and try again/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('defect 12: storage failures, worded', () => {
  it.skipIf(!canUnshare)('a full disk at start: one line naming the file and what to do, and no stray -shm', async () => {
    const dir = await seed();
    const out = onTinyDisk(
      dir,
      '1m',
      `dd if=/dev/zero of="$D/filler" bs=4k 2>/dev/null; $HADIR event list --data-dir "$D" 2>"$D.err"; echo "exit=$?"; echo "err=$(cat "$D.err")"; echo "files=$(ls "$D" | tr '\\n' ' ')"`,
    );
    expect(out).toContain('exit=1');
    expect(out).toMatch(/err=hadir: The disk holding \/tmp\/\S+\/hadir\.db is full; nothing was saved\. Free some space/);
    expect(out.match(/^err=.*$/m)![0].split('\n')).toHaveLength(1);
    // No -shm or -wal left by the failed start (a logs folder for the log entry is fine).
    expect(out).toMatch(/^files=/m);
    expect(out).not.toMatch(/hadir\.db-(shm|wal)/);
  });

  it.skipIf(!canUnshare)(
    'a disk that fills during an import: one line, and nothing of the import kept',
    async () => {
      const dir = await seed();
      const rows = ['Nama,Kabupaten/Kota,Instansi'];
      for (let i = 0; i < 20_000; i++) rows.push(`Peserta Besar ${i},Kota Metro,Dinas Sosial Provinsi Lampung Bidang ${i}`);
      const csv = path.join(dir, 'besar.csv');
      fs.writeFileSync(csv, rows.join('\n'));
      const out = onTinyDisk(
        dir,
        '3m',
        `$HADIR participants import "${csv}" --data-dir "$D" >/dev/null 2>"$D.err"; echo "exit=$?"; echo "err=$(cat "$D.err")"; mkdir "$D.copy"; cp "$D"/hadir.db* "$D.copy/"; $HADIR event list --data-dir "$D.copy"`,
      );
      expect(out).toContain('exit=1');
      expect(out).toMatch(/err=hadir: The disk holding \/tmp\/\S+\/hadir\.db is full; nothing was saved\./);
      expect(out.match(/^err=.*$/m)![0]).not.toMatch(/\n|at |SqliteError/);
      // The demo event still has its 66 people: the import was rolled back whole. (Read from a
      // copy: the full disk itself, rightly, refuses to open until space is freed.)
      expect(out).toMatch(/^\*\s+1\s+\S+\s+66\s+/m);
    },
    120_000,
  );

  it.skipIf(!canUnshare)('a read-only folder: one line saying so and what to do', async () => {
    const dir = await seed();
    const csv = path.join(dir, 'kecil.csv');
    fs.writeFileSync(csv, 'Nama\nAni\n');
    const out = onTinyDisk(
      dir,
      '8m',
      `mount -o remount,ro "$D"; $HADIR participants import "${csv}" --data-dir "$D" >/dev/null 2>"$D.err"; echo "exit=$?"; echo "err=$(cat "$D.err")"`,
    );
    expect(out).toContain('exit=1');
    expect(out).toMatch(
      /err=hadir: \/tmp\/\S+\/hadir\.db cannot be written: its folder is read-only .* Copy the whole data folder to a writable place/,
    );
  });

  it('a data folder that is a file, or a hadir.db that is a folder: one line saying so, nothing made', () => {
    const dir = tempDir();
    const file = path.join(dir, 'hadir.db');
    fs.writeFileSync(file, ''); // `--data-dir path/to/hadir.db`: the file given for its folder
    const folderDb = path.join(dir, 'salah');
    fs.mkdirSync(path.join(folderDb, 'hadir.db'), { recursive: true });
    const cases: [string, RegExp][] = [
      [
        file,
        /^hadir: The data folder \/tmp\/\S+\/hadir\.db cannot be used: \/tmp\/\S+\/hadir\.db is a file, not a folder\. Give --data-dir/,
      ],
      [
        path.join(file, 'sub'),
        /^hadir: The data folder \/tmp\/\S+\/hadir\.db\/sub cannot be used: \/tmp\/\S+\/hadir\.db is a file, not a folder\./,
      ],
      [folderDb, /^hadir: \/tmp\/\S+\/salah\/hadir\.db is a folder, not a Hadir database\. Give --data-dir/],
    ];
    for (const [dataDir, message] of cases) {
      const r = spawnSync(process.execPath, [HADIR, 'event', 'list', '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['hadir.db', 'salah']);
    // (A logs folder for the log entry of the failure is fine, as on a full disk.)
    expect(fs.readdirSync(folderDb).filter((f) => f !== 'logs')).toEqual(['hadir.db']);
    for (const lang of ['id', 'en'] as const) {
      expect(translate(lang, 'error.data_dir_invalid.file', { file })).toContain(file);
    }
  });

  it('a lock held too long by another process: db_busy naming the file, worded in both languages', async () => {
    const dir = tempDir();
    const ctx = openContext(dir, 'web', RESOURCES, { jobsWorker: 'inline', busyTimeoutMs: 300 });
    await ok(ctx, 'event.create', PSM_EVENT);
    const event = await ok(ctx, 'event.get', {});
    const holder = new Database(ctx.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    const r = await dispatch(ctx, 'participants.create', { name: 'Ani', role: 'Peserta', eventId: event!.id, desk: 'meja-1' });
    holder.exec('ROLLBACK');
    holder.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'db_busy', params: { file: ctx.dbPath } } });
    const e = (r as { error: { code: 'db_busy'; params: Record<string, string> } }).error;
    expect(translate('id', 'error.db_busy.file', e.params)).toContain(`menulis ke ${ctx.dbPath}`);
    expect(translate('en', 'error.db_busy.file', e.params)).toContain(`writing to ${ctx.dbPath}`);
    ctx.db.close();
  });
});
