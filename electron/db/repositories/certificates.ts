import { stmt, type Db } from '../connection';
import type { CertAssetKind, CertAssetMime } from '../../shared/certificates';

// Certificates: settings, assets, the event key, issued numbers, prints, overrides. SQL only.

export interface ConfigRow {
  rule: string;
  pattern: string;
  template: string;
}

export function getConfig(db: Db, eventId: number): ConfigRow | null {
  return (stmt(db, 'SELECT rule, pattern, template FROM cert_config WHERE event_id = ?').get(eventId) as ConfigRow) ?? null;
}

export function saveConfig(db: Db, eventId: number, c: ConfigRow, at: string): void {
  stmt(
    db,
    `INSERT INTO cert_config(event_id, rule, pattern, template, updated_at) VALUES (@eventId, @rule, @pattern, @template, @at)
     ON CONFLICT(event_id) DO UPDATE SET rule = excluded.rule, pattern = excluded.pattern,
       template = excluded.template, updated_at = excluded.updated_at`,
  ).run({ eventId, ...c, at });
}

export interface AssetRow {
  kind: CertAssetKind;
  mime: CertAssetMime;
  bytes: Buffer;
}

export function getAssets(db: Db, eventId: number): AssetRow[] {
  return stmt(db, 'SELECT kind, mime, bytes FROM cert_asset WHERE event_id = ?').all(eventId) as AssetRow[];
}

export function listAssetInfo(db: Db, eventId: number): { kind: CertAssetKind; mime: CertAssetMime; bytes: number }[] {
  return stmt(db, 'SELECT kind, mime, length(bytes) AS bytes FROM cert_asset WHERE event_id = ? ORDER BY kind').all(
    eventId,
  ) as never;
}

export function setAsset(
  db: Db,
  eventId: number,
  kind: CertAssetKind,
  asset: { mime: CertAssetMime; bytes: Uint8Array } | null,
): void {
  if (!asset) {
    stmt(db, 'DELETE FROM cert_asset WHERE event_id = ? AND kind = ?').run(eventId, kind);
    return;
  }
  stmt(
    db,
    `INSERT INTO cert_asset(event_id, kind, mime, bytes) VALUES (?, ?, ?, ?)
     ON CONFLICT(event_id, kind) DO UPDATE SET mime = excluded.mime, bytes = excluded.bytes`,
  ).run(eventId, kind, asset.mime, asset.bytes);
}

export interface KeyRow {
  eventId: number;
  kid: string;
  publicKey: Buffer;
  privateKey: Buffer;
}

export function getKey(db: Db, eventId: number): KeyRow | null {
  return (
    (stmt(
      db,
      'SELECT event_id AS eventId, kid, public_key AS publicKey, private_key AS privateKey FROM cert_key WHERE event_id = ?',
    ).get(eventId) as KeyRow) ?? null
  );
}

export function insertKey(db: Db, eventId: number, k: Omit<KeyRow, 'eventId'>, at: string): void {
  stmt(db, 'INSERT INTO cert_key(event_id, kid, public_key, private_key, created_at) VALUES (?, ?, ?, ?, ?)').run(
    eventId,
    k.kid,
    k.publicKey,
    k.privateKey,
    at,
  );
}

/** Public keys only: verifying never needs a private key. */
export function publicKeysByKid(db: Db, kid: string): { eventId: number; publicKey: Buffer }[] {
  return stmt(db, 'SELECT event_id AS eventId, public_key AS publicKey FROM cert_key WHERE kid = ?').all(kid) as never;
}

/** A participant with what eligibility and the certificate list need. */
export interface CertParticipantRow {
  id: number;
  code: string;
  name: string;
  regency: string | null;
  role: string;
  deleted: number;
  days: string | null;
  certId: number | null;
  number: string | null;
  issuedAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  prints: number;
  overrideReason: string | null;
  overrideAt: string | null;
  overrideActor: string | null;
  /** The identity block of the standard's certificate (issue 20). */
  nip: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  rank: string | null;
  position: string | null;
  institution: string | null;
}

const PARTICIPANT_SELECT = `
  SELECT p.id, p.code, p.name, p.regency, p.role, p.deleted_at IS NOT NULL AS deleted,
    p.nip, p.birth_place AS birthPlace, p.birth_date AS birthDate, p.rank, p.position, p.institution,
    (SELECT group_concat(d.day_no) FROM attendance a JOIN event_day d ON d.id = a.event_day_id
      WHERE a.participant_id = p.id) AS days,
    c.id AS certId, c.number, c.issued_at AS issuedAt, c.revoked_at AS revokedAt, c.revoked_reason AS revokedReason,
    (SELECT COUNT(*) FROM certificate_print cp WHERE cp.certificate_id = c.id) AS prints,
    o.reason AS overrideReason, o.at AS overrideAt, o.actor AS overrideActor
  FROM participant p
  LEFT JOIN certificate c ON c.event_id = p.event_id AND c.participant_id = p.id
  LEFT JOIN cert_override o ON o.event_id = p.event_id AND o.participant_id = p.id`;

/**
 * Everyone on the list, and anyone deleted who already holds a certificate (its number stays
 * accountable). Ordered by name, as the screen and a batch print them.
 */
