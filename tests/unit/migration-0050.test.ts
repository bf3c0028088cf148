import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';
import { databaseAt, seedV10 } from '../helpers/schema';

describe('migration 0050 (certificates)', () => {
  it('gives existing events an empty signatory rank and empty certificate tables, every one tied to an event', () => {
    const { db } = databaseAt(40);
    seedV10(db);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 50),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    expect(db.prepare('SELECT id, signatory_rank AS rank FROM event ORDER BY id').all()).toEqual([
      { id: 1, rank: '' },
      { id: 2, rank: '' },
    ]);
    const certTables = [
      'programme_item',
      'cert_config',
      'cert_asset',
      'cert_key',
      'certificate',
      'certificate_print',
      'cert_override',
    ];
    for (const t of certTables) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
      // Moving an event to another kiosk finds its tables by their event_id column (core/event/transfer.ts).
      const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toContain('event_id');
    }
    // A certificate number is unique within its event, and belongs to a participant of the kiosk.
    const issue = db.prepare(
      "INSERT INTO certificate(event_id, participant_id, seq, number, issued_at) VALUES (?, ?, ?, ?, 'now')",
    );
    issue.run(1, 1, 1, '001/PSM/IX/2022');
    expect(() => issue.run(1, 2, 2, '001/PSM/IX/2022')).toThrow(/UNIQUE/);
    expect(() => issue.run(1, 99, 3, '003/PSM/IX/2022')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
