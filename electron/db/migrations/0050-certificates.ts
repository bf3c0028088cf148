import type { Database } from 'better-sqlite3';

/**
 * Every table here has an event_id and no INTEGER PRIMARY KEY on it, so moving an event to
 * another kiosk (core/event/transfer.ts, which finds event tables from the schema and renumbers
 * rowid keys) carries certificates, keys, overrides and the print log without a change there.
 *
 * Certificates: the signatory's rank, the event's programme, eligibility settings, the template,
 * the event's Ed25519 key pair, issued numbers, overrides, revocations and the print log.
 */
export function up(db: Database): void {
  db.exec(`
    -- Pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)", printed under the signatory's name.
    ALTER TABLE event ADD COLUMN signatory_rank TEXT NOT NULL DEFAULT '';

    -- The programme (materials, JP hours, speakers) printed on the back of a certificate.
    CREATE TABLE programme_item (
      event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      material TEXT NOT NULL,
      jp       INTEGER NOT NULL CHECK (jp BETWEEN 0 AND 999),
      speaker  TEXT NOT NULL,
      PRIMARY KEY (event_id, position)
    ) STRICT;

    -- One row per event once the organiser saves settings; defaults live in code until then.
    CREATE TABLE cert_config (
      event_id   INTEGER NOT NULL UNIQUE REFERENCES event(id) ON DELETE CASCADE,
      rule       TEXT NOT NULL,   -- JSON, shared/certificates.ts eligibilityRule
      pattern    TEXT NOT NULL,   -- number pattern, e.g. {seq:03}/PSM/DINSOS/{month:roman}/{year}
      template   TEXT NOT NULL,   -- JSON, shared/certificates.ts certTemplate
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Images the template uses: a background (PNG, JPEG or one-page PDF) and signature images.
    CREATE TABLE cert_asset (
      event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      kind     TEXT NOT NULL CHECK (kind IN ('background', 'signature', 'signature2')),
      mime     TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'application/pdf')),
      bytes    BLOB NOT NULL,
      PRIMARY KEY (event_id, kind)
    ) STRICT;

    -- The event's signing key. The private key (PKCS#8 DER) is never returned by any operation.
    CREATE TABLE cert_key (
      event_id    INTEGER NOT NULL UNIQUE REFERENCES event(id) ON DELETE CASCADE,
      kid         TEXT NOT NULL,
      public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
      private_key BLOB NOT NULL,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cert_key_kid ON cert_key(kid);

    -- A number is assigned once, at first issue, and the text is kept: a later change of the
    -- pattern or the signing date never renumbers a certificate already handed out.
    CREATE TABLE certificate (
      id             INTEGER PRIMARY KEY,
      event_id       INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      participant_id INTEGER NOT NULL REFERENCES participant(id),
      seq            INTEGER NOT NULL CHECK (seq >= 1),
      number         TEXT NOT NULL,
      issued_at      TEXT NOT NULL,
      revoked_at     TEXT,
      revoked_reason TEXT,
      UNIQUE (event_id, participant_id),
      UNIQUE (event_id, seq),
      UNIQUE (event_id, number)
    ) STRICT;

    -- Every print and reprint (the PDF with a real number left the kiosk), for the office's records.
    CREATE TABLE certificate_print (
      id             INTEGER PRIMARY KEY,
      event_id       INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      certificate_id INTEGER NOT NULL REFERENCES certificate(id) ON DELETE CASCADE,
      at             TEXT NOT NULL,
      actor          TEXT NOT NULL,
      via            TEXT NOT NULL CHECK (via IN ('on_demand', 'batch'))
    ) STRICT;
    CREATE INDEX certificate_print_cert ON certificate_print(certificate_id);

    -- "Qualifies anyway": the organiser's decision for one person, with the reason (also audited).
    CREATE TABLE cert_override (
      event_id       INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      participant_id INTEGER NOT NULL REFERENCES participant(id),
      reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
      at             TEXT NOT NULL,
      actor          TEXT NOT NULL,
      PRIMARY KEY (event_id, participant_id)
    ) STRICT;
  `);
}
