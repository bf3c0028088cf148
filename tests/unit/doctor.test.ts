// `hadir doctor` (issue 17): the verdicts and their wording as pure functions, and the command on
// real folders: a healthy one, a read-only backup folder and a full disk. The read-only and full
// disks are real tmpfs mounts in a private mount namespace (unshare), as in cli-storage.test.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DISK_FAIL_BYTES,
  checkBackup,
  checkClock,
  checkDatabase,
  checkDisk,
  checkWorker,
  doctorExitCode,
} from '../../electron/core/system/doctor';
import { ROOT, tempDir } from '../helpers/ctx';

const HADIR = path.join(ROOT, 'bin/hadir.mjs');
const both = (m: string) => expect(m.split(' / ')).toHaveLength(2);

describe('doctor checks (pure)', () => {
  it('database: ok, damaged, unopenable, missing', () => {
    expect(checkDatabase({ opened: true, quickCheck: 'ok' }).state).toBe('ok');
    const bad = checkDatabase({ opened: true, quickCheck: '*** in database main *** Page 3 is never used' });
    expect(bad).toMatchObject({ state: 'fail', message: expect.stringMatching(/hadir restore --latest/) });
    expect(checkDatabase({ opened: false, error: 'file is not a database' }).state).toBe('fail');
    // A full disk: the file is fine, so no restore is suggested.
    expect(checkDatabase({ opened: false, error: 'database or disk is full' }).message).not.toMatch(/restore --latest/);
    expect(checkDatabase({ missing: true }).state).toBe('warn');
  });

  it('disk: fail below 200 MB, warn below 1 GB', () => {
    expect(checkDisk({ bytes: DISK_FAIL_BYTES - 1 }).state).toBe('fail');
    expect(checkDisk({ bytes: 500 * 1024 * 1024 }).state).toBe('warn');
    expect(checkDisk({ bytes: 5 * 1024 ** 3 }).state).toBe('ok');
  });

  it('backup folder: none, unwritable, same disk, other disk', () => {
    expect(checkBackup({ dir: null }).state).toBe('warn');
    expect(checkBackup({ dir: '/media/usb', writable: false, error: 'EROFS' }).state).toBe('fail');
    expect(checkBackup({ dir: '/home/p/cadangan', writable: true, sameDisk: true }).state).toBe('warn');
    expect(checkBackup({ dir: '/media/usb', writable: true, sameDisk: false }).state).toBe('ok');
  });

  it('worker and clock', () => {
    expect(checkWorker({ ok: true, ms: 812, rendered: true })).toMatchObject({ state: 'ok', message: expect.stringMatching(/made a PDF test page/) });
    // The quick check (no --full) says what it did not prove, and how to prove it.
    const quick = checkWorker({ ok: true, ms: 90, rendered: false });
    expect(quick).toMatchObject({ state: 'ok', message: expect.stringMatching(/starts and answers.*hadir doctor --full/) });
    both(quick.message);
    expect(checkWorker({ ok: false, error: 'Cannot find module' }).state).toBe('fail');
    const event = { timeZone: 'Asia/Jakarta' as const, days: ['2022-09-07', '2022-09-08'] };
    const at = (iso: string, offsetMinutes = 420) => checkClock({ now: new Date(iso), offsetMinutes, event });
    expect(at('2022-09-06T12:00:00Z').state).toBe('ok'); // the evening before
    expect(at('2022-09-07T20:00:00Z').state).toBe('ok'); // 03:00 WIB on day 2
    expect(at('2022-09-09T01:00:00Z').state).toBe('warn'); // after the last day
    expect(at('2021-09-07T01:00:00Z').state).toBe('warn'); // a year off
    expect(at('2022-09-07T01:00:00Z', 0)).toMatchObject({ state: 'warn', message: expect.stringMatching(/UTC\+00:00/) });
  });

  it('speaks both languages, one sentence each, and exits 0 only when nothing fails', () => {
    for (const r of [checkDisk({ bytes: 1 }), checkBackup({ dir: null }), checkWorker({ ok: false, error: 'x' })]) both(r.message);
    expect(doctorExitCode([checkDisk({ bytes: 5 * 1024 ** 3 }), checkBackup({ dir: null })])).toBe(0);
    expect(doctorExitCode([checkDisk({ bytes: 1 })])).toBe(1);
  });
});

