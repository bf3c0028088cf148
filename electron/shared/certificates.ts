import type { UndrawnName } from './visible-text';
import { multilineText, plainText } from './text';
import { z } from 'zod';
import { deskScope, eventRef } from './desk';
import { bytesInput, type FileResult } from './file';
import { normaliseNumber } from './cert-number';
import { DEFAULT_VERIFY_URL } from './cert-claim';

// Certificates: the shapes every side agrees on (core, renderer, CLI). No Node, no DOM.

/** Who qualifies. Attendance comes from the scan log (the `attendance` view). */
export const eligibilityRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all_days') }).strict(),
  z.object({ kind: z.literal('min_days'), min: z.number().int().min(1).max(31) }).strict(),
  /** At or above a share of the days (issue 20: the standard's tiers, 80 % by default), rounded up: 80 % of 5 days is 4. */
  z.object({ kind: z.literal('min_percent'), percent: z.number().int().min(1).max(100) }).strict(),
]);

/** The share offered when the organiser picks a percentage (issue 20). */
export const DEFAULT_PERCENT = 80;

/** Days a rule asks for out of `total`: whole days, never a fraction (integers only). */
export function requiredDays(rule: EligibilityRule, total: number): number {
  if (rule.kind === 'all_days') return total;
  if (rule.kind === 'min_days') return Math.min(rule.min, total);
  return Math.max(1, Math.floor((total * rule.percent + 99) / 100));
}
export type EligibilityRule = z.output<typeof eligibilityRule>;

/** Why someone does not qualify, as data: each screen words it in its own language. */
export type IneligibleReason =
  { code: 'missing_days'; present: number[]; missing: number[]; required: number; total: number } | { code: 'deleted' };

export interface Eligibility {
  eligible: boolean;
  /** How: by the rule, by the organiser's override, or not at all. */
  via: 'rule' | 'override' | null;
  /** Set whenever the rule alone does not qualify the person (also when an override does). */
  reason: IneligibleReason | null;
}

// ---------------------------------------------------------------- numbering

export const DEFAULT_PATTERN = '{seq:03}/SERT/{month:roman}/{year}';

/**
 * `{seq}` or `{seq:03}` (zero-padded), `{day}`, `{month}`, `{month:02}`, `{month:roman}`,
 * `{year}`, `{year:2}`. The date is the signing date printed on the certificate.
 * No `|`: it separates the fields of the signed claim in the QR.
 */
export const numberPattern = z
  .string()
  .trim()
  .min(5)
  .max(80)
  .refine((s) => !/[|\p{Cc}]/u.test(s), 'pattern: no | or control characters')
  .refine((s) => (s.match(/\{seq(?::0\d)?\}/g) ?? []).length === 1, 'pattern: exactly one {seq}')
  .refine((s) => (s.match(/\{[^}]*\}/g) ?? []).every((t) => TOKEN_RE.test(t)), 'pattern: unknown {…}')
  // What is stored must be what the QR carries: a pattern with two spaces, a no-break or an
  // ideographic space would be printed one way and verified another (shared/cert-number.ts).
  .refine((s) => normaliseNumber(s) === s, 'pattern: single plain spaces only');
const TOKEN_RE = /^\{(seq(:0\d)?|day(:02)?|month(:02|:roman)?|year(:2)?)\}$/;

// ---------------------------------------------------------------- template

