// Who is who when an event file is merged into (or replaces) the same event on this kiosk.
// Badge codes change (a lost badge is reissued), so a participant is not simply "the row with the
// same code": the file may be older than a reissue made here, or newer than this kiosk's copy.
// The rules, whichever file is older:
// - a code retired on either side (badge_replaced) never becomes a live code again;
// - a deletion made on either side stays (restoring someone is done here, by hand, afterwards);
// - a certificate keeps its number, its person and its signing key; a number is never given twice.
import type { Db } from '../../db/connection';
import { HadirError } from '../../shared/errors';

/** The file's retired codes, per participant id as the file numbers them. */
export function retiredInFile(rows: Record<string, unknown>[]): Map<number, string[]> {
  const byPerson = new Map<number, string[]>();
  for (const r of rows) {
    const id = Number(r.participant_id);
    byPerson.set(id, [...(byPerson.get(id) ?? []), String(r.code)]);
  }
  return byPerson;
}

export interface ParticipantMatch {
  /** This kiosk's participant, or null: the file's person is new here. */
  id: number | null;
  /** The live code the person has after the import (never a retired one). */
  code: string;
  /** The file's live code, retired here: both sides reissued the badge and the kiosk's stays. */
  retire: string | null;
}

const liveByCode = (db: Db, eventId: number, code: string) =>
  (db.prepare('SELECT id, code FROM participant WHERE event_id = ? AND code = ?').get(eventId, code) as
    { id: number; code: string } | undefined) ?? null;
const retiredHere = (db: Db, eventId: number, code: string) =>
  (db
    .prepare(
      'SELECT p.id, p.code FROM badge_replaced r JOIN participant p ON p.id = r.participant_id WHERE r.event_id = ? AND r.code = ?',
    )
    .get(eventId, code) as { id: number; code: string } | undefined) ?? null;

/**
 * Finds the file's participant on this kiosk, by its code, by a code this kiosk retired for it
 * (the file is older than a reissue here: the kiosk's code stays), or by a code the file retired
 * for it (the file is newer: its code becomes the live one and the kiosk's is retired).
 */
export function matchParticipant(db: Db, eventId: number, code: string, fileRetired: string[]): ParticipantMatch {
  const same = liveByCode(db, eventId, code);
  if (same) return { id: same.id, code, retire: null };
  const reissuedHere = retiredHere(db, eventId, code);
  if (reissuedHere) return { id: reissuedHere.id, code: reissuedHere.code, retire: null };
  for (const old of fileRetired) {
    const before = liveByCode(db, eventId, old);
    if (before) return { id: before.id, code, retire: null };
    // Both sides reissued the same lost badge: the kiosk's badge stays, the file's is retired.
    const both = retiredHere(db, eventId, old);
    if (both) return { id: both.id, code: both.code, retire: code };
  }
  return { id: null, code, retire: null };
}

/** Columns a replace never takes from the file, per table (see the rules above). */
export const KEPT_ON_REPLACE: Record<string, readonly string[]> = {
  event: ['secret', 'created_at'],
  participant: ['code', 'created_at'],
};

/** Tables whose rows a replace never changes: a certificate's number and the event's signing key. */
export const NEVER_REPLACED = new Set(['certificate', 'cert_key']);

/** A deletion on either side stays. */
export function keepDeletion(db: Db, participantId: number, row: Record<string, unknown>): void {
  const here = db.prepare('SELECT deleted_at FROM participant WHERE id = ?').get(participantId) as { deleted_at: string | null };
  if (here.deleted_at !== null) row.deleted_at = here.deleted_at;
}

/**
 * The kiosk's certificate of this person, if any; refuses a file certificate whose number or
 * sequence this kiosk already gave to someone else (two laptops issued independently).
 */
export function matchCertificate(db: Db, eventId: number, row: Record<string, unknown>): number | null {
  const mine = db
    .prepare('SELECT id FROM certificate WHERE event_id = ? AND participant_id = ?')
    .get(eventId, row.participant_id) as { id: number } | undefined;
  if (mine) return mine.id;
  const taken = db
    .prepare('SELECT number FROM certificate WHERE event_id = ? AND (number = ? OR seq = ?)')
    .get(eventId, row.number, row.seq) as { number: string } | undefined;
  if (taken)
    throw new HadirError(
      'event_file_invalid',
      `Certificate number ${String(row.number)} is already given to another person on this kiosk: the two copies of the event issued certificates independently.`,
      { detail: 'certificate_number', certificateNumber: String(row.number) },
    );
  return null;
}

/** After the import, inside its transaction: no live badge carries a retired code. */
export function assertNoRevivedCode(db: Db, eventId: number): void {
  const revived = db
    .prepare(
      `SELECT p.code FROM participant p JOIN badge_replaced r ON r.event_id = p.event_id AND r.code = p.code
       WHERE p.event_id = ? LIMIT 1`,
    )
    .get(eventId) as { code: string } | undefined;
  if (revived)
    throw new HadirError('event_file_invalid', `The event file would make the replaced badge ${revived.code} valid again.`, {
      detail: 'replaced_code',
      replacedCode: revived.code,
    });
}
