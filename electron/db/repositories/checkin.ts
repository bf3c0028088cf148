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
