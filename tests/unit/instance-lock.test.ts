// Issue 17, finding 9: a failed single-instance lock is explained, never a silent exit.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFailureCause, lockFailureDialog, probeLockFolder } from '../../electron/main/instance-lock';
import { tempDir } from '../helpers/ctx';

describe('the single-instance lock failure', () => {
  it('probes a normal folder as fine (so: another Hadir holds the lock) and leaves nothing behind', () => {
    const dir = tempDir();
    const p = probeLockFolder(dir, 'linux');
    expect(p).toEqual({ writable: true, symlinks: true });
    expect(lockFailureCause(p)).toBe('other-instance');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('probes a data folder that is not a writable folder as read-only', () => {
    const notADir = path.join(tempDir(), 'hadir');
    fs.writeFileSync(notADir, '');
    const p = probeLockFolder(notADir, 'linux');
    expect(p).toMatchObject({ writable: false, error: expect.stringMatching(/ENOTDIR/) });
    expect(lockFailureCause(p)).toBe('folder-read-only');
  });

  it('reads a folder that holds no symbolic link (FAT/exFAT) as unsupported, on Linux and macOS only', () => {
    expect(lockFailureCause({ writable: true, symlinks: false })).toBe('folder-no-links');
  });

  it('says in both languages what happened and what to do, with the folder and the log', () => {
    for (const cause of ['other-instance', 'folder-read-only', 'folder-no-links'] as const) {
      const d = lockFailureDialog(cause, '/media/panitia/USB/Hadir', '/media/panitia/USB/Hadir/logs/hadir.log');
      expect(d.message.split(' / ')).toHaveLength(2); // Indonesian / English, one line
      expect(d.message).not.toContain('\n');
      expect(d.detail).toContain('Folder data: /media/panitia/USB/Hadir');
      expect(d.detail).toContain('Log: /media/panitia/USB/Hadir/logs/hadir.log');
      expect(d.buttons).toEqual(['OK']);
    }
    expect(lockFailureDialog('folder-no-links', 'D', 'L').detail).toMatch(/--data-dir/);
    expect(lockFailureDialog('folder-no-links', 'D', 'L').message).toMatch(/FAT\/exFAT/);
    expect(lockFailureDialog('other-instance', 'D', 'L')).toMatchObject({ type: 'info' });
    expect(lockFailureDialog('folder-read-only', 'D', 'L')).toMatchObject({ type: 'error' });
  });
});
