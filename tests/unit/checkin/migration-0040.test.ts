import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { tempDir } from '../../helpers/ctx';

describe('migration 0040 (check-in)', () => {
  it('keeps every scan row, adds the time zone (WIB by default) and the new verdicts, and stays append-only', () => {
    const db = new Database(path.join(tempDir(), 'hadir.db'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    db.exec(`
      INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
        VALUES (1, 'E', 'O', 'V', 'C', 'S', 'T', '', x'00', 'now');
      INSERT INTO event_day(id, event_id, day_no, date) VALUES (7, 1, 1, '2022-09-07');
      INSERT INTO participant(id, event_id, code, name_key, name, role, created_at, updated_at)
        VALUES (3, 1, 'ABCDEFGH', 'k', 'Siti', 'Peserta', 'now', 'now');
      INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code)
        VALUES ('u1', 1, 'desk-1', 3, 7, '2022-09-07T01:00:00Z', 'ok', 'ABCDEFGH'),
               ('u2', 1, 'desk-1', NULL, 7, '2022-09-07T01:01:00Z', 'unknown', 'XXXX');
    `);
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT uuid, station, verdict, input, reason FROM scan ORDER BY id').all()).toEqual([
      { uuid: 'u1', station: 'desk-1', verdict: 'ok', input: null, reason: null },
      { uuid: 'u2', station: 'desk-1', verdict: 'unknown', input: null, reason: null },
    ]);
    expect(db.prepare('SELECT participant_id AS p, event_day_id AS d FROM attendance').all()).toEqual([{ p: 3, d: 7 }]);
    expect(db.prepare('SELECT time_zone AS tz FROM event').get()).toEqual({ tz: 'Asia/Jakarta' });
    expect(() => db.exec("UPDATE event SET time_zone = 'Europe/Paris'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE scan SET verdict = 'ok'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM scan')).toThrow(/append-only/);
    const add = db.prepare(
      "INSERT INTO scan(uuid, event_id, station, scanned_at, verdict, raw_code, reason) VALUES (?, 1, 'd', 'now', ?, 'x', ?)",
    );
    add.run('u3', 'not_a_badge', null);
    expect(() => add.run('u4', 'undo', null)).toThrow(/CHECK/);
    expect(() => add.run('u5', 'green', null)).toThrow(/CHECK/);
    // Every index the table had before the rebuild is back (0010's, 0020's), plus 0040's (later
    // migrations may add their own: 0090's scan_reconcile).
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'scan' AND sql IS NOT NULL").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['scan_day', 'scan_event', 'scan_participant_day']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('finds a participant by badge code and their check-in of a day through indexes', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM participant WHERE event_id = 1 AND code = 'X'")).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_participant_1/,
    );
    expect(plan("SELECT 1 FROM scan WHERE participant_id = 1 AND event_day_id = 2 AND verdict = 'ok'")).toMatch(
      /USING (COVERING )?INDEX scan_participant_day/,
    );
    expect(plan('SELECT * FROM scan WHERE event_id = 1 ORDER BY id DESC LIMIT 20')).toMatch(/USING (COVERING )?INDEX scan_event/);
  });
});
