import type { Db } from '../connection';

/**
 * The search index of participants written once for a bulk insert instead of row by row.
 *
 * The trigger `participant_ai` (migration 0060) adds each new participant to `participant_fts`:
 * for the largest import, 50,000 trigger runs took about a third of the insert's CPU on the
 * desks' thread (~850 ms with it, ~670 ms with INSERT … SELECT statements after the rows; issue
 * 21, docs/engineering/import-memory.md, fifth pass). So for an import the trigger is dropped
 * inside the import's own transaction; each batch of new rows is indexed by one statement right
 * after it is inserted (one statement for the whole import would hold the desks' thread for
 * ~120 ms, past the 50 ms a check-in may wait during an import), and the trigger is put back
 * before that transaction commits. SQLite's DDL is transactional: a rollback (a failed or cancelled
 * import) brings the trigger back with everything else, and no other connection ever sees the
 * schema without it.
 *
 * The catch-up statement is made from the trigger's own SQL (its VALUES over `new.*` become a
 * SELECT over the new rows, aliased `new`), so the two can never fold text differently. If that
 * SQL is not of the shape this expects (a later migration changed it), nothing is deferred and
 * the trigger does the work as before.
 */
export interface DeferredSearchIndex {
  /** Indexes the participants inserted since the last call (or since the deferral). */
  catchUp(): void;
  /** Indexes the rest and puts the trigger back: before the transaction commits. */
  end(): void;
}

const TRIGGER = 'participant_ai';
const SHAPE =
  /^CREATE TRIGGER participant_ai AFTER INSERT ON participant BEGIN\s+INSERT INTO participant_fts\(([^)]*)\)\s+VALUES\s*\(([\s\S]*)\);\s*END$/;

/** The catch-up INSERT … SELECT made from the trigger's SQL, or null when it is not the known shape. */
export function catchUpSql(triggerSql: string): string | null {
  const m = SHAPE.exec(triggerSql.trim());
  if (!m) return null;
  return `INSERT INTO participant_fts(${m[1]}) SELECT ${m[2]} FROM participant AS new WHERE new.id > ? ORDER BY new.id`;
}

/** Call inside a transaction, before the bulk insert; end() before that transaction commits. */
export function deferSearchIndex(db: Db): DeferredSearchIndex {
  if (!db.inTransaction) throw new Error('deferSearchIndex needs an open transaction');
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(TRIGGER) as
    string | undefined;
  const sql = trigger ? catchUpSql(trigger) : null;
  if (!trigger || !sql) return { catchUp() {}, end() {} };
  const lastId = db.prepare('SELECT coalesce(max(id), 0) FROM participant').pluck();
  const index = db.prepare(sql);
  let after = lastId.get() as number;
  db.exec(`DROP TRIGGER ${TRIGGER}`);
  let ended = false;
  const catchUp = () => {
    const last = lastId.get() as number;
    if (last > after) index.run(after);
    after = last;
  };
  return {
    catchUp,
    end() {
      if (ended) return;
      ended = true;
      catchUp();
      db.exec(trigger);
    },
  };
}
