import type { Database } from 'better-sqlite3';

/**
 * Reconciliation (issue 19, item 5): the scan log says which scans came late from a desk's
 * outbox and what that desk showed meanwhile, so the committee can be shown every place where a
 * desk's provisional verdict and the kiosk's stored one may disagree.
 *
 * - received_at: when the kiosk stored a scan that came with the desk's own time (`at`: only a
 *   desk's outbox sends one). NULL for a scan answered as it was made.
 * - shown: what the desk showed while it could not reach the kiosk ("Hadir — belum terkirim",
 *   with the name from its snapshot or "not in this desk's list", or the snapshot's own warnings).
 *
 * ADD COLUMN keeps the table (and its append-only triggers); both are NULL on older rows.
 * scan_reconcile: see below.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE scan ADD COLUMN received_at TEXT;
    ALTER TABLE scan ADD COLUMN shown TEXT
      CHECK (shown IS NULL OR shown IN ('pending', 'pending_unknown', 'pending_already', 'pending_replaced'));
    -- The reconciliation groups an event's log by person and day (the recap counts its cases
    -- whenever the dashboard reloads): covering, so it is read in index order with no table
    -- lookups and no temporary B-tree (tests/unit/query-plans.test.ts pins it).
    CREATE INDEX scan_reconcile ON scan(event_id, participant_id, event_day_id, verdict, received_at);
  `);
}