export const FIELD_IDS = [
  'logo',
  'title',
  'number',
  'givenTo',
  'name',
  'regency',
  'role',
  'body',
  'placeDate',
  'signatory',
  'signatory2',
  'qr',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** Fields whose text differs from one person to the next; the rest is drawn once per template. */
export const PERSONAL_FIELDS: readonly FieldId[] = ['name', 'regency', 'number', 'qr'];

const mm = (max: number) => z.number().min(0).max(max);
export const fieldBox = z
  .object({
    /** Top-left corner and size in millimetres, from the page's top-left corner. */
    x: mm(297),
    y: mm(297),
    w: mm(297).min(2),
    h: mm(297).min(2),
    /** Font size in points: the largest the text may take (a long name shrinks to fit). */
    size: z.number().min(5).max(96),
    bold: z.boolean(),
    align: z.enum(['left', 'center', 'right']),
    visible: z.boolean(),
  })
  .strict();
export type FieldBox = z.output<typeof fieldBox>;

export const signatoryInput = z
  .object({
    name: plainText(200).min(2),
    title: plainText(200).min(2),
    rank: plainText(100).default(''),
    nip: z
      .string()
      .trim()
      .transform((s) => s.replace(/\s+/g, ''))
      .refine((s) => s === '' || /^\d{18}$/.test(s), 'NIP: 18 digits')
      .default(''),
  })
  .strict();
export type Signatory = z.output<typeof signatoryInput>;

const line = (max: number) => multilineText(max);

/** An https/http address or a relative path, with nothing a QR's URL would have to escape. */
const verifyUrl = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((s) => /^(https?:\/\/[^\s#"<>`|%]+|[A-Za-z0-9._~\/-]+)$/.test(s), 'verifyUrl: an address without #');

export const certTemplate = z
  .object({
    orientation: z.enum(['landscape', 'portrait']),
    /** 'default' = the built-in design; 'custom' = the uploaded background (image or PDF page). */
    background: z.enum(['default', 'custom']),
    /** A white veil behind the text, for a busy photographic background. */
    panel: z.boolean(),
    fields: z.object(Object.fromEntries(FIELD_IDS.map((f) => [f, fieldBox])) as { [K in FieldId]: typeof fieldBox }).strict(),
    wording: z
      .object({
        title: line(60).min(1),
        givenTo: line(120),
        numberLabel: line(30),
        /** Per role; `{event}`, `{organiser}`, `{dates}`, `{venue}`, `{city}`, `{role}` are filled in. */
        roles: z.record(z.string().max(60), line(600)),
        /** For a role with no wording of its own. */
        other: line(600).min(1),
        qrCaption: line(80),
      })
      .strict(),
    /** Place and date of signing; null = the event's city and last day. */
    signingPlace: line(100).nullable(),
    signingDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
      .nullable(),
    signatory2: signatoryInput.nullable(),
    /** The programme (materials, JP, speakers) on a second page. */
    backPage: z.boolean(),
    /**
     * The verify page the QR points to, the claim in its fragment (cert-claim.ts claimUrl): the
     * office's own copy of verify.html (https://…), or by default the kiosk's relative path.
     */
    verifyUrl: verifyUrl.default(DEFAULT_VERIFY_URL),
    /**
     * The identity block the Ministry of Social Affairs' standard puts on the front (issue 20):
     * Nama, NIP, Tempat/Tgl Lahir, Pangkat/Gol, Jabatan, Instansi (a row only when the person has
     * it), then the programme's JP total and the result line. null = not printed (older templates).
     */
    /**
     * Below the rule (present on some day, not enough days): a "surat keterangan telah mengikuti"
     * instead of nothing (issue 20's tiers). It carries no number and no QR: it is no certificate.
     */
    statement: z.boolean().default(false),
    identity: z
      .object({
        box: fieldBox,
        /** Under the rows: "{jp}" is the programme's total. Empty lines are left out. */
        jpLine: line(120),
        result: line(200),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type CertTemplate = z.output<typeof certTemplate>;

export const certSettingsInput = z
  .object({
    rule: eligibilityRule,
    pattern: numberPattern,
    template: certTemplate,
  })
  .strict();
export type CertSettings = z.output<typeof certSettingsInput>;

export type CertAssetKind = 'background' | 'signature' | 'signature2';
export type CertAssetMime = 'image/png' | 'image/jpeg' | 'application/pdf';
export interface CertAssetInfo {
  kind: CertAssetKind;
  mime: CertAssetMime;
  bytes: number;
}

// ---------------------------------------------------------------- list, issue, verify

export interface CertRow {
  participantId: number;
  code: string;
  name: string;
  regency: string | null;
  role: string;
  daysPresent: number[];
  eligibility: Eligibility;
  override: { reason: string; at: string; actor: string } | null;
  number: string | null;
  issuedAt: string | null;
  prints: number;
  revoked: { at: string; reason: string } | null;
}

export interface CertList {
  rows: CertRow[];
  total: number;
  eligible: number;
  issued: number;
  rule: EligibilityRule;
  days: number;
}

export type Verdict = 'authentic' | 'forged' | 'revoked';

export interface VerifyResult {
  verdict: Verdict;
  /** For 'forged': what is wrong. */
  reason?: 'malformed' | 'unknown_key' | 'bad_signature';
  /** What the certificate claims (present when the text could be read). */
  claim?: { number: string; name: string; days: string[]; kid: string };
  event?: { id: number; name: string } | null;
  revoked?: { at: string; reason: string };
}

// ---------------------------------------------------------------- operations' inputs and results

export interface CertSettingsView {
  settings: CertSettings;
  assets: CertAssetInfo[];
  /** The event's signing date (YYYY-MM-DD), and a sample number made with the pattern. */
  signingDate: string;
  sampleNumber: string;
}

export const ASSET_KINDS = ['background', 'signature', 'signature2'] as const;

export const setAssetInput = z
  .object({
    ...deskScope.shape,
    kind: z.enum(ASSET_KINDS),
    /** The file's bytes (binary on every transport); null removes it. */
    bytes: bytesInput.nullable(),
  })
  .strict();

export const certListInput = z
  .object({
    ...eventRef,
    query: z.string().max(200).default(''),
    status: z.enum(['all', 'eligible', 'ineligible', 'issued']).default('all'),
  })
  .strict();

export const overrideInput = z
  .object({
    ...deskScope.shape,
    participantId: z.number().int().positive(),
    /** Why this person qualifies anyway; null withdraws the override. */
    reason: plainText(500).min(3).nullable(),
  })
  .strict();

export const issueInput = z
  .object({
    ...deskScope.shape,
    participantId: z.number().int().positive().optional(),
    /** A scanned badge (QR text) or a typed badge code. */
    scan: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((v) => (v.participantId === undefined) !== (v.scan === undefined), 'give participantId or scan');

/**
 * An on-demand certificate that was really handed to a printer (or the browser's PDF viewer):
 * only then is it counted as printed. Making it (certificates.issue) counts nothing, so a
 * certificate that never reached paper does not read "Dicetak 1 kali".
 */
export const printedInput = z
  .object({
    ...deskScope.shape,
    participantId: z.number().int().positive(),
  })
  .strict();

export const batchInput = z
  .object({
    ...deskScope.shape,
    /** Who; left out with allEligible = everyone who qualifies. */
    participantIds: z.array(z.number().int().positive()).max(20_000).optional(),
    /** Badge codes (or scanned badge texts), as the CLI's --only takes them. */
    codes: z.array(z.string().trim().min(1).max(200)).max(20_000).optional(),
    allEligible: z.boolean().default(false),
    /** One PDF per participant ("<number> <name>.pdf"), in one ZIP. */
    split: z.boolean().default(false),
  })
  .strict()
  .refine(
    (v) => v.allEligible !== (v.participantIds !== undefined || v.codes !== undefined),
    'give participantIds, codes or allEligible',
  );
export type BatchInput = z.output<typeof batchInput>;

export const previewInput = z
  .object({
    ...eventRef,
    /** The template as being edited (not yet saved); left out = the saved one. */
    template: certTemplate.optional(),
    /** The number pattern as being edited; left out = the saved one. */
    pattern: numberPattern.optional(),
    /** Whose certificate; left out = the first on the list, or a sample person. */
    participantId: z.number().int().positive().optional(),
  })
  .strict();

export const revokeInput = z
  .object({
    ...deskScope.shape,
    participantId: z.number().int().positive(),
    reason: plainText(500).min(3),
  })
  .strict();

export const verifyInput = z.object({ text: z.string().max(4000) }).strict();

export interface IssueResult {
  row: CertRow;
  file: FileResult;
  /** The signed claim in the certificate's QR (public: it is printed on the page). */
  claim: string;
}
export interface BatchResult {
  count: number;
  file: FileResult;
  /** Who in this batch has characters in their name the fonts cannot draw (empty boxes on paper). */
  undrawable: UndrawnName[];
}
export interface PublicKeyResult {
  kid: string;
  pem: string;
  verifyHtml: FileResult;
}
