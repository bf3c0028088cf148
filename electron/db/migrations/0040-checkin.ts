import type { Database } from 'better-sqlite3';

/**
 * The check-in desk (issue 11).
 *
 * 1. Each event carries its time zone: the event day is "today" in the event's own zone (WIB,
 *    WITA or WIT), not the laptop's. Indonesia has no daylight saving, but the zone name is
 *    stored, not an offset, so dates are computed by Intl like everything else.
 * 2. The scan log gains the verdicts a desk can give (a badge replaced, a badge of another
 *    event, a QR that is not a badge), the input it came from, the operator's undo reason and
 *    whether the operator chose the day. SQLite cannot change a CHECK constraint in place, so
 *    the table is rebuilt (the "12-step" way: new table, copy, drop, rename, then the view,
 *    triggers and indexes again, 0020's scan_day included). Nothing references `scan`, so
 *    foreign keys are unaffected.
 *
 * `station` stays the desk's name: rows written before this migration keep their desk.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE event ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta'
      CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));

    DROP VIEW attendance;

    CREATE TABLE scan_new (
      id             INTEGER PRIMARY KEY,
      uuid           TEXT NOT NULL UNIQUE,
      event_id       INTEGER NOT NULL REFERENCES event(id),
      -- The desk's name, as the operator set it ("Meja 1"); the CLI writes 'cli' unless told.
      station        TEXT NOT NULL,
      participant_id INTEGER REFERENCES participant(id),
      event_day_id   INTEGER REFERENCES event_day(id),
      scanned_at     TEXT NOT NULL,
      -- ok = green; duplicate = amber; unknown, replaced, other_event, wrong_day = red;
      -- not_a_badge = some other QR (a payment sticker, a URL); undo = the operator took a
      -- check-in back (see reason).
      verdict        TEXT NOT NULL CHECK (verdict IN
                       ('ok', 'duplicate', 'unknown', 'replaced', 'other_event', 'wrong_day', 'not_a_badge', 'undo')),
      -- What was read or typed, cut to 200 characters (a QR can carry 4 KB; the start is
      -- enough to recognise a QRIS sticker or a URL in an audit).
      raw_code       TEXT NOT NULL,
      -- NULL on rows written before this migration.
      input          TEXT CHECK (input IN ('camera', 'scanner', 'search', 'walk_in', 'cli')),
      -- 'operator' when the desk chose the day by hand instead of today's date.
      day_source     TEXT CHECK (day_source IN ('auto', 'operator')),
      -- An undo says why (no version before this one wrote undo rows).
      reason         TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
      CHECK (verdict <> 'undo' OR reason IS NOT NULL)
    ) STRICT;

    INSERT INTO scan_new(id, uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code)
      SELECT id, uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code FROM scan;
    DROP TABLE scan;
    ALTER TABLE scan_new RENAME TO scan;

    -- The indexes of 0010 and 0020 again (dropping the table dropped them).
    CREATE INDEX scan_participant_day ON scan(participant_id, event_day_id);
    CREATE INDEX scan_day ON scan(event_day_id);
    -- The desk's "last 20 scans" and the per-day counters read the newest rows of one event.
    CREATE INDEX scan_event ON scan(event_id, id);
    CREATE TRIGGER scan_no_update BEFORE UPDATE ON scan BEGIN
      SELECT RAISE(ABORT, 'scan log is append-only');
    END;
    CREATE TRIGGER scan_no_delete BEFORE DELETE ON scan BEGIN
      SELECT RAISE(ABORT, 'scan log is append-only');
    END;

    -- Unchanged from 0010: present on a day = an ok row not followed by an undo for that day.
    CREATE VIEW attendance AS
      SELECT s.participant_id, s.event_day_id, MIN(s.scanned_at) AS first_at
      FROM scan s
      WHERE s.verdict = 'ok'
        AND NOT EXISTS (
          SELECT 1 FROM scan u
          WHERE u.verdict = 'undo' AND u.participant_id = s.participant_id
            AND u.event_day_id = s.event_day_id AND u.id > s.id)
      GROUP BY s.participant_id, s.event_day_id;
  `);
}
