import { stmt, type Db } from '../connection';

/** What a database file holds, for the restore preview: enough to recognise the right backup. */
export interface DbSummary {
  events: string[];
  participants: number;
  checkins: number;
  lastCheckinAt: string | null;
}

export function summarise(db: Db): DbSummary {
  const events = (stmt(db, 'SELECT name FROM event ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  const p = stmt(db, 'SELECT COUNT(*) AS n FROM participant WHERE deleted_at IS NULL').get() as { n: number };
  const s = stmt(db, 'SELECT COUNT(*) AS n FROM attendance').get() as { n: number };
  const last = stmt(db, "SELECT MAX(scanned_at) AS at FROM scan WHERE verdict = 'ok'").get() as { at: string | null };
  return { events, participants: p.n, checkins: s.n, lastCheckinAt: last.at };
}

/**
 * Changes since the connection opened, by anyone: data_version moves when another connection
 * (another desk's process) commits; total_changes() counts this connection's own writes.
 */
export function changeMark(db: Db): string {
  const v = db.pragma('data_version', { simple: true }) as number;
  const t = (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${v}:${t}`;
}

/** 'ok', or SQLite's first complaint. quick_check: the page and index structure, in O(N). */
export function quickCheck(db: Db): string {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows[0]?.quick_check ?? 'no answer';
}
