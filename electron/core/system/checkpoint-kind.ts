import type { Kind } from '../jobs/kind';

/**
 * Copies the WAL back into the database file from a worker thread, on a connection of its own.
 * The one kind that opens the database, and only for this: after a large import, SQLite's
 * automatic checkpoint would run at the import's COMMIT on the thread that answers the desks and
 * hold a check-in for ~80 ms (issue 8, defect 3). PASSIVE never waits for readers or writers; the
 * data is the same either way, only where the pages sit changes.
 */
export const checkpointKind: Kind<{ file: string }, { busy: number; log: number; checkpointed: number }> = async ({ file }) => {
  // Loaded here, not at the top: the worker's other kinds never touch the database.
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[])[0]!;
  } finally {
    db.close();
  }
};
