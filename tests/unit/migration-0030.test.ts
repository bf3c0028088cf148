import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';
import { databaseAt, seedV10 } from '../helpers/schema';

describe('migration 0030 (badge reissue)', () => {
  it('adds the replaced-codes table, one code once per event, and leaves the live codes alone', () => {
    const { db } = databaseAt(20);
    seedV10(db);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 30),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    expect(db.prepare('SELECT code FROM participant ORDER BY id').all()).toEqual([
      { code: 'AAAAAAAA' },
      { code: 'BBBBBBBB' },
      { code: 'CCCCCCCC' },
      { code: 'DDDDDDDD' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM badge_replaced').get()).toEqual({ n: 0 });
    const replace = db.prepare(
      "INSERT INTO badge_replaced(event_id, code, participant_id, replaced_at, actor) VALUES (?, ?, ?, 'now', 'kiosk')",
    );
    replace.run(1, 'OLDCODE1', 1);
    expect(() => replace.run(1, 'OLDCODE1', 2)).toThrow(/UNIQUE|PRIMARY/);
    replace.run(2, 'OLDCODE1', 4); // the same code in another event is another badge
    expect(() => replace.run(1, 'OLDCODE2', 99)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
