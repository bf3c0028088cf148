import { describe, expect, it } from 'vitest';
import { databaseAt, seedV10 } from '../helpers/schema';

describe('migration 0010 (initial schema)', () => {
  it('creates STRICT tables, the append-only scan log, the attendance view and the search index', () => {
    const { db } = databaseAt(10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const tables = (
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[]
    ).filter((t) => !t.name.startsWith('participant_fts') && !t.name.startsWith('sqlite_'));
    expect(tables.map((t) => t.name).sort()).toEqual(['audit', 'event', 'event_day', 'participant', 'role', 'scan', 'setting']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT$/);

    seedV10(db);
    expect(() => db.exec("UPDATE scan SET verdict = 'ok'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM scan')).toThrow(/append-only/);
    expect(db.prepare('SELECT participant_id AS id, event_day_id AS day FROM attendance ORDER BY id').all()).toEqual([
      { id: 1, day: 1 },
      { id: 2, day: 2 },
    ]);
    const found = db.prepare("SELECT rowid FROM participant_fts WHERE participant_fts MATCH 'marl*'").all();
    expect(found).toEqual([{ rowid: 1 }]);
    db.close();
  });
});
