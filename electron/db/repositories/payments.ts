import { stmt, type Db } from '../connection';
import type { PaymentKind, RateRow } from '../../shared/payments';

export function listRates(db: Db, eventId: number): RateRow[] {
  return stmt(
    db,
    `SELECT kind, role, regency, amount FROM payment_rate WHERE event_id = ?
     ORDER BY CASE kind WHEN 'transport' THEN 0 WHEN 'uang-saku' THEN 1 ELSE 2 END, role, regency`,
  ).all(eventId) as RateRow[];
}

/** The whole rate table replaced at once: a rates file is the office's full list, not a patch. */
export function replaceRates(db: Db, eventId: number, rates: RateRow[]): void {
  stmt(db, 'DELETE FROM payment_rate WHERE event_id = ?').run(eventId);
  const ins = stmt(db, 'INSERT INTO payment_rate(event_id, kind, role, regency, amount) VALUES (?, ?, ?, ?, ?)');
  for (const r of rates) ins.run(eventId, r.kind, r.role, r.regency, r.amount);
}

export function getPaymentConfig(db: Db, eventId: number): string | null {
  return (stmt(db, 'SELECT config FROM payment_config WHERE event_id = ?').get(eventId) as { config: string } | undefined)?.config ?? null;
}

export function savePaymentConfig(db: Db, eventId: number, config: string, at: string): void {
  stmt(
    db,
    `INSERT INTO payment_config(event_id, config, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(event_id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
  ).run(eventId, config, at);
}

export function personalRates(db: Db, eventId: number): { participantId: number; name: string; rateBp: number }[] {
  return stmt(
    db,
    `SELECT t.participant_id AS participantId, p.name, t.rate_bp AS rateBp
     FROM payment_tax t JOIN participant p ON p.id = t.participant_id
     WHERE t.event_id = ? ORDER BY p.name COLLATE NOCASE`,
  ).all(eventId) as { participantId: number; name: string; rateBp: number }[];
}

export function setPersonalRate(db: Db, eventId: number, participantId: number, rateBp: number | null): void {
  if (rateBp === null) stmt(db, 'DELETE FROM payment_tax WHERE event_id = ? AND participant_id = ?').run(eventId, participantId);
  else
    stmt(
      db,
      `INSERT INTO payment_tax(event_id, participant_id, rate_bp) VALUES (?, ?, ?)
       ON CONFLICT(event_id, participant_id) DO UPDATE SET rate_bp = excluded.rate_bp`,
    ).run(eventId, participantId, rateBp);
}

export type { PaymentKind };