export function certParticipants(db: Db, eventId: number): CertParticipantRow[] {
  return stmt(
    db,
    `${PARTICIPANT_SELECT} WHERE p.event_id = ? AND (p.deleted_at IS NULL OR c.id IS NOT NULL)
     ORDER BY p.name COLLATE NOCASE, p.id`,
  ).all(eventId) as CertParticipantRow[];
}

export function certParticipant(db: Db, eventId: number, id: number): CertParticipantRow | null {
  return (stmt(db, `${PARTICIPANT_SELECT} WHERE p.event_id = ? AND p.id = ?`).get(eventId, id) as CertParticipantRow) ?? null;
}

export function participantIdByCode(db: Db, eventId: number, code: string): number | null {
  const r = stmt(db, 'SELECT id FROM participant WHERE event_id = ? AND code = ?').get(eventId, code) as
    { id: number } | undefined;
  return r?.id ?? null;
}

export function nextSeq(db: Db, eventId: number): number {
  return (stmt(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM certificate WHERE event_id = ?').get(eventId) as { n: number }).n;
}

export function insertCertificate(
  db: Db,
  eventId: number,
  participantId: number,
  seq: number,
  number: string,
  at: string,
): number {
  return Number(
    stmt(db, 'INSERT INTO certificate(event_id, participant_id, seq, number, issued_at) VALUES (?, ?, ?, ?, ?)').run(
      eventId,
      participantId,
      seq,
      number,
      at,
    ).lastInsertRowid,
  );
}

export function numberTaken(db: Db, eventId: number, number: string): boolean {
  return stmt(db, 'SELECT 1 FROM certificate WHERE event_id = ? AND number = ?').get(eventId, number) !== undefined;
}

export function logPrint(
  db: Db,
  eventId: number,
  certificateId: number,
  at: string,
  actor: string,
  via: 'on_demand' | 'batch',
): void {
  stmt(db, 'INSERT INTO certificate_print(event_id, certificate_id, at, actor, via) VALUES (?, ?, ?, ?, ?)').run(
    eventId,
    certificateId,
    at,
    actor,
    via,
  );
}

export function listPrints(db: Db, eventId: number): { number: string; at: string; actor: string; via: string }[] {
  return stmt(
    db,
    `SELECT c.number, cp.at, cp.actor, cp.via FROM certificate_print cp JOIN certificate c ON c.id = cp.certificate_id
     WHERE c.event_id = ? ORDER BY cp.id`,
  ).all(eventId) as never;
}

export interface CertificateRow {
  id: number;
  eventId: number;
  participantId: number;
  number: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

const CERT_SELECT = `SELECT id, event_id AS eventId, participant_id AS participantId, number,
  revoked_at AS revokedAt, revoked_reason AS revokedReason FROM certificate`;

export function certificateByNumber(db: Db, eventId: number, number: string): CertificateRow | null {
  return (stmt(db, `${CERT_SELECT} WHERE event_id = ? AND number = ?`).get(eventId, number) as CertificateRow) ?? null;
}

export function certificateOf(db: Db, eventId: number, participantId: number): CertificateRow | null {
  return (
    (stmt(db, `${CERT_SELECT} WHERE event_id = ? AND participant_id = ?`).get(eventId, participantId) as CertificateRow) ?? null
  );
}

export function revokeCertificate(db: Db, id: number, at: string, reason: string): void {
  stmt(db, 'UPDATE certificate SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL').run(at, reason, id);
}

export function revokedNumbers(db: Db, eventId: number): { number: string; at: string; reason: string }[] {
  return stmt(
    db,
    'SELECT number, revoked_at AS at, revoked_reason AS reason FROM certificate WHERE event_id = ? AND revoked_at IS NOT NULL ORDER BY seq',
  ).all(eventId) as never;
}

export function setOverride(db: Db, eventId: number, participantId: number, reason: string, at: string, actor: string): void {
  stmt(
    db,
    `INSERT INTO cert_override(event_id, participant_id, reason, at, actor) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(event_id, participant_id) DO UPDATE SET reason = excluded.reason, at = excluded.at, actor = excluded.actor`,
  ).run(eventId, participantId, reason, at, actor);
}

export function removeOverride(db: Db, eventId: number, participantId: number): void {
  stmt(db, 'DELETE FROM cert_override WHERE event_id = ? AND participant_id = ?').run(eventId, participantId);
}

/** The event's secret, to check a scanned badge's event tag (core/qr/event-tag.ts). */
export function badgeSecret(db: Db, eventId: number): Buffer | null {
  return (stmt(db, 'SELECT secret FROM event WHERE id = ?').get(eventId) as { secret: Buffer } | undefined)?.secret ?? null;
}

/** Removes certificates that were numbered but never printed nor revoked (a failed batch); returns how many. */
export function deleteUnprintedCertificates(db: Db, eventId: number, ids: number[]): number {
  const del = stmt(
    db,
    `DELETE FROM certificate WHERE event_id = ? AND id = ? AND revoked_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM certificate_print p WHERE p.certificate_id = certificate.id)`,
  );
  let n = 0;
  for (const id of ids) n += del.run(eventId, id).changes;
  return n;
}
