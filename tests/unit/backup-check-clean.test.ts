// Issue 18: a backup check's private copy (restore-check/) left by a process killed mid-restore
// is removed before the next check and when a process opens the data folder; a copy of a check
// still running in another process stays.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_DIR, inspectBackup } from '../../electron/core/system/backup-check';
import { openContext } from '../../electron/core/open-context';
import { ok, RESOURCES, ROOT, tempCtx, tempDir } from '../helpers/ctx';

/** Starts a process that checks `source` into `dataDir` and waits; resolves with it and its copy. */
function checking(dataDir: string, source: string): Promise<{ child: ChildProcess; copy: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/check-child.ts'), dataDir, source], {
    cwd: ROOT,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c) => {
      out += c;
      if (out.endsWith('\n')) resolve({ child, copy: out.trim() });
    });
    child.stderr!.on('data', (c) => (err += c));
    child.on('exit', (code) => reject(new Error(`check child exited ${code}: ${err}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('restore-check copies left by a killed process', () => {
  it('are removed before the next check and at start; a running check keeps its copy', async () => {
    // A real backup of a kiosk with people in it.
    const kiosk = tempCtx();
    await ok(kiosk, 'event.createDemo', {});
    const backup = path.join(tempDir(), 'hadir-backup.db');
    await kiosk.db.backup(backup);
    kiosk.db.close();

    const dataDir = tempDir();
    openContext(dataDir, 'cli', RESOURCES).db.close();
    const dir = path.join(dataDir, CHECK_DIR);

    // Two restores under way in other processes; one is killed (power cut, Task Manager).
    const dead = await checking(dataDir, backup);
    const alive = await checking(dataDir, backup);
    try {
      expect(fs.existsSync(dead.copy)).toBe(true);
      expect(fs.statSync(dead.copy).size).toBeGreaterThan(100_000);
      await killed(dead.child);
      expect(fs.existsSync(dead.copy)).toBe(true); // nobody cleaned up after it

      // The next check removes the dead process's copy, not the running one's.
      const summary = inspectBackup(backup, dataDir);
      expect(summary.participants).toBe(66);
      expect(fs.existsSync(dead.copy)).toBe(false);
      expect(fs.existsSync(alive.copy)).toBe(true);

      // At start: a copy left by a killed process (here the second one) is gone after the open.
      await killed(alive.child);
      openContext(dataDir, 'cli', RESOURCES).db.close();
      expect(fs.existsSync(alive.copy)).toBe(false);
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      dead.child.kill('SIGKILL');
      alive.child.kill('SIGKILL');
    }
  }, 120_000);
});
