import type { Database } from 'better-sqlite3';

/**
 * The speakers' file (issue 20, item 4): a session of the programme (one programme_item) has its
 * speakers and now its moderators. Both columns hold names as registered, several separated by
 * ";" (a panel); the speakers' daftar hadir and the honorarium read them (core/payments/sessions.ts).
 * Empty for every programme already set up: nothing changes for an event that names no moderator.
 */
export function up(db: Database): void {
  db.exec(`ALTER TABLE programme_item ADD COLUMN moderator TEXT NOT NULL DEFAULT '';`);
}
