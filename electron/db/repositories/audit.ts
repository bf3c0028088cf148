import { stmt, type Db } from '../connection';

export interface AuditEntry {
  at: string;
  /** Who: 'kiosk', 'web:<ip>', 'cli', … */
  actor: string;
  action: string;
  detail?: object;
  /** The desk that wrote it and the event it wrote into, when the operation names them. */
  desk?: string | null;
  eventId?: number | null;
}

/** Who changed what, for the office's records. Written in the same transaction as the change (core/audited.ts). */
export function appendAudit(db: Db, e: AuditEntry): void {
  stmt(db, 'INSERT INTO audit(at, actor, action, detail, desk, event_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.at,
    e.actor,
    e.action,
    JSON.stringify(e.detail ?? {}),
    e.desk ?? null,
    e.eventId ?? null,
  );
}

export function listAudit(
  db: Db,
  limit = 100,
): { at: string; actor: string; action: string; detail: string; desk: string | null; eventId: number | null }[] {
  return stmt(db, 'SELECT at, actor, action, detail, desk, event_id AS eventId FROM audit ORDER BY id DESC LIMIT ?').all(
    limit,
  ) as never;
}
