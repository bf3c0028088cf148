// Online backups (better-sqlite3's backup API: the live database keeps answering while pages are
// copied in small steps) into the data folder's backups/ and a folder the organiser picks, such
// as a USB stick. The settings and the last outcome live in backup.json beside hadir.db, not in
// the database: they must survive a damaged database, and writing them must not count as a change.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { changeMark } from '../../db/repositories/summary';
import type { Ctx } from '../context';
import {
  BACKUP_DIR,
  backupFileName,
  cleanPartials,
  listBackups,
  nextBackupSeq,
  pruneBackups,
  type BackupEntry,
  type BackupReason,
} from './backup-files';
import { alone } from '../../db/long-write';

export interface BackupOutcome {
  at: string;
  reason: BackupReason;
  /** One per destination folder; `error` when that copy failed (e.g. the USB stick was pulled). */
  copies: { dir: string; file?: string; error?: string }[];
  /**
   * When the newest earlier backup says a later time than the laptop's clock: the clock was set
   * back (or the battery of its clock died). Backups are still kept by the order they were made.
   */
  clockBehind?: string;
}
interface BackupConfig {
  /** The organiser's folder, besides the data folder's backups/. */
  dir: string | null;
  last: BackupOutcome | null;
}

const configFile = (dataDir: string) => path.join(dataDir, 'backup.json');

export function readBackupConfig(dataDir: string): BackupConfig {
  try {
    const c = JSON.parse(fs.readFileSync(configFile(dataDir), 'utf8')) as Partial<BackupConfig>;
    return { dir: typeof c.dir === 'string' ? c.dir : null, last: c.last ?? null };
  } catch {
    return { dir: null, last: null };
  }
}

function writeBackupConfig(dataDir: string, c: BackupConfig): void {
  const tmp = `${configFile(dataDir)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(c, null, 2));
  fs.renameSync(tmp, configFile(dataDir)); // whole or not at all
}

/** Records a backup taken elsewhere (session-end.ts) as the last outcome the backup card shows. */
export function recordBackupOutcome(dataDir: string, last: BackupOutcome): void {
  writeBackupConfig(dataDir, { ...readBackupConfig(dataDir), last });
}

export function setBackupDir(dataDir: string, dir: string | null): void {
  writeBackupConfig(dataDir, { ...readBackupConfig(dataDir), dir });
}

/** Every folder Hadir keeps backups in for this data folder. */
export function backupDirs(dataDir: string): string[] {
  const { dir } = readBackupConfig(dataDir);
  const own = path.join(dataDir, BACKUP_DIR);
  return dir && path.resolve(dir) !== own ? [own, dir] : [own];
}

/**
 * One backup: the SQLite backup API writes a temporary file in the data folder, which is renamed
 * when complete, so a file with a backup's name is always whole; then it is copied to the
 * organiser's folder. Each folder keeps the newest BACKUP_KEEP.
 *
 * The kiosk keeps answering meanwhile: the pages are copied 64 at a time between other work, and
 * the copy to a (slow) USB stick is asynchronous. No quick_check here: it would hold the thread
 * for ~60 ms per 5 MB (measured), and backups are checked where it matters, before a restore.
 */
export async function runBackup(ctx: Ctx, reason: BackupReason): Promise<BackupOutcome> {
  const at = ctx.now();
  const dirs = backupDirs(ctx.dataDir);
  const [own, ...others] = dirs;
  fs.mkdirSync(own!, { recursive: true });
  for (const dir of dirs) cleanPartials(dir); // left by a backup that was killed
  const latest = listBackups(dirs).reduce<string | undefined>((m, b) => (m === undefined || b.at > m ? b.at : m), undefined);
  const clockBehind = latest !== undefined && latest > at.toISOString() ? latest : undefined;
  const name = backupFileName(at, reason, nextBackupSeq(dirs));
  // The process id in the temporary name: a later backup removes it only once this one is gone.
  const tmp = path.join(own!, `${name}.${process.pid}.partial`);
  const file = path.join(own!, name);
  const copies: BackupOutcome['copies'] = [];
  try {
    // 64 pages a step, then back to the event loop: a check-in waits at most one step.
    // alone(): not while a large import is being written in slices (db/long-write.ts), whose
    // uncommitted pages the backup would otherwise copy through the shared connection.
    await alone(ctx.db, () => ctx.db.backup(tmp, { progress: () => 64 }));
    singleFile(tmp);
    fs.renameSync(tmp, file);
    pruneBackups(own!, undefined, file);
    copies.push({ dir: own!, file });
  } catch (e) {
    for (const ext of ['', '-journal']) fs.rmSync(tmp + ext, { force: true });
    copies.push({ dir: own!, error: e instanceof Error ? e.message : String(e) });
  }
  for (const dir of others) {
    try {
      if (!copies[0]!.file) throw new Error('no backup was made');
      await fs.promises.mkdir(dir, { recursive: true });
      const dest = path.join(dir, name);
      const part = `${dest}.${process.pid}.partial`;
      await fs.promises.copyFile(copies[0]!.file, part);
      await fs.promises.rename(part, dest);
      pruneBackups(dir, undefined, dest);
      copies.push({ dir, file: dest });
    } catch (e) {
      copies.push({ dir, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const outcome: BackupOutcome = { at: at.toISOString(), reason, copies, ...(clockBehind ? { clockBehind } : {}) };
  if (clockBehind) ctx.log.warn({ clock: outcome.at, newestBackup: clockBehind }, 'laptop clock is behind the newest backup');
  writeBackupConfig(ctx.dataDir, { ...readBackupConfig(ctx.dataDir), last: outcome });
  return outcome;
}

/**
 * The backup API copies the WAL flag in the header; switch the copy to a rollback journal so the
 * backup is one self-contained file that opens read-only anywhere (a USB stick, another laptop).
 */
function singleFile(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

export interface BackupStatus {
  dir: string | null;
  dataDirBackups: string;
  last: BackupOutcome | null;
  backups: BackupEntry[];
}

export function backupStatus(dataDir: string): BackupStatus {
  const c = readBackupConfig(dataDir);
  return { dir: c.dir, dataDirBackups: path.join(dataDir, BACKUP_DIR), last: c.last, backups: listBackups(backupDirs(dataDir)) };
}

export const BACKUP_INTERVAL_MS = 10 * 60_000;

/**
 * Every 10 minutes, a backup if anything changed since the last one; the first one after the
 * calendar date changes is marked day-close. Returns stop(), which takes the on-quit backup
 * (when anything changed) before it resolves. Runs in the Electron main process and the web host.
 */
export function startBackupScheduler(ctx: Ctx, intervalMs = BACKUP_INTERVAL_MS): { stop: () => Promise<void> } {
  let mark = changeMark(ctx.db);
  let lastDay = ctx.now().toDateString();
  let running: Promise<unknown> = Promise.resolve();
  const tick = (reason: BackupReason | null) => {
    running = running.then(async () => {
      const now = changeMark(ctx.db);
      if (now === mark) return;
      const day = ctx.now().toDateString();
      await runBackup(ctx, reason ?? (day !== lastDay ? 'day-close' : 'auto'));
      lastDay = day;
      mark = changeMark(ctx.db);
    });
    return running;
  };
  const timer = setInterval(() => void tick(null).catch(() => undefined), intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await tick('quit').catch(() => undefined);
    },
  };
}
