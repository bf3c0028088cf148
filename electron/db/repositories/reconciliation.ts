import { stmt, type Db } from '../connection';
import type { PendingShown } from '../../shared/checkin';

export interface ReconRow {
  id: number;
  uuid: string;
  station: string;
  participantId: number | null;
  eventDayId: number | null;
  scannedAt: string;
  receivedAt: string | null;
  shown: PendingShown | null;
  verdict: string;
  rawCode: string;
  name: string | null;
  code: string | null;
  regency: string | null;
  dayNo: number | null;
  date: string | null;
}

/**
 * The scans the reconciliation looks at (core/checkin/reconcile.ts), in log order: every scan of
 * a person and day that has a scan sent late from a desk's outbox or two check-ins (ok rows:
 * two merged laptops, or an undo and a new check-in), and every late scan of no known person.
 * Each of the event's scans is grouped once (the scan_participant_day index).
 */
export function reconRows(db: Db, eventId: number): ReconRow[] {
  return stmt(
    db,
    `WITH g AS (
       SELECT participant_id AS pid, event_day_id AS did FROM scan
       WHERE event_id = @eventId AND participant_id IS NOT NULL AND event_day_id IS NOT NULL
       GROUP BY participant_id, event_day_id
       HAVING SUM(received_at IS NOT NULL) > 0 OR SUM(verdict = 'ok') >= 2),
     picked AS (
       -- Each group's rows through the scan_participant_day index, then late rows of no one.
       SELECT s.* FROM g CROSS JOIN scan s ON s.participant_id = g.pid AND s.event_day_id = g.did
       UNION ALL
       SELECT * FROM scan
       WHERE event_id = @eventId AND received_at IS NOT NULL AND (participant_id IS NULL OR event_day_id IS NULL))
     SELECT s.id, s.uuid, s.station, s.participant_id AS participantId, s.event_day_id AS eventDayId,
            s.scanned_at AS scannedAt, s.received_at AS receivedAt, s.shown, s.verdict, s.raw_code AS rawCode,
            p.name, p.code, p.regency, d.day_no AS dayNo, d.date
     FROM picked s
       LEFT JOIN participant p ON p.id = s.participant_id
       LEFT JOIN event_day d ON d.id = s.event_day_id
     ORDER BY s.id`,
  ).all({ eventId }) as ReconRow[];
}

/** How many scans came late from a desks' outboxes. */
export function lateScanCount(db: Db, eventId: number): number {
  return (
    stmt(db, 'SELECT COUNT(*) AS n FROM scan WHERE event_id = ? AND received_at IS NOT NULL').get(eventId) as { n: number }
  ).n;
}
