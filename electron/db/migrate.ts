import type { Database } from 'better-sqlite3';
import { HadirError } from '../shared/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/**
 * Brings the schema up to date in ONE transaction: a failure leaves the file as it was.
 *
 * IMMEDIATE, and the version is read again inside it: several processes may open a new data
 * folder at the same moment (the web host, the CLI, a second kiosk window), and each used to read
 * version 0 and run every migration, the second failing with "table event already exists".
 */
export function migrate(db: Database, migrations = MIGRATIONS): number {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const current = checkVersion(db, latest);
  if (!migrations.some((m) => m.version > current)) return current;
  db.transaction(() => {
    const now = checkVersion(db, latest);
    for (const m of migrations.filter((m) => m.version > now)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return latest;
}

/**
 * The schema version, refusing a database written by a newer Hadir. Reading it changes nothing,
 * so it is the first thing done to a file (connection.ts): not even the switch to WAL, which
 * rewrites the header, may come before it.
 */
export function checkVersion(db: Database, latest = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new HadirError(
      'db_newer',
      `This database was written by a newer version of Hadir (schema ${current}, this app knows ${latest}). Update Hadir; the file was not changed.`,
      { found: current, known: latest },
    );
  }
  return current;
}

export { LATEST_VERSION };
