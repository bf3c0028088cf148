import fs from 'node:fs';
import path from 'node:path';
import { HadirError } from '../shared/errors';

/**
 * SQLite's and the file system's storage failures, worded: which file, and what the organiser can
 * do about it. SQLite itself says "disk I/O error", "unable to open database file" or "attempt to
 * write a readonly database", which name no file and suggest nothing. Each becomes a HadirError
 * whose code the screens word in Indonesian and English (error.<code>.file); the message is the
 * English line the CLI prints. Anything else is left alone (null).
 */
export function storageError(e: unknown, file: string): HadirError | null {
  if (e instanceof HadirError || !(e instanceof Error)) return null;
  const code = String((e as { code?: unknown }).code ?? '');
  const kind = kindOf(code, e.message);
  return kind ? storageErrorOf(kind, file) : null;
}

export type StorageKind = 'db_busy' | 'disk_full' | 'db_readonly' | 'disk_io';

export function storageErrorOf(kind: StorageKind, file: string): HadirError {
  return new HadirError(kind, MESSAGES[kind](file), { file });
}

const MESSAGES: Record<StorageKind, (file: string) => string> = {
  db_busy: (f) =>
    `Another program is still writing to ${f} (another Hadir window, desk or command). Wait a moment and try again; if it keeps happening, close the other Hadir programs using this data folder.`,
  disk_full: (f) =>
    `The disk holding ${f} is full; nothing was saved. Free some space (delete or move old files, empty the Recycle Bin), then try again.`,
  db_readonly: (f) =>
    `${f} cannot be written: its folder is read-only (a locked USB stick, a CD, a folder without write permission). Copy the whole data folder to a writable place and start Hadir with --data-dir there.`,
  disk_io: (f) =>
    `The disk could not read or write ${f} (disk I/O error). Check that the disk or USB stick is still connected; if it is failing, copy the data folder to another disk and start Hadir with --data-dir there.`,
};

function kindOf(code: string, message: string): StorageKind | null {
  // SQLite (better-sqlite3's SqliteError.code, extended codes included: SQLITE_IOERR_WRITE…).
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') return 'db_busy';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'db_readonly';
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_')) return 'db_readonly';
  if (code.startsWith('SQLITE_IOERR')) return /disk is full|no space/i.test(message) ? 'disk_full' : 'disk_io';
  // Node's file system (creating the data folder, writing beside the database).
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'db_readonly';
  if (code === 'EIO') return 'disk_io';
  return null;
}

/**
 * The place itself is wrong: the data folder (or a folder on its way) is a file, or hadir.db is
 * a folder. `--data-dir path/to/hadir.db` is an easy slip. mkdir said "EEXIST: file already
 * exists" or "ENOTDIR", and SQLite "unable to open database file", which the read-only wording
 * then misjudged. Checked before anything is made or opened.
 */
export function checkDataPlace(file: string): void {
  const dir = path.dirname(file);
  // The nearest part of the folder's path that exists must be a folder.
  for (let p = dir; ; p = path.dirname(p)) {
    const stat = statOrNull(p);
    if (stat) {
      if (!stat.isDirectory()) {
        throw new HadirError(
          'data_dir_invalid',
          `The data folder ${dir} cannot be used: ${p} is a file, not a folder. ${GIVE_FOLDER}`,
          { file },
        );
      }
      break;
    }
    if (path.dirname(p) === p) break;
  }
  if (statOrNull(file)?.isDirectory()) {
    throw new HadirError('data_dir_invalid', `${file} is a folder, not a Hadir database. ${GIVE_FOLDER}`, { file });
  }
}

const GIVE_FOLDER = 'Give --data-dir (or HADIR_DATA_DIR) the folder that holds hadir.db, or a new folder.';

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}
