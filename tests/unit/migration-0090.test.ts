// Migration 0090 (issue 19, reconciliation): the scan log keeps its rows and its append-only
// triggers; older rows were answered as made (no arrival time, nothing provisional shown). Its
// covering index keeps the reconciliation's grouping off a temporary B-tree.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { databaseAt } from '../helpers/schema';

describe('migration 0090 (scan arrival)', () => {
  it('keeps every scan, with received_at and shown empty; the log stays append-only; shown takes only what a desk shows', () => {
    const { db } = databaseAt(70);
    db.exec(`INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
             VALUES (1, 'E', 'O', 'V', 'C', 'S', 'T', '', x'00', 'now')`);
    db.exec(`INSERT INTO scan(uuid, event_id, station, scanned_at, verdict, raw_code)
             VALUES ('00000000-0000-4000-8000-000000000001', 1, 'Meja 1', '2022-09-07T01:00:00.000Z', 'unknown', 'X')`);
    migrate(db);
    expect(db.prepare('SELECT station, verdict, received_at, shown FROM scan').get()).toEqual({
      station: 'Meja 1',
      verdict: 'unknown',
      received_at: null,
      shown: null,
    });
    expect(() => db.prepare("UPDATE scan SET received_at = 'x'").run()).toThrow(/append-only/);
    const add = (shown: string) =>
      db
        .prepare(
          `INSERT INTO scan(uuid, event_id, station, scanned_at, verdict, raw_code, received_at, shown)
           VALUES (?, 1, 'Meja 2', '2022-09-07T01:00:00.000Z', 'unknown', 'X', '2022-09-07T01:05:00.000Z', ?)`,
        )
        .run(`00000000-0000-4000-8000-00000000000${shown.length % 10}`, shown);
    expect(() => add('pending_unknown')).not.toThrow();
    expect(() => add('green')).toThrow(/CHECK/);
    db.close();
  });

  it("groups an event's log for the reconciliation from a covering index, without a temporary B-tree", () => {
    const { db } = databaseAt(90);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT participant_id, event_day_id FROM scan
           WHERE event_id = 1 AND participant_id IS NOT NULL AND event_day_id IS NOT NULL
           GROUP BY participant_id, event_day_id
           HAVING SUM(received_at IS NOT NULL) > 0 OR SUM(verdict = 'ok') >= 2`,
        )
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH scan USING COVERING INDEX scan_reconcile \(event_id=\?/)]);
    db.close();
  });
});