const canUnshare = spawnSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs tmpfs "$(mktemp -d)"']).status === 0;
if (!canUnshare) console.warn('[doctor] skipping the full and read-only disk tests: unshare cannot mount a tmpfs here');

/** `hadir doctor --json` in a private mount namespace after `setup` (sh), with $D a data folder. */
function doctor(setup: string): { code: number; out: { ok: boolean; checks: { check: string; state: string; message: string }[] } } {
  const r = spawnSync('unshare', ['-Urm', 'sh', '-c', `set -e; D=$(mktemp -d); ${setup}; set +e; $HADIR doctor --json --data-dir "$D"; echo "EXIT $?"`], {
    env: { ...process.env, HADIR: `${process.execPath} ${HADIR}`, TMPDIR: tempDir() },
    encoding: 'utf8',
    cwd: ROOT,
  });
  const code = Number(/EXIT (\d+)/.exec(r.stdout)?.[1] ?? -1);
  const json = r.stdout.slice(r.stdout.indexOf('{'), r.stdout.lastIndexOf('}') + 1);
  if (!json) throw new Error(`no JSON: ${r.stdout} ${r.stderr}`);
  return { code, out: JSON.parse(json) };
}
const stateOf = (out: ReturnType<typeof doctor>['out'], check: string) => out.checks.find((c) => c.check === check)?.state;
const DEMO = '$HADIR event demo --data-dir "$D" >/dev/null';

describe.skipIf(!canUnshare)('hadir doctor on real folders', () => {
  it('a healthy folder with a backup folder on another disk: every check ok, exit 0', () => {
    const { code, out } = doctor(`${DEMO}; B=$(mktemp -d); mount -t tmpfs -o size=64m tmpfs "$B"; $HADIR backup --to "$B" --data-dir "$D" >/dev/null`);
    expect(out.checks.map((c) => c.check)).toEqual(['database', 'disk', 'backup', 'worker', 'clock']);
    expect(stateOf(out, 'database')).toBe('ok');
    expect(stateOf(out, 'backup')).toBe('ok');
    expect(stateOf(out, 'worker')).toBe('ok');
    expect(out.checks.every((c) => c.state !== 'fail')).toBe(true);
    expect(code).toBe(0);
    expect(out.ok).toBe(true);
  }, 300_000);

  it('a read-only backup folder fails the backup check, and the exit code says so', () => {
    const { code, out } = doctor(
      `${DEMO}; B=$(mktemp -d); mount -t tmpfs -o size=8m tmpfs "$B"; $HADIR backup --to "$B" --data-dir "$D" >/dev/null; mount -o remount,ro "$B"`,
    );
    expect(out.checks.find((c) => c.check === 'backup')).toMatchObject({ state: 'fail', message: expect.stringMatching(/EROFS/) });
    expect(code).toBe(1);
    expect(out.ok).toBe(false);
  }, 300_000);

  it('a full data disk fails the disk check', () => {
    const { code, out } = doctor(
      `mount -t tmpfs -o size=16m tmpfs "$D"; ${DEMO}; dd if=/dev/zero of="$D/filler" bs=1M count=64 2>/dev/null || true`,
    );
    expect(stateOf(out, 'disk')).toBe('fail');
    // Not asserted: on a full disk even a read-only open of the WAL database fails here (its -shm
    // cannot be made), so the database check fails too, with a message that wrongly suggests a restore.
    expect(code).toBe(1);
  }, 300_000);
});
