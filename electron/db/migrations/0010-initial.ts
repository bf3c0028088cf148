import type { Database } from 'better-sqlite3';

/**
 * The first schema. STRICT tables so a wrong type is an error, not a silent coercion.
 * Times are ISO-8601 UTC text; dates of event days are local calendar dates (YYYY-MM-DD).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE event (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL,
      organiser       TEXT NOT NULL,
      venue           TEXT NOT NULL,
      city            TEXT NOT NULL,
      signatory_name  TEXT NOT NULL,
      signatory_title TEXT NOT NULL,
      signatory_nip   TEXT NOT NULL,
      logo            BLOB,
      -- Per-event key for signing badge and certificate claims; never leaves the kiosk.
      secret          BLOB NOT NULL,
      created_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE event_day (
      id       INTEGER PRIMARY KEY,
      event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      day_no   INTEGER NOT NULL CHECK (day_no >= 1),
      date     TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      UNIQUE (event_id, day_no),
      UNIQUE (event_id, date)
    ) STRICT;

    CREATE TABLE role (
      event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      name     TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (event_id, name)
    ) STRICT;

    CREATE TABLE participant (
      id          INTEGER PRIMARY KEY,
      event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      -- Badge code: random, unguessable, short enough for a low-version QR.
      code        TEXT NOT NULL,
      -- Normalised "name|regency": the re-import key when a row has no external ID or NIK.
      name_key    TEXT NOT NULL,
      external_id TEXT,
      name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      gender      TEXT CHECK (gender IN ('L', 'P')),
      regency     TEXT,
      district    TEXT,
      institution TEXT,
      nik         TEXT,
      phone       TEXT,
      email       TEXT,
      role        TEXT NOT NULL,
      deleted_at  TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      UNIQUE (event_id, code)
    ) STRICT;
    CREATE INDEX participant_regency ON participant(event_id, regency);

    -- Search: prefix of any word, case- and diacritic-insensitive (unicode61 remove_diacritics 2).
    CREATE VIRTUAL TABLE participant_fts USING fts5(
      name, regency, institution, code,
      content = 'participant', content_rowid = 'id',
      tokenize = "unicode61 remove_diacritics 2"
    );
    CREATE TRIGGER participant_ai AFTER INSERT ON participant BEGIN
      INSERT INTO participant_fts(rowid, name, regency, institution, code)
      VALUES (new.id, new.name, new.regency, new.institution, new.code);
    END;
    CREATE TRIGGER participant_ad AFTER DELETE ON participant BEGIN
      INSERT INTO participant_fts(participant_fts, rowid, name, regency, institution, code)
      VALUES ('delete', old.id, old.name, old.regency, old.institution, old.code);
    END;
    CREATE TRIGGER participant_au AFTER UPDATE OF name, regency, institution, code ON participant BEGIN
      INSERT INTO participant_fts(participant_fts, rowid, name, regency, institution, code)
      VALUES ('delete', old.id, old.name, old.regency, old.institution, old.code);
      INSERT INTO participant_fts(rowid, name, regency, institution, code)
      VALUES (new.id, new.name, new.regency, new.institution, new.code);
    END;

    -- Append-only scan log: attendance is derived from it, never stored beside it.
    -- An undo is a new row with verdict 'undo'. Failed scans are logged too.
    CREATE TABLE scan (
      id             INTEGER PRIMARY KEY,
      uuid           TEXT NOT NULL UNIQUE,
      event_id       INTEGER NOT NULL REFERENCES event(id),
      station        TEXT NOT NULL,
      participant_id INTEGER REFERENCES participant(id),
      event_day_id   INTEGER REFERENCES event_day(id),
      scanned_at     TEXT NOT NULL,
      verdict        TEXT NOT NULL CHECK (verdict IN ('ok', 'duplicate', 'unknown', 'wrong_day', 'undo')),
      raw_code       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX scan_participant_day ON scan(participant_id, event_day_id);
    CREATE TRIGGER scan_no_update BEFORE UPDATE ON scan BEGIN
      SELECT RAISE(ABORT, 'scan log is append-only');
    END;
    CREATE TRIGGER scan_no_delete BEFORE DELETE ON scan BEGIN
      SELECT RAISE(ABORT, 'scan log is append-only');
    END;

    -- Present on a day = the latest ok/undo row for that participant and day is 'ok'.
    CREATE VIEW attendance AS
      SELECT s.participant_id, s.event_day_id, MIN(s.scanned_at) AS first_at
      FROM scan s
      WHERE s.verdict = 'ok'
        AND NOT EXISTS (
          SELECT 1 FROM scan u
          WHERE u.verdict = 'undo' AND u.participant_id = s.participant_id
            AND u.event_day_id = s.event_day_id AND u.id > s.id)
      GROUP BY s.participant_id, s.event_day_id;

    CREATE TABLE setting (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit (
      id     INTEGER PRIMARY KEY,
      at     TEXT NOT NULL,
      actor  TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
  `);
}
