import { stmt, type Db } from '../connection';

/** The append-only logs: rows are only ever added, so "written since id N" is exact. */
export type AppendOnlyTable = 'scan' | 'audit';

export function lastId(db: Db, table: AppendOnlyTable): number {
  return (stmt(db, `SELECT coalesce(max(id), 0) AS id FROM ${table}`).get() as { id: number }).id;
}

/** Every column of every row after `id`, as stored: whatever columns later migrations add. */
export function rowsAfter(db: Db, table: AppendOnlyTable, id: number): Record<string, unknown>[] {
  return stmt(db, `SELECT * FROM ${table} WHERE id > ? ORDER BY id`).all(id) as Record<string, unknown>[];
}

/** Writes rows read by rowsAfter back, ids included. */
export function insertRows(db: Db, table: AppendOnlyTable, rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const cols = Object.keys(row);
    stmt(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}
