// Check-ins acknowledged while a long write holds the transaction open (db/long-write.ts: a large
// import written in slices). Such a check-in is written inside that transaction, which commits
// only when the import does, seconds later; a crash or a power cut before then would roll back a
// check-in the desk already showed green. So it is also appended, and fsynced, to a small journal
// beside the database BEFORE the desk is answered. The journal is emptied once the long write has
// committed (or rolled back and carried its rows over), and replayed when the database is opened
// after a crash: rows whose uuid the log does not hold are written again.
import fs from 'node:fs';
import type { Db } from './connection';

/** The journal beside the database file (none for an in-memory database). */
export const pendingPath = (db: Db): string | null => (db.memory ? null : `${db.name}-pending-scans`);

/** Appends one row as a JSON line and waits until it is on disk. */
export function journal(db: Db, row: object): void {
  const file = pendingPath(db);
  if (!file) return;
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(row)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The rows journaled and not yet cleared; a line cut short by a crash was never acknowledged. */
export function pendingRows<T>(db: Db): T[] {
  const file = pendingPath(db);
  if (!file || !fs.existsSync(file)) return [];
  const rows: T[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      // the torn last line of a crash: its check-in was not answered yet
    }
  }
  return rows;
}

export function clearPending(db: Db): void {
  const file = pendingPath(db);
  if (file) fs.rmSync(file, { force: true });
}
