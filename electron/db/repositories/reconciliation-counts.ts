import { stmt, type Db } from '../connection';
import type { ReconciliationCounts } from '../../shared/reconciliation';

/**
 * The reconciliation's counts without its list (issue 19): what the recap and the dashboard show,
 * reloaded every 750 ms per open dashboard on the thread that answers the desks. The full
 * reconciliation (core/checkin/reconcile.ts: every case's scans, names and times) took 12–36 ms
 * at 5,000 people; this is one statement over the covering index scan_reconcile, and only the
 * few person-days with a late duplicate or two check-ins are read row by row.
 *
 * It counts by the same rules as `reconcileRows` (tests/unit/checkin/reconcile-counts.test.ts
 * holds the two equal over many logs):
 * - a late scan (received_at set) the kiosk refused is one case of its kind: replaced, other_event,
 *   or refused (unknown, wrong_day, not_a_badge), whoever it names;
 * - a person and day is one double when it has two or more "counted" rows (an ok row no undo at
 *   the same desk follows, or a late duplicate) from two desks, or two counted ok rows.
 * Only such a person-day can have two counted rows if it has a late duplicate or two ok rows:
 * `g` picks those from the index, without touching the table.
 */
export const RECONCILIATION_COUNTS_SQL = `
  WITH g AS (
    SELECT participant_id AS pid, event_day_id AS did FROM scan
    WHERE event_id = @eventId AND participant_id IS NOT NULL AND event_day_id IS NOT NULL
    GROUP BY participant_id, event_day_id
    HAVING SUM(verdict = 'duplicate' AND received_at IS NOT NULL) > 0 OR SUM(verdict = 'ok') >= 2),
  doubles AS (
    SELECT 1 FROM g
    WHERE (
      SELECT COUNT(*) >= 2 AND (MIN(s.station) <> MAX(s.station) OR SUM(s.verdict = 'ok') >= 2)
      FROM scan s
      WHERE s.participant_id = g.pid AND s.event_day_id = g.did
        AND ((s.verdict = 'duplicate' AND s.received_at IS NOT NULL)
          OR (s.verdict = 'ok' AND NOT EXISTS (
                SELECT 1 FROM scan u
                WHERE u.participant_id = s.participant_id AND u.event_day_id = s.event_day_id
                  AND u.verdict = 'undo' AND u.station = s.station AND u.id > s.id))))),
  late AS (
    SELECT COUNT(*) AS sentLate,
           COALESCE(SUM(verdict = 'replaced'), 0) AS badge_replaced,
           COALESCE(SUM(verdict = 'other_event'), 0) AS badge_other_event,
           COALESCE(SUM(verdict IN ('unknown', 'wrong_day', 'not_a_badge')), 0) AS refused
    FROM scan WHERE event_id = @eventId AND received_at IS NOT NULL)
  SELECT (SELECT COUNT(*) FROM doubles) AS double, late.* FROM late`;

/** The event's reconciliation counts (the recap's line), from one statement. */
export function reconciliationCounts(db: Db, eventId: number): ReconciliationCounts {
  const r = stmt(db, RECONCILIATION_COUNTS_SQL).get({ eventId }) as Omit<ReconciliationCounts, 'total'>;
  return {
    double: r.double,
    badge_replaced: r.badge_replaced,
    badge_other_event: r.badge_other_event,
    refused: r.refused,
    total: r.double + r.badge_replaced + r.badge_other_event + r.refused,
    sentLate: r.sentLate,
  };
}
