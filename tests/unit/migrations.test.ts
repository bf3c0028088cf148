import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { HadirError } from '../../electron/shared/errors';
import { openContext } from '../../electron/core/open-context';
import { RESOURCES, tempDir } from '../helpers/ctx';

describe('migrations', () => {
  it('creates the schema on a new file with the pragmas the kiosk relies on', () => {
    const file = path.join(tempDir(), 'hadir.db');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'participant_fts%' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual([
      'audit',
      'badge_replaced',
      'cert_asset',
      'cert_config',
      'cert_key',
      'cert_override',
      'certificate',
      'certificate_print',
      'event',
      'event_day',
      'participant',
      'payment_config',
      'payment_rate',
      'payment_tax',
      'programme_item',
      'role',
      'scan',
      'setting',
    ]);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT$/);
    db.close();
  });

  it('is idempotent: opening again applies nothing', () => {
    const file = path.join(tempDir(), 'hadir.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'hadir.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.close();
    let err: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HadirError);
    expect((err as HadirError).code).toBe('db_newer');
    expect((err as HadirError).message).toMatch(/newer version of Hadir/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 10);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'participant'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('leaves a newer database in rollback-journal mode byte for byte as it was: not even switched to WAL', () => {
    // Issue 8, defect 8: the switch to WAL (which rewrites bytes 18-19 of the header) came
    // before the version check, so "the file was not changed" was not true for such a file.
    const dir = tempDir();
    const file = path.join(dir, 'hadir.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(before[18]).toBe(1); // 1 = rollback journal, 2 = WAL
    expect(() => openDatabase(file)).toThrow(/newer version of Hadir/);
    // Through the start-up path of every transport too (its damage check must not misjudge it).
    expect(() => openContext(dir, 'cli', RESOURCES, { jobsWorker: 'inline' })).toThrow(/newer version of Hadir/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('hadir.db'))).toEqual(['hadir.db']);
  });

  it('rolls back every step of a failing migration', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 10,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE x (a); SELECT nope FROM nowhere'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('event', 'x')").get()).toEqual({ n: 0 });
  });

  it('keeps the scan log append-only', () => {
    const db = openDatabase(':memory:');
    db.exec(`INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
             VALUES (1, 'E', 'O', 'V', 'C', 'S', 'T', '', x'00', 'now')`);
    db.exec(
      `INSERT INTO scan(uuid, event_id, station, scanned_at, verdict, raw_code) VALUES ('u1', 1, 'desk-1', 'now', 'unknown', 'XYZ')`,
    );
    expect(() => db.exec(`UPDATE scan SET verdict = 'ok'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM scan`)).toThrow(/append-only/);
    expect(() =>
      db.exec(
        `INSERT INTO scan(uuid, event_id, station, scanned_at, verdict, raw_code) VALUES ('u2', 1, 'd', 'now', 'maybe', 'X')`,
      ),
    ).toThrow(/CHECK/);
  });
});
