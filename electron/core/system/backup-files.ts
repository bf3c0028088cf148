// Backup files on disk: naming, listing, pruning, checking, and moving a damaged database aside.
// Plain Node + a read-only SQLite open: used at start-up before the database is trusted, by the
// scheduler, the operations and the CLI.
import { processAlive } from './process-alive';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { quickCheck, summarise, type DbSummary } from '../../db/repositories/summary';
import { checkBackup, inspectBackup } from './backup-check';

export const BACKUP_DIR = 'backups';
/** How many backups each folder keeps (the newest). */
export const BACKUP_KEEP = 20;
export type BackupReason = 'auto' | 'manual' | 'quit' | 'day-close' | 'before-restore';

// hadir-20220907-083015123-auto-n000042.db: the time (for people) and the order in which the
// backups were made (n, one more than the highest in the folder). The order, not the time,
// decides which are the newest: with the laptop clock set back to 2000, a new backup was named
// for 2000, sorted oldest, and pruned the moment it was made. Names without n (older Hadir)
// count as made before every numbered one.
const NAME_RE = /^hadir-(\d{8})-(\d{9})-([a-z-]+?)(?:-n(\d{6,}))?\.db$/;

export function backupFileName(at: Date, reason: BackupReason, seq = 0): string {
  const iso = at.toISOString(); // 2022-09-07T08:30:15.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 23).replace(/[:.]/g, '')}`;
  return `hadir-${stamp}-${reason}${seq ? `-n${String(seq).padStart(6, '0')}` : ''}.db`;
}

/** The order number for the next backup made in these folders. */
export function nextBackupSeq(dirs: readonly string[]): number {
  return Math.max(0, ...listBackups(dirs).map((b) => b.seq)) + 1;
}

export interface BackupEntry {
  file: string;
  at: string;
  reason: string;
  bytes: number;
  /** The order it was made in (0: named by an older Hadir, before any numbered one). */
  seq: number;
}

/** Hadir's backups in these folders, newest first. Other files in the folders are left alone. */
export function listBackups(dirs: readonly string[]): BackupEntry[] {
  const out: BackupEntry[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue; // a USB stick that is not plugged in
    }
    for (const name of names) {
      const m = NAME_RE.exec(name);
      if (!m) continue;
      const [d, t] = [m[1]!, m[2]!];
      const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${t.slice(6)}Z`;
      try {
        const seq = m[4] ? Number(m[4]) : 0;
        out.push({ file: path.join(dir, name), at, reason: m[3]!, bytes: fs.statSync(path.join(dir, name)).size, seq });
      } catch {
        /* vanished meanwhile */
      }
    }
  }
  // Newest made first; the time only among the unnumbered ones of an older Hadir.
  return out.sort((a, b) => b.seq - a.seq || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * Deletes all but the newest `keep` (by the order they were made) of Hadir's backups in one
 * folder. `justMade` is never deleted, whatever its name says.
 */
export function pruneBackups(dir: string, keep = BACKUP_KEEP, justMade?: string): void {
  const all = listBackups([dir]);
  const others = all.filter((b) => b.file !== justMade);
  const room = justMade && all.length !== others.length ? keep - 1 : keep;
  for (const old of others.slice(Math.max(0, room))) fs.rmSync(old.file, { force: true });
}

/**
 * Files a backup killed midway left behind (<name>.<pid>.partial and its -journal, or an
 * older Hadir's <name>.partial): removed unless the process that writes them still runs.
 */
export function cleanPartials(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^hadir-.*\.db(?:\.(\d+))?\.partial(?:-journal|-wal|-shm)?$/.exec(name);
    if (!m) continue;
    const pid = m[1] ? Number(m[1]) : null;
    if (pid !== null && pid !== process.pid && processAlive(pid)) continue;
    if (pid === process.pid) continue; // this process's own backup in progress
    fs.rmSync(path.join(dir, name), { force: true });
  }
}


/** `error`: what was thrown, when the file could not even be read (a full disk, a read-only folder). */
export type FileCheck = { ok: true; summary: DbSummary } | { ok: false; reason: string; error?: unknown };

/**
 * Opens a database file and runs quick_check. Read-only by default (backup files, which are
 * single rollback-journal files). The live database at start-up is opened read-write without any
 * statement that writes: a WAL database left by a crash needs its -shm rebuilt to be read at all,
 * which a read-only connection cannot do. Nothing else is written, so a damaged file stays as it
 * was, for whoever wants to rescue it later.
 */
export function checkDatabaseFile(file: string, opts: { readonly?: boolean } = {}): FileCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: opts.readonly ?? true, fileMustExist: true });
    // Another process (a second desk, the CLI) may be writing: wait for it rather than call
    // the file unreadable because it was busy for a moment.
    db.pragma('busy_timeout = 5000');
    const verdict = quickCheck(db);
    if (verdict !== 'ok') return { ok: false, reason: verdict };
    return { ok: true, summary: summarise(db) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e), error: e };
  } finally {
    db?.close();
  }
}

/**
 * Moves a database and its -wal/-shm companions aside under one suffix, so nothing is lost and
 * nothing is overwritten. Returns the new path of the main file.
 */
export function moveAside(file: string, label: string, at: Date): string {
  const suffix = `.${label}-${at.toISOString().replace(/[:.]/g, '')}`;
  for (const ext of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + ext)) fs.renameSync(file + ext, file + suffix + ext);
  }
  return file + suffix;
}

/**
 * The newest backup that passes every check of backup-check.ts, looking in these folders. The
 * checks run on a private copy in the data folder, never on the file where it lies.
 */
export function newestGoodBackup(dirs: readonly string[], dataDir: string): (BackupEntry & { summary: DbSummary }) | null {
  for (const b of listBackups(dirs)) {
    try {
      return { ...b, summary: inspectBackup(b.file, dataDir) };
    } catch {
      /* refused: try the next older one */
    }
  }
  return null;
}

/**
 * Puts a backup in place of the database file: its checked private copy (backup-check.ts) is
 * made in the data folder first, then the current file (with -wal/-shm) is moved aside and the
 * copy renamed into place, so a crash midway leaves either the old file aside or the new one
 * whole. The database must be closed.
 */
export function installBackup(dbPath: string, backupFile: string, at: Date): { movedAside: string | null } {
  const checked = checkBackup(backupFile, path.dirname(dbPath));
  const movedAside = fs.existsSync(dbPath) ? moveAside(dbPath, 'before-restore', at) : null;
  fs.renameSync(checked.copy, dbPath);
  return { movedAside };
}
