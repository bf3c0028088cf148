import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';

/** A database as version 10 left it, with participants stored the old way. */
function atVersion10(): Database.Database {
  const db = new Database(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 10),
  );
  db.exec(`INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
           VALUES (1, 'E', 'O', 'V', 'C', 'S', 'T', '', x'00', 'now')`);
  const add = db.prepare(
    `INSERT INTO participant(event_id, code, name_key, name, regency, phone, role, created_at, updated_at)
     VALUES (1, ?, ?, ?, 'Kabupaten Way Kanan', ?, 'Peserta', 'now', 'now')`,
  );
  add.run('AAAAAAAA', 'k1', "Ma'ruf Hasibuan", '+628130459311');
  add.run('BBBBBBBB', 'k2', 'Agus Salim', '08211730528');
  add.run('CCCCCCCC', 'k3', 'Tan Ah Kow', '+60123456789');
  return db;
}

describe('migration 0060 (participant screens)', () => {
  it('re-indexes the stored names without apostrophes, and keeps the index in step afterwards', () => {
    const db = atVersion10();
    migrate(db);
    const find = (q: string) =>
      (
        db
          .prepare('SELECT name FROM participant WHERE id IN (SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?)')
          .all(q) as { name: string }[]
      ).map((r) => r.name);
    expect(find('"maruf"*')).toEqual(["Ma'ruf Hasibuan"]);
    expect(find('"way"* "kanan"*')).toHaveLength(3);
    db.exec("UPDATE participant SET name = 'Agus Ma''mun' WHERE code = 'BBBBBBBB'");
    expect(find('"mamun"*')).toEqual(["Agus Ma'mun"]);
    expect(find('"salim"*')).toEqual([]);
    db.exec("DELETE FROM participant WHERE code = 'AAAAAAAA'");
    expect(find('"maruf"*')).toEqual([]);
  });

  it('stores Indonesian phones in one national form, and starts every participant with no app edits', () => {
    const db = atVersion10();
    migrate(db);
    expect(db.prepare('SELECT code, phone, edited_fields FROM participant ORDER BY code').all()).toEqual([
      { code: 'AAAAAAAA', phone: '08130459311', edited_fields: '' },
      { code: 'BBBBBBBB', phone: '08211730528', edited_fields: '' },
      { code: 'CCCCCCCC', phone: '+60123456789', edited_fields: '' },
    ]);
  });
});
