import { stmt, type Db } from '../connection';

/** A lost badge's code, as a scan of it must answer: "badge replaced on <date>". */
export interface ReplacedCode {
  code: string;
  participantId: number;
  participantName: string;
  /** ISO-8601 UTC time of the reissue. */
  replacedAt: string;
  /** The participant's badge code now (the latest reissue's). */
  currentCode: string;
}

/**
 * Looks up a code that is no longer any participant's because its badge was replaced.
 * For the check-in verdict: call it only after the live code lookup found nobody.
 * Uses the table's primary key (event_id, code): one index probe.
 */
export function findReplacedCode(db: Db, eventId: number, code: string): ReplacedCode | null {
  const r = stmt(
    db,
    `SELECT r.code, r.participant_id AS participantId, p.name AS participantName, r.replaced_at AS replacedAt,
            p.code AS currentCode
     FROM badge_replaced r JOIN participant p ON p.id = r.participant_id
     WHERE r.event_id = ? AND r.code = ?`,
  ).get(eventId, code) as ReplacedCode | undefined;
  return r ?? null;
}

export function recordReplaced(db: Db, eventId: number, participantId: number, code: string, at: string, actor: string): void {
  stmt(db, 'INSERT INTO badge_replaced(event_id, code, participant_id, replaced_at, actor) VALUES (?, ?, ?, ?, ?)').run(
    eventId,
    code,
    participantId,
    at,
    actor,
  );
}

/** Every code a participant's earlier badges carried, newest first. */
export function replacedCodesOf(db: Db, participantId: number): { code: string; replacedAt: string; actor: string }[] {
  return stmt(
    db,
    `SELECT code, replaced_at AS replacedAt, actor FROM badge_replaced WHERE participant_id = ?
     ORDER BY replaced_at DESC, rowid DESC`,
  ).all(participantId) as never;
}
