import { appendAudit } from '../db/repositories/audit';
import type { DeskScope } from '../shared/desk';
import type { Ctx } from './context';
import { deskEventId } from './event/desk-event';
import { DURING_LONG_WRITE } from './during-long-write';
import { longWrite } from '../db/long-write';

export interface AuditOf<T> {
  action: string;
  /** What the audit row says; a function when it depends on what the write returned (a new id). */
  detail?: object | ((out: T) => object);
  /**
   * The desk and event of an operation that records into an event. The event is checked inside
   * the transaction (it must exist and not be archived), and the audit row names both.
   */
  scope?: DeskScope;
  /** The event a write concerns when it is not a desk recording into it (creating, archiving an event). */
  eventId?: number;
  /** The desk, when one asked for such a write. */
  desk?: string;
}

/**
 * A write and its audit row, committed together or not at all: the one place Hadir does this.
 *
 * IMMEDIATE: the transaction takes the database's write lock when it begins, not at its first
 * write. Every caller reads before it writes (is this code free? is this person already on the
 * list? does this day have scans?); in a DEFERRED transaction two desks, or the web host and the
 * CLI, could both read "free" and both write. With IMMEDIATE the second waits (busy_timeout)
 * and then reads what the first wrote. `write` receives the timestamp the audit row carries.
 */
export function audited<T>(ctx: Ctx, audit: AuditOf<NoInfer<T>>, write: (at: string) => T): T {
  const at = ctx.now().toISOString();
  return ctx.db
    .transaction(() => {
      if (audit.scope) deskEventId(ctx, audit.scope);
      const out = write(at);
      auditRow(ctx, audit, at, out);
      return out;
    })
    .immediate();
}

/**
 * audited() for a write that takes seconds (a 50,000-row import): the same single transaction,
 * begun IMMEDIATE, but `write` may await between slices so the desks keep being answered
 * (db/long-write.ts says what runs in between, and what happens to it on failure).
 */
export function auditedLong<T>(ctx: Ctx, audit: AuditOf<NoInfer<T>>, write: (at: string) => Promise<T>): Promise<T> {
  const at = ctx.now().toISOString();
  const carryOver = [
    { table: 'scan' as const, keep: () => true },
    // Only the audit rows of what may run meanwhile; this write's own row goes with it.
    { table: 'audit' as const, keep: (row: Record<string, unknown>) => DURING_LONG_WRITE.has(String(row.action)) },
  ];
  // No automatic checkpoint at this write's COMMIT: with thousands of pages in the WAL it would
  // run on this thread, the one answering the desks. A worker checkpoints instead, and the
  // automatic checkpoint comes back once it has (a check-in in between would otherwise do it).
  const off = !ctx.db.memory;
  if (off) ctx.db.pragma('wal_autocheckpoint = 0');
  return longWrite(ctx.db, carryOver, async () => {
    if (audit.scope) deskEventId(ctx, audit.scope);
    const out = await write(at);
    auditRow(ctx, audit, at, out);
    return out;
  }).finally(() => {
    if (!off) return;
    // SQLite's default (1,000 pages); connection.ts does not change it.
    const restore = () => ctx.db.open && ctx.db.pragma('wal_autocheckpoint = 1000');
    ctx.jobs
      .run('db.checkpoint', { file: ctx.dbPath })
      .catch((e: unknown) => ctx.log.warn({ err: e }, 'checkpoint after a long write failed; the next commit does it'))
      .finally(restore);
  });
}

function auditRow<T>(ctx: Ctx, audit: AuditOf<T>, at: string, out: T): void {
  const detail = typeof audit.detail === 'function' ? audit.detail(out) : audit.detail;
  appendAudit(ctx.db, {
    at,
    actor: ctx.actor,
    action: audit.action,
    detail,
    desk: audit.scope?.desk ?? audit.desk,
    eventId: audit.scope?.eventId ?? audit.eventId,
  });
}
