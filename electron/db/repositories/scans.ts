import { stmt, type Db } from '../connection';
import { inLongWrite } from '../long-write';
import { journal, pendingRows, clearPending } from '../pending-scans';
import type { PendingShown, ScanInput } from '../../shared/checkin';

/** The verdicts the log stores (migration 0040); the desk's colours are derived in core/checkin. */
export type Verdict = 'ok' | 'duplicate' | 'unknown' | 'replaced' | 'other_event' | 'wrong_day' | 'not_a_badge' | 'undo';

export interface ScanRow {
  uuid: string;
  eventId: number;
  /** The desk's name. */
  station: string;
  participantId: number | null;
  eventDayId: number | null;
  scannedAt: string;
  verdict: Verdict;
  rawCode: string;
  input?: ScanInput | null;
  daySource?: 'auto' | 'operator' | null;
  reason?: string | null;
  /** When the kiosk stored a scan sent late from a desk's outbox (migration 0090); else null. */
  receivedAt?: string | null;
  /** What that desk showed meanwhile ("Hadir — belum terkirim", …). */
  shown?: PendingShown | null;
}

/** Appends one row to the scan log. The log is append-only (triggers refuse UPDATE and DELETE). */
export function appendScan(db: Db, s: ScanRow): void {
  stmt(
    db,
    `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code, input, day_source, reason,
                      received_at, shown)
     VALUES (@uuid, @eventId, @station, @participantId, @eventDayId, @scannedAt, @verdict, @rawCode, @input, @daySource, @reason,
             @receivedAt, @shown)`,
  ).run({ input: null, daySource: null, reason: null, receivedAt: null, shown: null, ...s });
  // Inside a long write this row commits only with it: on disk before the desk is answered.
  if (inLongWrite(db)) journal(db, s);
}

/**
 * After a crash during a long write: the check-ins it had journaled and the log does not hold
 * (the long write never committed) are written again, in one transaction; then the journal goes.
 * A row whose participant came with the rolled-back import cannot stand and is skipped (counted).
 */
export function replayPendingScans(db: Db): { replayed: number; skipped: number } {
  const rows = pendingRows<ScanRow>(db);
  const out = { replayed: 0, skipped: 0 };
  if (rows.length) {
    const has = (uuid: string) => stmt(db, 'SELECT 1 FROM scan WHERE uuid = ?').get(uuid) !== undefined;
    db.transaction(() => {
      for (const r of rows) {
        if (has(r.uuid)) continue;
        try {
          db.transaction(() => appendScan(db, r))();
          out.replayed++;
        } catch {
          out.skipped++;
        }
      }
    }).immediate();
  }
  clearPending(db);
  return out;
}

/**
 * The check-in that stands for a participant on a day: the earliest ok row not taken back by a
 * later undo (the rule of the attendance view). Uses the scan_participant_day index.
 */
export function standingCheckin(db: Db, participantId: number, dayId: number): { scannedAt: string; station: string } | null {
  const r = stmt(
    db,
    `SELECT s.scanned_at AS scannedAt, s.station FROM scan s
     WHERE s.participant_id = ? AND s.event_day_id = ? AND s.verdict = 'ok'
       AND NOT EXISTS (SELECT 1 FROM scan u WHERE u.participant_id = s.participant_id
                        AND u.event_day_id = s.event_day_id AND u.verdict = 'undo' AND u.id > s.id)
     ORDER BY s.id LIMIT 1`,
  ).get(participantId, dayId) as { scannedAt: string; station: string } | undefined;
  return r ?? null;
}

export interface RecentRow {
  uuid: string;
  scannedAt: string;
  station: string;
  verdict: Verdict;
  rawCode: string;
  name: string | null;
  dayNo: number | null;
}

/** The newest scans of an event, every desk and verdict (scan_event index). */
export function recentScans(db: Db, eventId: number, limit: number): RecentRow[] {
  return stmt(
    db,
    `SELECT s.uuid, s.scanned_at AS scannedAt, s.station, s.verdict, s.raw_code AS rawCode, p.name, d.day_no AS dayNo
     FROM scan s LEFT JOIN participant p ON p.id = s.participant_id LEFT JOIN event_day d ON d.id = s.event_day_id
     WHERE s.event_id = ? ORDER BY s.id DESC LIMIT ?`,
  ).all(eventId, limit) as RecentRow[];
}

export interface GroupCount {
  regency: string | null;
  role: string;
  expected: number;
  present: number;
}

/**
 * Expected (on the list, not deleted) and present on `dayId`, per regency and role together (the
 * caller sums them either way). Present = the day's latest ok/undo row of the participant is
 * 'ok', which is the attendance view's rule (an ok row with no undo after it) computed from that
 * day's rows only (scan_day index): the view itself groups the whole log, and a desk reads these
 * figures after every verdict, on the thread that also records the next check-in.
 */
export function dayCounts(db: Db, eventId: number, dayId: number | null): GroupCount[] {
  return stmt(
    db,
    `WITH latest AS (
       SELECT participant_id, verdict, MAX(id) FROM scan
       WHERE event_day_id = @dayId AND verdict IN ('ok', 'undo') GROUP BY participant_id)
     SELECT p.regency, p.role, COUNT(*) AS expected, COUNT(l.participant_id) AS present
     FROM participant p LEFT JOIN latest l ON l.participant_id = p.id AND l.verdict = 'ok'
     WHERE p.event_id = @eventId AND p.deleted_at IS NULL
     GROUP BY p.regency, p.role`,
  ).all({ eventId, dayId }) as GroupCount[];
}

export interface AttendanceDbRow {
  dayNo: number;
  date: string;
  code: string;
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
  firstAt: string;
  desk: string;
}

/** Who is present, per day (every day when dayId is null), with the desk of the standing check-in. */
export function attendanceRows(db: Db, eventId: number, dayId: number | null): AttendanceDbRow[] {
  return stmt(
    db,
    `SELECT d.day_no AS dayNo, d.date, p.code, p.name, p.regency, p.institution, p.role, a.first_at AS firstAt,
       (SELECT s.station FROM scan s WHERE s.participant_id = a.participant_id AND s.event_day_id = a.event_day_id
          AND s.verdict = 'ok' AND s.scanned_at = a.first_at ORDER BY s.id LIMIT 1) AS desk
     FROM attendance a JOIN participant p ON p.id = a.participant_id JOIN event_day d ON d.id = a.event_day_id
     WHERE p.event_id = @eventId AND (@dayId IS NULL OR a.event_day_id = @dayId)
     ORDER BY d.day_no, a.first_at, p.name COLLATE NOCASE`,
  ).all({ eventId, dayId }) as AttendanceDbRow[];
}
