import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { checkVersion, migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Told when migrations ran (the log records them; db/ knows no logger). */
  onMigrated?: (from: number, to: number) => void;
}

/**
 * Opens (creating if needed) and migrates the kiosk database.
 * WAL lets the web host's extra desks read while one writes; synchronous=FULL makes a
 * check-in durable once its commit returns, even if the laptop loses power right after.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  // better-sqlite3 13 is Node-API: the same prebuilt binary serves Node and Electron's main.
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    // First: every statement after this may meet another process's lock (a second desk, the
    // CLI, a process opening the same new folder) and must wait for it, not fail at once.
    db.pragma('busy_timeout = 5000');
    // Before anything writes: a database from a newer Hadir is refused untouched. The switch
    // to WAL below rewrites the file's header, so it must not come first.
    if (!opts.readonly) checkVersion(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (!opts.readonly) {
      const from = db.pragma('user_version', { simple: true }) as number;
      const to = migrate(db);
      if (to !== from) opts.onMigrated?.(from, to);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
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
