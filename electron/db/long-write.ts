import type { Db } from './connection';
import { insertRows, lastId, rowsAfter, type AppendOnlyTable } from './repositories/append-only';
import { clearPending } from './pending-scans';

/**
 * A write too large for one turn of the event loop (a 50,000-row import takes seconds), done as
 * ONE transaction on the shared connection but in slices: `write` awaits between slices, and the
 * desks are answered in between. All or nothing still holds: a crash or a failure mid-way leaves
 * nothing of it.
 *
 * What runs in between shares the transaction, because it shares the connection. So:
 * - dispatch() holds back every operation not listed in core/during-long-write.ts until the long
 *   write ends: an edit, a walk-in or a second import waits its turn, as it always did behind a
 *   synchronous import;
 * - the operations that may run (check-ins, reads) add rows to the append-only logs (scan,
 *   audit). Their commit is the long write's commit, a few seconds later at most. If the long
 *   write fails, those rows are read before the rollback and written again after it
 *   (`carryOver`), so a check-in acknowledged during a failed import is not lost.
 */
export async function longWrite<T>(
  db: Db,
  carryOver: { table: AppendOnlyTable; keep: (row: Record<string, unknown>) => boolean }[],
  write: () => Promise<T>,
): Promise<T> {
  return alone(db, async () => {
    const cache = smallCache(db);
    db.exec('BEGIN IMMEDIATE');
    open.add(db);
    const marks = carryOver.map((c) => ({ ...c, from: lastId(db, c.table) }));
    try {
      const out = await write();
      db.exec('COMMIT');
      return out;
    } catch (e) {
      if (db.inTransaction) {
        const kept = marks.map((m) => ({ table: m.table, rows: rowsAfter(db, m.table, m.from).filter(m.keep) }));
        db.exec('ROLLBACK');
        if (kept.some((k) => k.rows.length)) db.transaction(() => kept.forEach((k) => insertRows(db, k.table, k.rows)))();
      }
      throw e;
    } finally {
      // Committed, or rolled back with the check-ins carried over: they are in the file now.
      open.delete(db);
      clearPending(db);
      cache.restore();
    }
  });
}

/**
 * The page cache a long write runs with, in KiB (SQLite's negative cache_size). The connection's
 * usual 16 MiB held every page a 50,000-row import dirtied (13 MB) until its COMMIT, which then
 * wrote them all to the WAL in one call on the desks' thread: ~55–90 ms of CPU, the longest
 * check-in delay during an import (issue 21, docs/engineering/import-memory.md). With 1 MiB, SQLite
 * writes the transaction's pages to the WAL as the cache fills (a page at a time, uncommitted:
 * a rollback still leaves nothing), between the walk's slices, and the COMMIT writes what is
 * left: ~20 ms of CPU, with the same WAL size, ~12 MB less memory held, and all-or-nothing intact.
 */
export const LONG_WRITE_CACHE_KIB = 1024;

/** Shrinks the connection's page cache for a long write; `restore` puts the usual size back. */
function smallCache(db: Db): { restore(): void } {
  // An in-memory database cannot spill its pages anywhere: nothing to gain.
  if (db.memory) return { restore() {} };
  const usual = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${LONG_WRITE_CACHE_KIB}`);
  return {
    restore() {
      if (db.open) db.pragma(`cache_size = ${usual}`);
    },
  };
}

const running = new WeakMap<Db, Promise<unknown>>();
/** Connections with a long write's transaction open (BEGIN to COMMIT or ROLLBACK). */
const open = new WeakSet<Db>();

/**
 * True while a long write's transaction is open on this connection: a check-in written now
 * commits only with it, so it is journaled first (db/pending-scans.ts).
 */
export const inLongWrite = (db: Db): boolean => open.has(db);

/**
 * Runs `fn` when no long write (and nothing else run through here) is under way on this
 * connection, and keeps the next one waiting until it ends. The online backup goes through here:
 * it reads through the same connection, so during a long write it would copy half an import.
 */
export async function alone<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  for (let busy = running.get(db); busy; busy = running.get(db)) await busy.catch(() => undefined);
  const run = fn();
  running.set(db, run);
  try {
    return await run;
  } finally {
    running.delete(db);
  }
}

/** Resolves once no long write is open on this connection (at once when none is). */
export async function noLongWrite(db: Db): Promise<void> {
  for (let busy = running.get(db); busy; busy = running.get(db)) await busy.catch(() => undefined);
}

export const longWriteOpen = (db: Db): boolean => running.has(db);
