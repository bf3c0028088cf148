import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { checkVersion, migrate } from './migrate';
import { storageError, storageErrorOf } from './storage-error';
import { isBusy } from './wait-turn';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Told when migrations ran (the log records them; db/ knows no logger). */
  onMigrated?: (from: number, to: number) => void;
  /**
   * How long a write waits for another process's transaction before it fails (db_busy). A
   * desk process (the kiosk, the web host) waits 5 s: the wait blocks its thread, and every other
   * desk with it. A command waits 30 s: nothing else runs in its process (open-context.ts).
   */
  busyTimeoutMs?: number;
}

/**
 * Below this much free space the database is not opened at all: opening needs a few pages of
 * -shm and -wal, and on a full disk a failed open left a stray -shm behind.
 */
export const MIN_FREE_BYTES = 1024 * 1024;

/**
 * Opens (creating if needed) and migrates the kiosk database.
 * WAL lets the web host's extra desks read while one writes; synchronous=FULL makes a
 * check-in durable once its commit returns, even if the laptop loses power right after.
 * Storage failures (full disk, read-only folder, I/O error, a lock held too long) come out as
 * worded HadirErrors naming the file (storage-error.ts), and a failed open removes the -wal and
 * -shm files it created itself.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file === ':memory:') return configure(new Database(file), opts); // tests only
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw storageError(e, file) ?? e;
  }
  if (!opts.readonly) checkFreeSpace(file);
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | undefined;
  try {
    // better-sqlite3 13 is Node-API: the same prebuilt binary serves Node and Electron's main.
    db = new Database(file, { readonly: opts.readonly ?? false });
    return configure(db, opts);
  } catch (e) {
    db?.close();
    // What this open created and could not use: left behind, a -shm outlives the failure and a
    // later open trips on it. Only files that did not exist before, and never after a busy
    // failure: then another process is using the file, and may have made the -wal and -shm
    // since they were listed (deleting its live -wal loses what it wrote).
    const worded = storageError(e, file);
    if (!isBusy(e) && worded?.code !== 'db_busy') for (const f of companions) fs.rmSync(f, { force: true });
    throw worded ?? e;
  }
}

function configure(db: Database.Database, opts: OpenOptions): Database.Database {
  // First: every statement after this may meet another process's lock (a second desk, the
  // CLI, a process opening the same new folder) and must wait for it, not fail at once.
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
  // Before anything writes: a database from a newer Hadir is refused untouched. The switch
  // to WAL below rewrites the file's header, so it must not come first.
  const from = opts.readonly ? 0 : checkVersion(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  if (!opts.readonly) {
    const to = migrate(db);
    if (to !== from) opts.onMigrated?.(from, to);
  }
  return db;
}

/** Refuses (disk_full, naming the file) when its folder has less than MIN_FREE_BYTES free. */
export function checkFreeSpace(file: string): void {
  if (freeBytes(path.dirname(file)) < MIN_FREE_BYTES) throw storageErrorOf('disk_full', file);
}

/** Free bytes for this user in a folder (Infinity where the platform cannot say, or no folder yet). */
function freeBytes(dir: string): number {
  // A new data folder does not exist yet: ask about the nearest folder that does.
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      const s = fs.statfsSync(d);
      return s.bavail * s.bsize;
    } catch {
      if (path.dirname(d) === d) return Infinity;
    }
  }
}

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection. Preparing costs about as much as running
 * a small query, and an import of 10,000 rows runs the same few statements 10,000 times.
 */
export function stmt(db: Db, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
