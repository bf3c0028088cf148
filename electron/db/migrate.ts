import type { Database } from 'better-sqlite3';
import { HadirError } from '../shared/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/** Brings the schema up to date in ONE transaction: a failure leaves the file as it was. */
export function migrate(db: Database, migrations = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > latest) {
    throw new HadirError(
      'db_newer',
      `This database was written by a newer version of Hadir (schema ${current}, this app knows ${latest}). Update Hadir; the file was not changed.`,
      { found: current, known: latest },
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}

export { LATEST_VERSION };
