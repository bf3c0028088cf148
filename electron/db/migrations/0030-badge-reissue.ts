import type { Database } from 'better-sqlite3';

/**
 * Codes of lost badges that were replaced. The old code stays here, not in participant.code, so
 * a scan of the lost badge finds it and answers "badge replaced on <date>", never "checked in";
 * and a new code is never drawn equal to an old one (participants/code: codeExists checks both).
 * Rows are never updated: a second reissue adds a row for the code it retires.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE badge_replaced (
      event_id       INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      code           TEXT NOT NULL,
      participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
      replaced_at    TEXT NOT NULL,
      actor          TEXT NOT NULL,
      PRIMARY KEY (event_id, code)
    ) STRICT;
    CREATE INDEX badge_replaced_participant ON badge_replaced(participant_id);
  `);
}
