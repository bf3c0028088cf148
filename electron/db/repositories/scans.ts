import { stmt, type Db } from '../connection';

export type Verdict = 'ok' | 'duplicate' | 'unknown' | 'wrong_day' | 'undo';

export interface ScanRow {
  uuid: string;
  eventId: number;
  station: string;
  participantId: number | null;
  eventDayId: number | null;
  scannedAt: string;
  verdict: Verdict;
  rawCode: string;
}

/** Appends one row to the scan log. The log is append-only (triggers refuse UPDATE and DELETE). */
export function appendScan(db: Db, s: ScanRow): void {
  stmt(
    db,
    `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code)
     VALUES (@uuid, @eventId, @station, @participantId, @eventDayId, @scannedAt, @verdict, @rawCode)`,
  ).run(s);
}
