import type { Colour, Reason, ScanOutcome } from '../../shared/checkin';
import { localTime, type TimeZone } from '../../shared/time-zone';
import { participantById } from '../../db/repositories/checkin';
import { stmt, type Db } from '../../db/connection';
import { person } from './scan';

/**
 * A scan a desk sends again (issue 19, item 3): its outbox keeps each scan with the UUID it made
 * and sends it until the kiosk answers; an answer lost on the way (the Wi-Fi dropped after the
 * commit) means the same UUID arrives twice. The log keeps it once; the second time the desk is
 * told what was stored, marked `replayed`, and nothing is written.
 */
export function storedScan(db: Db, uuid: string, zone: (eventId: number) => TimeZone): ScanOutcome | null {
  // Prepared once per connection (stmt): every scan from a desk carries a UUID, so this runs on
  // every scan, on the thread that answers the desks (issue 19: preparing it cost about 50 µs of CPU a scan).
  const row = stmt(
    db,
    `SELECT s.event_id AS eventId, s.participant_id AS pid, s.scanned_at AS at, s.station AS desk, s.verdict,
              d.day_no AS dayNo, d.date AS date
       FROM scan s LEFT JOIN event_day d ON d.id = s.event_day_id WHERE s.uuid = ?`,
  ).get(uuid) as
    | {
        eventId: number;
        pid: number | null;
        at: string;
        desk: string;
        verdict: string;
        dayNo: number | null;
        date: string | null;
      }
    | undefined;
  if (!row) return null;
  const tz = zone(row.eventId);
  const holder = row.pid === null ? null : participantById(db, row.eventId, row.pid);
  const [verdict, reason] = REPLAYED[row.verdict] ?? ['red', 'not_registered'];
  return {
    verdict,
    reason,
    participant: holder ? person(holder) : null,
    day: row.dayNo !== null && row.date !== null ? { dayNo: row.dayNo, date: row.date } : null,
    scan: { uuid, at: row.at, time: localTime(new Date(row.at), tz), desk: row.desk },
    replayed: true,
  };
}

/** The log's verdict as the desk's colour and reason (verdict.ts decides them the other way). */
const REPLAYED: Record<string, [Colour, Reason]> = {
  ok: ['green', 'checked_in'],
  duplicate: ['amber', 'already_checked_in'],
  unknown: ['red', 'not_registered'],
  replaced: ['red', 'badge_replaced'],
  other_event: ['red', 'other_event'],
  wrong_day: ['red', 'not_event_day'],
  not_a_badge: ['not_a_badge', 'not_a_badge'],
};

/** A desk's clock may be ahead of the kiosk's: a scan is never dated after the kiosk's now. */
export function scanTime(at: string | undefined, now: Date): Date {
  if (!at) return now;
  const t = new Date(at);
  return Number.isNaN(t.getTime()) || t > now ? now : t;
}
