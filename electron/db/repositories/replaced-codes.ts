import { stmt, type Db } from '../connection';

/** Every replaced badge code of an event, with whose it was (a desk's snapshot, issue 19). */
export function listReplacedCodes(db: Db, eventId: number): { code: string; name: string; replacedAt: string }[] {
  return stmt(
    db,
    `SELECT r.code, p.name, r.replaced_at AS replacedAt
     FROM badge_replaced r JOIN participant p ON p.id = r.participant_id
     WHERE r.event_id = ? AND p.deleted_at IS NULL ORDER BY r.code`,
  ).all(eventId) as { code: string; name: string; replacedAt: string }[];
}
