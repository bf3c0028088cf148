import { stmt, type Db } from '../connection';

/** Who changed what, for the office's records. Written in the same transaction as the change. */
export function appendAudit(db: Db, at: string, actor: string, action: string, detail: object = {}): void {
  stmt(db, 'INSERT INTO audit(at, actor, action, detail) VALUES (?, ?, ?, ?)').run(at, actor, action, JSON.stringify(detail));
}

export function listAudit(db: Db, limit = 100): { at: string; actor: string; action: string; detail: string }[] {
  return stmt(db, 'SELECT at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as never;
}
