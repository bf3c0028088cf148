import Database from 'better-sqlite3';
import fs from 'node:fs';
import { HadirError } from '../../shared/errors';
import { LATEST_VERSION } from '../../db/migrations';
import { storageError } from '../../db/storage-error';
import { quickCheck } from '../../db/repositories/summary';
import { installBackup, moveAside, newestGoodBackup } from './backup-files';
import { backupDirs } from './backup';

/**
 * quick_check at every start, before anything opens the database for real. A damaged or
 * unreadable file is reported (db_damaged, with the newest good backup when there is one) and
 * left exactly where it is: the kiosk, the web host and the CLI each offer restoreNewestGood().
 */
export function startupCheck(dataDir: string, dbPath: string): void {
  if (!fs.existsSync(dbPath)) return; // a new kiosk
  // A file without a schema yet is a new kiosk too: another process (a second desk, the CLI)
  // created it a moment ago and is creating the tables. It is not damaged, only young.
  // A file from a newer Hadir is not ours to judge: openDatabase refuses it (db_newer) untouched.
  const version = schemaVersion(dbPath);
  if (version === 0 || version > LATEST_VERSION) return;
  const check = quickCheckFile(dbPath);
  if (check.ok) return;
  // A full disk, a read-only folder, a busy or failing disk: the file may be fine, the place is not.
  const storage = storageError(check.error, dbPath);
  if (storage) throw storage;
  const good = newestGoodBackup(backupDirs(dataDir), dataDir);
  const what = good
    ? `Restore the newest good backup (${good.at}): hadir restore --latest.`
    : 'There is no good backup; the file was not changed.';
  throw new HadirError('db_damaged', `The database ${dbPath} is damaged or unreadable (${check.reason}). ${what}`, {
    file: dbPath,
    reason: check.reason,
    backup: good?.file ?? '',
    backupAt: good?.at ?? '',
  });
}

/**
 * quick_check on the live file, and nothing else. It used to be backup-files' checkDatabaseFile,
 * which also summarises the file for a restore preview (counts over participants, the
 * attendance view and the scan log): as long again as the check itself, and thrown away. On a
 * 50,000-person congress that was 0.58 s of the 1.3 s every CLI command, a check-in included,
 * spent before its work (issue 21 item 5; docs/engineering/cli-start.md). Opened read-write
 * without any statement that writes, for the reason checkDatabaseFile gives (a crash's WAL).
 */
function quickCheckFile(dbPath: string): { ok: true } | { ok: false; reason: string; error?: unknown } {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const verdict = quickCheck(db);
    return verdict === 'ok' ? { ok: true } : { ok: false, reason: verdict };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e), error: e };
  } finally {
    db?.close();
  }
}

/** The file's schema version (user_version), or -1 when it cannot be read at all. */
function schemaVersion(dbPath: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    return -1;
  } finally {
    db?.close();
  }
}

/**
 * Moves the damaged database aside (hadir.db.damaged-<time>, with its -wal/-shm) and puts the
 * newest backup that passes quick_check in its place. Returns what was restored, or null when
 * there is no good backup (then nothing is moved).
 */
export function restoreNewestGood(
  dataDir: string,
  dbPath: string,
  now = new Date(),
): { backup: string; at: string; damagedKeptAs: string | null } | null {
  const good = newestGoodBackup(backupDirs(dataDir), dataDir);
  if (!good) return null;
  const damagedKeptAs = fs.existsSync(dbPath) ? moveAside(dbPath, 'damaged', now) : null;
  installBackup(dbPath, good.file, now);
  return { backup: good.file, at: good.at, damagedKeptAs };
}
