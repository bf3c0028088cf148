// Moving one event between kiosks. The tables are discovered from the schema, not listed by hand:
// every table with an event_id column belongs to an event, and its foreign keys say which ids to
// translate. So a table a later migration adds (certificates, say) travels without a change here.
import { stmt, type Db } from '../connection';

export type Cell = string | number | null | { $b64: string };
export type Row = Record<string, Cell>;

export interface TableInfo {
  name: string;
  columns: string[];
  /** The INTEGER PRIMARY KEY column, when the table has one (its values are renumbered on import). */
  rowid: string | null;
  /** column -> referenced table */
  fks: Record<string, string>;
  /** Column sets of UNIQUE indexes (and a composite primary key): how a merge finds a row it already has. */
  uniques: string[][];
  /** A trigger refuses UPDATE (the scan log): its rows are only ever added. */
  appendOnly: boolean;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function tableInfo(db: Db, name: string): TableInfo {
  const cols = db.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; type: string; pk: number }[];
  const pks = cols.filter((c) => c.pk > 0);
  const rowid = pks.length === 1 && pks[0]!.type.toUpperCase() === 'INTEGER' ? pks[0]!.name : null;
  const fks = Object.fromEntries(
    (db.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as { from: string; table: string }[]).map((f) => [f.from, f.table]),
  );
  const uniques = (db.prepare(`PRAGMA index_list(${q(name)})`).all() as { name: string; unique: number; origin: string }[])
    .filter((i) => i.unique && i.origin !== 'pk')
    .map((i) => (db.prepare(`PRAGMA index_info(${q(i.name)})`).all() as { name: string }[]).map((c) => c.name));
  if (!rowid && pks.length > 0) uniques.push(pks.sort((a, b) => a.pk - b.pk).map((c) => c.name));
  const appendOnly =
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%BEFORE UPDATE%RAISE%'")
      .get(name) !== undefined;
  return { name, columns: cols.map((c) => c.name), rowid, fks, uniques, appendOnly };
}

/** The event's tables in an order where every referenced table comes first. */
export function eventTables(db: Db): TableInfo[] {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
  ).map((r) => r.name);
  const infos = names.map((n) => tableInfo(db, n)).filter((t) => t.name !== 'event' && t.columns.includes('event_id'));
  const done = new Set(['event']);
  const ordered: TableInfo[] = [];
  while (ordered.length < infos.length) {
    const next = infos.find(
      (t) =>
        !done.has(t.name) &&
        Object.values(t.fks).every((ref) => done.has(ref) || ref === t.name || !infos.some((i) => i.name === ref)),
    );
    if (!next) throw new Error('circular foreign keys between event tables');
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

const toCell = (v: unknown): Cell => (v instanceof Uint8Array ? { $b64: Buffer.from(v).toString('base64') } : (v as Cell));
export const fromCell = (v: Cell): unknown => (v !== null && typeof v === 'object' ? Buffer.from(v.$b64, 'base64') : v);

export function readRows(db: Db, table: string, where: string, arg: unknown): Row[] {
  const rows = db.prepare(`SELECT * FROM ${q(table)} WHERE ${where} ORDER BY rowid`).all(arg) as Record<string, unknown>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toCell(v)])));
}

export function insertRow(
  db: Db,
  table: string,
  row: Record<string, unknown>,
  orIgnore: boolean,
): { changes: number; id: number } {
  const cols = Object.keys(row);
  const r = stmt(
    db,
    `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  ).run(...cols.map((c) => row[c]));
  return { changes: r.changes, id: Number(r.lastInsertRowid) };
}

/** The id of the row matching `row` on these columns (a unique key), or null. */
export function findBy(db: Db, t: TableInfo, row: Record<string, unknown>, cols: string[]): number | null {
  const r = stmt(
    db,
    `SELECT ${q(t.rowid ?? 'rowid')} AS id FROM ${q(t.name)} WHERE ${cols.map((c) => `${q(c)} IS ?`).join(' AND ')}`,
  ).get(...cols.map((c) => row[c])) as { id: number } | undefined;
  return r?.id ?? null;
}

/** Sets the row's columns to `row`'s values where they differ; true when anything changed. */
export function updateRow(db: Db, t: { name: string; rowid: string | null }, id: number, row: Record<string, unknown>): boolean {
  const key = q(t.rowid ?? 'rowid');
  const cols = Object.keys(row);
  if (!cols.length) return false;
  const r = db
    .prepare(
      `UPDATE ${q(t.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')}
       WHERE ${key} = ? AND NOT (${cols.map((c) => `${q(c)} IS ?`).join(' AND ')})`,
    )
    .run(...cols.map((c) => row[c]), id, ...cols.map((c) => row[c]));
  return r.changes > 0;
}

export function eventIdBySecret(db: Db, secret: Uint8Array): number | null {
  return (db.prepare('SELECT id FROM event WHERE secret = ?').get(secret) as { id: number } | undefined)?.id ?? null;
}

export const schemaVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number;
