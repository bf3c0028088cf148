// When app.requestSingleInstanceLock() fails (ELECTRON-NOTES 17). The lock lives in userData,
// which is the data folder; Electron does not say why it failed, so the folder is probed: a
// folder that cannot be written, or that cannot hold the lock's symbolic link (Linux, macOS: a
// FAT/exFAT stick), is the folder's fault; otherwise another Hadir holds the lock, and has been
// asked to come to the front. Either way the person sees a dialog saying what to do, never a
// silent exit. Pure apart from probeLockFolder; tests/unit/instance-lock.test.ts.
import type { MessageBoxSyncOptions } from 'electron';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LockFolderProbe {
  /** A file can be created and removed in the data folder. */
  writable: boolean;
  /** A symbolic link can be created there (Chromium's SingletonLock on Linux and macOS is one). */
  symlinks: boolean;
  /** The error of the first probe that failed, for the log. */
  error?: string;
}

export function probeLockFolder(dataDir: string, platform: NodeJS.Platform): LockFolderProbe {
  const probe = path.join(dataDir, `.hadir-lock-probe-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (e) {
    return { writable: false, symlinks: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (platform === 'win32') return { writable: true, symlinks: true }; // Windows' lock is a plain file
  try {
    fs.symlinkSync('hadir-probe', probe);
    fs.rmSync(probe);
    return { writable: true, symlinks: true };
  } catch (e) {
    fs.rmSync(probe, { force: true });
    return { writable: true, symlinks: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export type LockFailure = 'other-instance' | 'folder-read-only' | 'folder-no-links';

export function lockFailureCause(p: LockFolderProbe): LockFailure {
  if (!p.writable) return 'folder-read-only';
  if (!p.symlinks) return 'folder-no-links';
  return 'other-instance';
}

export function lockFailureDialog(cause: LockFailure, dataDir: string, logFile: string): MessageBoxSyncOptions {
  const text = {
    'other-instance': {
      message: 'Hadir sudah terbuka untuk folder data ini. / Hadir is already open for this data folder.',
      detail:
        'Jendela yang sudah terbuka telah dimunculkan; gunakan jendela itu. Jika tidak terlihat, tutup Hadir dari Task Manager / Monitor Sistem lalu buka lagi. / ' +
        'The open window was brought to the front; use that one. If you cannot see it, end Hadir in Task Manager / System Monitor and open it again.',
    },
    'folder-read-only': {
      message: 'Hadir tidak dapat menulis ke folder datanya. / Hadir cannot write to its data folder.',
      detail:
        'Pastikan disk tidak penuh dan folder tidak hanya-baca, atau jalankan Hadir dengan --data-dir ke folder di disk laptop. / ' +
        'Make sure the disk is not full and the folder is not read-only, or start Hadir with --data-dir pointing to a folder on the laptop’s own disk.',
    },
    'folder-no-links': {
      message: 'Folder data Hadir ada di disk yang tidak didukung (mis. flashdisk FAT/exFAT). / Hadir’s data folder is on a disk it cannot use (e.g. a FAT/exFAT USB stick).',
      detail:
        'Salin folder itu ke disk laptop lalu jalankan Hadir dengan --data-dir ke salinannya. Flashdisk tetap bisa dipakai sebagai folder cadangan. / ' +
        'Copy the folder to the laptop’s own disk and start Hadir with --data-dir pointing to the copy. A USB stick can still be the backup folder.',
    },
  }[cause];
  return {
    type: cause === 'other-instance' ? 'info' : 'error',
    title: 'Hadir',
    message: text.message,
    detail: `${text.detail}\n\nFolder data: ${dataDir}\nLog: ${logFile}`,
    buttons: ['OK'],
    defaultId: 0,
    noLink: true,
  };
}
