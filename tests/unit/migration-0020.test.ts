import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';
import { databaseAt, seedV10 } from '../helpers/schema';

const plan = (db: Database.Database, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0020 (desks)', () => {
  it('keeps every event open and every audit row, and indexes the scan log by day', () => {
    const { db } = databaseAt(10);
    seedV10(db);
    // Before: asking whether a day has scans reads the whole log.
    const dayHasScans = 'SELECT 1 FROM scan WHERE event_day_id = ? LIMIT 1';
    expect(plan(db, dayHasScans, 1)).toMatch(/^SCAN scan/);

    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 20),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT id, archived_at AS archivedAt FROM event ORDER BY id').all()).toEqual([
      { id: 1, archivedAt: null },
      { id: 2, archivedAt: null },
    ]);
    expect(db.prepare('SELECT action, desk, event_id AS eventId FROM audit').all()).toEqual([
      { action: 'event.create', desk: null, eventId: null },
    ]);
    expect(plan(db, dayHasScans, 1)).toBe('SEARCH scan USING COVERING INDEX scan_day (event_day_id=?)');
    // What the new columns hold from now on.
    db.exec("UPDATE event SET archived_at = '2022-10-01T00:00:00Z' WHERE id = 1");
    db.exec(
      "INSERT INTO audit(at, actor, action, desk, event_id) VALUES ('now', 'web:10.0.0.2', 'participants.create', 'Meja 2', 2)",
    );
    expect(db.prepare("SELECT desk, event_id AS eventId FROM audit WHERE action = 'participants.create'").get()).toEqual({
      desk: 'Meja 2',
      eventId: 2,
    });
    db.close();
  });
});
