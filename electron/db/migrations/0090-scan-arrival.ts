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
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE scan ADD COLUMN received_at TEXT;
    ALTER TABLE scan ADD COLUMN shown TEXT
      CHECK (shown IS NULL OR shown IN ('pending', 'pending_unknown', 'pending_already', 'pending_replaced'));
  `);
}
