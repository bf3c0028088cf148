import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';
import { tempDir } from './ctx';

/**
 * A database file at schema `version` exactly (the migrations up to it and none after), as a
 * kiosk still running that version would have it. Close it and open the file with
 * openDatabase (or call migrate(db)) to bring it forward the way an upgraded kiosk does.
 */
export function databaseAt(version: number, file = path.join(tempDir('hadir-schema-'), 'hadir.db')) {
  if (!MIGRATIONS.some((m) => m.version === version)) throw new Error(`no migration ${version}`);
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return { db, file };
}

/** The version before `version` (0 for the first). */
export const previousVersion = (version: number) => [0, ...MIGRATIONS.map((m) => m.version)].filter((v) => v < version).pop()!;

/**
 * Rows every schema since 0010 can hold, written with 0010's columns only: two events with
 * days, roles, participants (one deleted), check-ins (ok, duplicate, unknown), an audit row and
 * a setting. No undo rows: before 0040 no version wrote them, and 0040 requires their reason. Later migrations add columns with defaults or rebuild
 * tables, so this one seed checks each of them carries real data forward.
 */
export function seedV10(db: Database.Database): void {
  db.exec(`
    INSERT INTO event(id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, secret, created_at)
      VALUES (1, 'Pelatihan PSM', 'Dinas Sosial', 'Hotel Horison', 'Bandar Lampung', 'Drs. Aswarodi', 'Kepala Dinas', '', x'0102', '2022-09-01T00:00:00Z'),
             (2, 'Rapat Koordinasi', 'Dinas Sosial', 'Aula', 'Metro', 'Budi', 'Kabid', '', x'0304', '2022-10-01T00:00:00Z');
    INSERT INTO event_day(id, event_id, day_no, date) VALUES (1, 1, 1, '2022-09-07'), (2, 1, 2, '2022-09-08'), (3, 2, 1, '2022-10-05');
    INSERT INTO role(event_id, name, position) VALUES (1, 'Peserta', 0), (1, 'Narasumber', 1), (2, 'Peserta', 0);
    INSERT INTO participant(id, event_id, code, name_key, name, regency, phone, role, deleted_at, created_at, updated_at) VALUES
      (1, 1, 'AAAAAAAA', 'rina marlina|kota metro', 'Rina Marlina', 'Kota Metro', '081234567890', 'Peserta', NULL, 'now', 'now'),
      (2, 1, 'BBBBBBBB', 'joko susilo|kota metro', 'Joko Susilo', 'Kota Metro', NULL, 'Narasumber', NULL, 'now', 'now'),
      (3, 1, 'CCCCCCCC', 'dewi lestari|lampung tengah', 'Dewi Lestari', 'Lampung Tengah', NULL, 'Peserta', '2022-09-06T00:00:00Z', 'now', 'now'),
      (4, 2, 'DDDDDDDD', 'budi hartono|metro', 'Budi Hartono', 'Metro', NULL, 'Peserta', NULL, 'now', 'now');
    INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code) VALUES
      ('u1', 1, 'Meja 1', 1, 1, '2022-09-07T01:00:00Z', 'ok', 'AAAAAAAA'),
      ('u2', 1, 'Meja 2', 1, 1, '2022-09-07T01:05:00Z', 'duplicate', 'AAAAAAAA'),
      ('u3', 1, 'Meja 1', 2, 2, '2022-09-08T01:10:00Z', 'ok', 'BBBBBBBB'),
      ('u5', 1, 'Meja 1', NULL, NULL, '2022-09-07T01:12:00Z', 'unknown', 'ZZZZZZZZ');
    INSERT INTO audit(at, actor, action, detail) VALUES ('2022-09-01T00:00:00Z', 'kiosk', 'event.create', '{"id":1}');
    INSERT INTO setting(key, value) VALUES ('active_event_id', '1'), ('lang', 'en');
  `);
}
