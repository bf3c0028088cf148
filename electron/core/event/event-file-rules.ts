// The values an event file may carry, table by table, checked with the operations' own schemas
// and limits: a file that comes back in is hostile until checked (issue 18). A value the app
// itself would never have stored (a day 0000-00-00, a 100,000-character name, NUL in a name, a
// logo that is not an image, a key pair that does not sign) is refused here, before anything is
// written, in one worded line naming the table, the row and the column.
// Pure: runs in the job worker (read-file-kind.ts).
import crypto from 'node:crypto';
import { z } from 'zod';
import { BADGE_CODE_LENGTH, CODE_ALPHABET } from '../../shared/badge-payload';
import { PENDING_SHOWN, RAW_CODE_LOGGED, SCAN_INPUTS } from '../../shared/checkin';
import { certTemplate, eligibilityRule, numberPattern } from '../../shared/certificates';
import { DESK_NAME_MAX } from '../../shared/desk';
import { eventInput, isoDate, programmeItem } from '../../shared/event';
import { MAX_LENGTH, participantInput } from '../../shared/participant';
import { MAX_RATE, PAYMENT_KINDS, paymentConfig } from '../../shared/payments';
import { CONTROL_CHARS, plainText } from '../../shared/text';
import { timeZoneInput } from '../../shared/time-zone-input';
import { HadirError } from '../../shared/errors';
import { inspectLogo } from './logo';
import { inspectAsset } from '../certificates/assets';
import { kidOf, privateKeyObject, publicKeyObject } from '../certificates/keys';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ref = id.nullable();
const bytes = (max: number) => z.instanceof(Uint8Array).refine((b) => b.byteLength <= max, `at most ${max} bytes`);
const badgeCode = z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${BADGE_CODE_LENGTH}}$`), 'badge code: 8 of 0-9 A-Z');
/** An ISO-8601 UTC time as the app writes them (new Date().toISOString()). */
const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, 'a time (YYYY-MM-DDThh:mm:ssZ)')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 19) === s.slice(0, 19), 'a real time');
const actor = plainText(200);
const deskOrActor = plainText(Math.max(DESK_NAME_MAX, 200));
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a scan id (uuid)');
/** Stored text the app trims: the file's value must already be what the schema would store. */
const stored = <T extends z.ZodType<string>>(s: T) =>
  z.string().superRefine((v, ctx) => {
    const r = s.safeParse(v);
    if (!r.success) ctx.addIssue({ code: 'custom', message: r.error.issues[0]!.message });
    else if (r.data !== v) ctx.addIssue({ code: 'custom', message: 'spaces around the text' });
  });
const json = <T extends z.ZodType>(s: T) =>
  z
    .string()
    .max(200_000)
    .refine((v) => {
      try {
        return s.safeParse(JSON.parse(v)).success;
      } catch {
        return false;
      }
    }, 'valid settings');
const field = (f: keyof typeof participantInput.shape) => participantInput.shape[f];

/** Per table: its columns and their rules. A column not listed is refused (unknown column). */
export const TABLE_RULES: Record<string, z.ZodObject> = {
  event: z
    .object({
      id,
      name: stored(eventInput.shape.name),
      organiser: stored(eventInput.shape.organiser),
      venue: stored(eventInput.shape.venue),
      city: stored(eventInput.shape.city),
      signatory_name: stored(eventInput.shape.signatoryName),
      signatory_title: stored(eventInput.shape.signatoryTitle),
      signatory_nip: z.string().regex(/^(\d{18})?$/, 'NIP: 18 digits'),
      logo: z.instanceof(Uint8Array).nullable(),
      secret: z.instanceof(Uint8Array).refine((b) => b.byteLength >= 16 && b.byteLength <= 64, 'a 16-64 byte key'),
      created_at: isoTime,
      archived_at: isoTime.nullable().optional(),
      time_zone: timeZoneInput.optional(),
      signatory_rank: stored(plainText(100)).optional(),
    })
    .strict(),
  event_day: z.object({ id, event_id: id, day_no: z.number().int().min(1).max(31), date: isoDate }).strict(),
  role: z
    .object({ event_id: id, name: stored(plainText(MAX_LENGTH.role).min(1)), position: z.number().int().min(0).max(1000) })
    .strict(),
  participant: z
    .object({
      id,
      event_id: id,
      code: badgeCode,
      name_key: z
        .string()
        .max(2 * (MAX_LENGTH.name + MAX_LENGTH.regency) + 1)
        .refine((s) => !CONTROL_CHARS.test(s), 'control character'),
      external_id: field('externalId'),
      name: stored(plainText(MAX_LENGTH.name).min(1)),
      gender: field('gender'),
      regency: field('regency'),
      district: field('district'),
      institution: field('institution'),
      nik: field('nik'),
      phone: field('phone'),
      email: field('email'),
      role: stored(plainText(MAX_LENGTH.role).min(1)),
      // Issue 20's paperwork fields: absent from files written before them.
      nip: field('nip').optional(),
      birth_place: field('birthPlace').optional(),
      birth_date: field('birthDate').optional(),
      rank: field('rank').optional(),
      position: field('position').optional(),
      npwp: field('npwp').optional(),
      bank: field('bank').optional(),
      account_no: field('accountNo').optional(),
      deleted_at: isoTime.nullable(),
      created_at: isoTime,
      updated_at: isoTime,
      edited_fields: z
        .string()
        .regex(/^[a-zA-Z ]{0,200}$/, 'field names')
        .optional(),
    })
    .strict(),
  audit: z
    .object({
      id,
      at: isoTime,
      actor,
      action: z.string().regex(/^[\w.-]{1,80}$/, 'an operation name'),
      detail: json(z.unknown()),
      event_id: ref.optional(),
      desk: deskOrActor.nullable().optional(),
    })
    .strict(),
  badge_replaced: z.object({ event_id: id, code: badgeCode, participant_id: id, replaced_at: isoTime, actor }).strict(),
  scan: z
    .object({
      id,
      uuid,
      event_id: id,
      station: deskOrActor,
      participant_id: ref,
      event_day_id: ref,
      scanned_at: isoTime,
      verdict: z.enum(['ok', 'duplicate', 'unknown', 'replaced', 'other_event', 'wrong_day', 'not_a_badge', 'undo']),
      raw_code: z.string().max(RAW_CODE_LOGGED),
      input: z.enum(SCAN_INPUTS).nullable().optional(),
      day_source: z.enum(['auto', 'operator']).nullable().optional(),
      reason: plainText(500).min(1).nullable().optional(),
      // Migration 0090: a scan sent late from a desk's outbox (the reconciliation reads them).
      received_at: isoTime.nullable().optional(),
      shown: z.enum(PENDING_SHOWN).nullable().optional(),
    })
    .strict(),
  programme_item: z
    .object({
      event_id: id,
      position: z.number().int().min(0).max(1000),
      material: programmeItem.shape.material,
      jp: programmeItem.shape.jp,
      speaker: plainText(200),
      /** Since migration 0080; a file from before has none. */
      moderator: plainText(200).optional(),
    })
    .strict(),
  cert_config: z
    .object({
      event_id: id,
      rule: json(eligibilityRule),
      pattern: stored(numberPattern),
      template: json(certTemplate),
      updated_at: isoTime,
    })
    .strict(),
  cert_asset: z
    .object({
      event_id: id,
      kind: z.enum(['background', 'signature', 'signature2']),
      mime: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
      bytes: bytes(15 * 1024 * 1024),
    })
    .strict(),
  cert_key: z
    .object({
      event_id: id,
      kid: z.string().max(16),
      public_key: z.instanceof(Uint8Array).refine((b) => b.byteLength === 32, '32 bytes'),
      private_key: bytes(256),
      created_at: isoTime,
    })
    .strict(),
  certificate: z
    .object({
      id,
      event_id: id,
      participant_id: id,
      seq: z.number().int().min(1).max(1_000_000),
      number: z
        .string()
        .min(1)
        .max(200)
        .refine((s) => !/[|\p{Cc}]/u.test(s), 'no | or control characters'),
      issued_at: isoTime,
      revoked_at: isoTime.nullable(),
      revoked_reason: plainText(500).nullable(),
    })
    .strict(),
  certificate_print: z
    .object({ id, event_id: id, certificate_id: id, at: isoTime, actor, via: z.enum(['on_demand', 'batch']) })
    .strict(),
  cert_override: z.object({ event_id: id, participant_id: id, reason: plainText(500).min(3), at: isoTime, actor }).strict(),
  payment_rate: z
    .object({
      event_id: id,
      kind: z.enum(PAYMENT_KINDS),
      role: stored(plainText(MAX_LENGTH.role).min(1)),
      regency: stored(plainText(MAX_LENGTH.regency)),
      amount: z.number().int().min(0).max(MAX_RATE),
    })
    .strict(),
  payment_tax: z.object({ event_id: id, participant_id: id, rate_bp: z.number().int().min(0).max(10_000) }).strict(),
  payment_config: z.object({ event_id: id, config: json(paymentConfig), updated_at: isoTime }).strict(),
};

/** Most rows a table may hold: ten times the largest congress, so a file cannot swamp the write. */
export const MAX_ROWS: Record<string, number> = {
  event_day: 31,
  role: 200,
  participant: 100_000,
  audit: 400_000,
  badge_replaced: 100_000,
  scan: 1_000_000,
  programme_item: 40,
  cert_config: 1,
  cert_asset: 3,
  cert_key: 1,
  certificate: 100_000,
  certificate_print: 400_000,
  cert_override: 100_000,
  payment_rate: 3 * 200 * 600,
  payment_tax: 100_000,
  payment_config: 1,
};

/** Column sets no two rows of a table may share (the app's UNIQUE keys, and the renumbered ids). */
const DISTINCT: Record<string, string[][]> = {
  event_day: [['id'], ['day_no'], ['date']],
  role: [['name']],
  participant: [['id'], ['code']],
  audit: [['id']],
  badge_replaced: [['code']],
  scan: [['id'], ['uuid']],
  programme_item: [['position']],
  certificate: [['id'], ['participant_id'], ['seq'], ['number']],
  certificate_print: [['id']],
  cert_override: [['participant_id']],
  payment_rate: [['kind', 'role', 'regency']],
  payment_tax: [['participant_id']],
};

type Cells = Record<string, unknown>;

export function refuse(line: string, params: Record<string, string | number>): never {
  throw new HadirError('event_file_invalid', line, params);
}

/** Where a value is: "participant row 12, name". */
const where = (table: string, i: number | null, col?: string) =>
  `${table}${i === null ? '' : ` row ${i + 1}`}${col ? `, ${col}` : ''}`;

/** Checks one row's values; the first problem is refused in one line. */
export function checkRow(table: string, i: number | null, row: Cells): void {
  const rule = TABLE_RULES[table];
  if (!rule) refuse(`The event file holds an unknown table "${table.slice(0, 40)}".`, { unknownTable: table.slice(0, 40) });
  const r = rule.safeParse(row);
  if (r.success) return;
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const col = String(issue.keys[0]).slice(0, 40);
    refuse(`The event file has an unknown column "${col}" in ${table}.`, { unknownColumn: col, table });
  }
  const col = String(issue.path[0] ?? '');
  const at = where(table, i, col);
  refuse(`The event file has an invalid value at ${at}: ${issue.message}.`, {
    invalidValue: at,
    rule: issue.message.slice(0, 80),
  });
}

/** Duplicate keys within the file (refused before the database would say `internal`). */
export function checkDistinct(table: string, rows: Cells[], live?: Set<string>): void {
  for (const cols of DISTINCT[table] ?? []) {
    const seen = new Set<string>();
    for (const r of rows) {
      const key = JSON.stringify(cols.map((c) => r[c]));
      if (seen.has(key)) {
        const what = `${table} ${cols.join('+')} ${cols
          .map((c) => String(r[c]))
          .join('+')
          .slice(0, 80)}`;
        refuse(`The event file holds ${what} twice.`, { duplicate: what });
      }
      seen.add(key);
    }
  }
  // A replaced badge's code is never a live code as well.
  if (table === 'badge_replaced' && live)
    for (const r of rows)
      if (live.has(String(r.code)))
        refuse(`The event file has badge code ${String(r.code)} both live and replaced.`, {
          duplicate: `badge code ${String(r.code)}`,
        });
}

/** Images through the same checks as an upload: a logo that is not an image never reaches a page. */
export async function checkImages(event: Cells, assets: Cells[]): Promise<void> {
  try {
    if (event.logo instanceof Uint8Array) inspectLogo(event.logo);
  } catch (e) {
    refuse(`The event file's logo cannot be used: ${(e as Error).message}`, {
      invalidValue: 'event, logo',
      rule: (e as Error).message,
    });
  }
  for (const [i, a] of assets.entries()) {
    let mime: string;
    try {
      mime = await inspectAsset(a.kind as 'background', a.bytes as Uint8Array);
    } catch (e) {
      refuse(`The event file's certificate ${String(a.kind)} image cannot be used: ${(e as Error).message}`, {
        invalidValue: where('cert_asset', i, 'bytes'),
        rule: (e as Error).message,
      });
    }
    if (mime !== a.mime)
      refuse(`The event file's certificate ${String(a.kind)} is not the ${String(a.mime)} it says.`, {
        invalidValue: where('cert_asset', i, 'mime'),
        rule: 'mime',
      });
  }
}

/** The signing key pair must sign and verify, and its kid be the public key's: else every certificate reads PALSU. */
export function checkKeyPair(key: Cells): void {
  try {
    const priv = privateKeyObject(key.private_key as Uint8Array);
    const pub = publicKeyObject(key.public_key as Uint8Array);
    const probe = crypto.randomBytes(32);
    if (!crypto.verify(null, probe, pub, crypto.sign(null, probe, priv))) throw new Error('mismatch');
    if (kidOf(key.public_key as Uint8Array) !== key.kid) throw new Error('kid');
  } catch {
    refuse("The event file's certificate signing key is damaged: its public key does not match its private key.", {
      keyPair: 'mismatch',
    });
  }
}
