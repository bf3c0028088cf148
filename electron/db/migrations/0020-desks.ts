import type { Database } from 'better-sqlite3';

/**
 * Desks (issue 7): several desks work one kiosk, each on its own event.
 *
 * 1. An event can be archived: it stays readable (lists, exports, reports) but no desk can
 *    record into it any more, so a tab left open on last month's event cannot add to it.
 * 2. Each audit row says which desk wrote it and into which event. NULL on rows written before
 *    (and on kiosk-wide changes such as the language). No foreign key on event_id: the audit
 *    outlives what it describes.
 * 3. scan(event_day_id): removing a day from an event first asks whether the day has scans,
 *    and SQLite's own foreign-key check on deleting an event_day asks the same. Without this
 *    index both read the whole scan log (EXPLAIN QUERY PLAN: SCAN scan), which grows by one row
 *    per check-in. tests/unit/query-plans.test.ts pins it.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE event ADD COLUMN archived_at TEXT;
    ALTER TABLE audit ADD COLUMN event_id INTEGER;
    ALTER TABLE audit ADD COLUMN desk TEXT;
    CREATE INDEX scan_day ON scan(event_day_id);
  `);
}
