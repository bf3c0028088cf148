// Backup files on disk: naming, listing, pruning, checking, and moving a damaged database aside.
// Plain Node + a read-only SQLite open: used at start-up before the database is trusted, by the
// scheduler, the operations and the CLI.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { quickCheck, summarise, type DbSummary } from '../../db/repositories/summary';
import { checkBackup, inspectBackup } from './backup-check';

export const BACKUP_DIR = 'backups';
/** How many backups each folder keeps (the newest). */
export const BACKUP_KEEP = 20;
export type BackupReason = 'auto' | 'manual' | 'quit' | 'day-close' | 'before-restore';

// hadir-20220907-083015123-auto.db: sorting names sorts by time.
const NAME_RE = /^hadir-(\d{8})-(\d{9})-([a-z-]+)\.db$/;

export function backupFileName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString(); // 2022-09-07T08:30:15.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 23).replace(/[:.]/g, '')}`;
  return `hadir-${stamp}-${reason}.db`;
}

export interface BackupEntry {
  file: string;
  at: string;
  reason: string;
  bytes: number;
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
        out.push({ file: path.join(dir, name), at, reason: m[3]!, bytes: fs.statSync(path.join(dir, name)).size });
      } catch {
        /* vanished meanwhile */
      }
    }
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Deletes all but the newest `keep` of Hadir's backups in one folder. */
export function pruneBackups(dir: string, keep = BACKUP_KEEP): void {
  for (const old of listBackups([dir]).slice(keep)) fs.rmSync(old.file, { force: true });
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
