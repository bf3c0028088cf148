import type { Database } from 'better-sqlite3';

/**
 * The office's paperwork (issue 20):
 *
 * 1. Participant fields a daftar penerimaan, a 20-JP record and a certificate need: NIP, place and
 *    date of birth, rank and grade (pangkat/golongan), position (jabatan), NPWP, bank and account.
 *    All optional; empty for everyone already registered.
 * 2. `payment_rate`: the amounts per kind (transport, uang saku, honorarium), role and home
 *    regency ('' = every regency). Whole rupiah in an INTEGER column of a STRICT table: SQLite
 *    refuses a fraction rather than storing it.
 * 3. `payment_tax`: the tax rate set per person (non-civil-servants), in basis points.
 * 4. `payment_config`: the event's paperwork settings (signatories, default rate for non-civil-
 *    servants, the daftar hadir's "Mengetahui" block), one JSON row per event, as cert_config.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE participant ADD COLUMN nip TEXT;
    ALTER TABLE participant ADD COLUMN birth_place TEXT;
    ALTER TABLE participant ADD COLUMN birth_date TEXT;
    ALTER TABLE participant ADD COLUMN rank TEXT;
    ALTER TABLE participant ADD COLUMN position TEXT;
    ALTER TABLE participant ADD COLUMN npwp TEXT;
    ALTER TABLE participant ADD COLUMN bank TEXT;
    ALTER TABLE participant ADD COLUMN account_no TEXT;

    CREATE TABLE payment_rate (
      event_id INTEGER NOT NULL REFERENCES event(id),
      kind TEXT NOT NULL CHECK (kind IN ('transport', 'uang-saku', 'honor')),
      role TEXT NOT NULL,
      regency TEXT NOT NULL DEFAULT '',
      amount INTEGER NOT NULL CHECK (amount >= 0),
      PRIMARY KEY (event_id, kind, role, regency)
    ) STRICT;
    CREATE TABLE payment_tax (
      event_id INTEGER NOT NULL REFERENCES event(id),
      participant_id INTEGER NOT NULL REFERENCES participant(id),
      rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
      PRIMARY KEY (event_id, participant_id)
    ) STRICT;
    CREATE TABLE payment_config (
      event_id INTEGER PRIMARY KEY REFERENCES event(id),
      config TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
