import { stmt, type Db } from '../connection';
import type { TimeZone } from '../../shared/time-zone';

export interface BadgeHolder {
  id: number;
  code: string;
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
  deleted: boolean;
}

/** A badge code to its holder within one event (UNIQUE(event_id, code) index), deleted ones included. */
export function participantByCode(db: Db, eventId: number, code: string): BadgeHolder | null {
  const r = stmt(
    db,
    `SELECT id, code, name, regency, institution, role, deleted_at IS NOT NULL AS deleted
     FROM participant WHERE event_id = ? AND code = ?`,
  ).get(eventId, code) as (Omit<BadgeHolder, 'deleted'> & { deleted: number }) | undefined;
  return r ? { ...r, deleted: r.deleted === 1 } : null;
}

export function participantById(db: Db, eventId: number, id: number): BadgeHolder | null {
  const r = stmt(
    db,
    `SELECT id, code, name, regency, institution, role, deleted_at IS NOT NULL AS deleted
     FROM participant WHERE event_id = ? AND id = ?`,
  ).get(eventId, id) as (Omit<BadgeHolder, 'deleted'> & { deleted: number }) | undefined;
  return r ? { ...r, deleted: r.deleted === 1 } : null;
}

export interface EventKey {
  id: number;
  name: string;
  secret: Buffer;
  timeZone: TimeZone;
}

/** Every event on the kiosk with its secret: the badge's event tag is derived from it. Never sent out. */
export function eventKeys(db: Db): EventKey[] {
  return stmt(db, 'SELECT id, name, secret, time_zone AS timeZone FROM event ORDER BY id').all() as EventKey[];
}

export function eventKey(db: Db, id: number): EventKey | null {
  return (stmt(db, 'SELECT id, name, secret, time_zone AS timeZone FROM event WHERE id = ?').get(id) as EventKey) ?? null;
}

export function expectedCount(db: Db, eventId: number): number {
  return (
    stmt(db, 'SELECT COUNT(*) AS n FROM participant WHERE event_id = ? AND deleted_at IS NULL').get(eventId) as { n: number }
  ).n;
}

export interface SearchHit extends Omit<BadgeHolder, 'deleted'> {
  /** ISO time of the standing check-in on the day asked about, if any. */
  presentAt: string | null;
}

/**
 * The desk's search by name (an FTS5 MATCH expression), with whether each person is present on
 * `dayId`. Presence is looked up for the few rows returned (scan_participant_day index), not
 * through the attendance view, which would group the whole log on every keystroke.
 */
export function searchHolders(db: Db, eventId: number, match: string, dayId: number | null, limit: number): SearchHit[] {
  return stmt(
    db,
    `SELECT h.*, (
       SELECT MIN(s.scanned_at) FROM scan s
       WHERE s.participant_id = h.id AND s.event_day_id = @dayId AND s.verdict = 'ok'
         AND NOT EXISTS (SELECT 1 FROM scan u WHERE u.participant_id = s.participant_id
                          AND u.event_day_id = s.event_day_id AND u.verdict = 'undo' AND u.id > s.id)
     ) AS presentAt
     FROM (
       SELECT p.id, p.code, p.name, p.regency, p.institution, p.role FROM participant p
       WHERE p.event_id = @eventId AND p.deleted_at IS NULL
         AND p.id IN (SELECT rowid FROM participant_fts WHERE participant_fts MATCH @match)
       ORDER BY p.name COLLATE NOCASE, p.id LIMIT @limit
     ) h`,
  ).all({ eventId, match, dayId, limit }) as SearchHit[];
}

/**
 * Up to `limit` codes of one event that end with `tail` (a scanner read that lost its first
 * characters). Walks the event's part of the (event_id, code) index: only partial reads ask.
 */
export function codesEndingWith(db: Db, eventId: number, tail: string, limit: number): string[] {
  return (
    stmt(db, `SELECT code FROM participant WHERE event_id = ? AND substr(code, -length(?)) = ? LIMIT ?`).all(
      eventId,
      tail,
      tail,
      limit,
    ) as { code: string }[]
  ).map((r) => r.code);
}
