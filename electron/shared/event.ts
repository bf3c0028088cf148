import { plainText } from './text';
import { z } from 'zod';
import { bytesInput } from './file';
import type { TimeZone } from './time-zone';
import { timeZoneInput } from './time-zone-input';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real date',
  );

/** NIP (Indonesian civil-servant number) is 18 digits; spaces are allowed as typed on letters. */
const nip = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => s === '' || /^\d{18}$/.test(s), 'NIP: 18 digits');

/** One material of the programme: printed on the back of a certificate with its hours. */
export const programmeItem = z
  .object({
    material: plainText(200).min(2),
    /** JP, jam pelajaran: lesson hours of 45 minutes. */
    jp: z.number().int().min(0).max(999),
    /** Speakers (narasumber) as registered; several separated by ";". */
    speaker: plainText(200).default(''),
    /** Moderators, likewise (issue 20: the speakers' daftar hadir and honorarium per session). */
    moderator: plainText(200).default(''),
  })
  .strict();
export type ProgrammeItem = z.output<typeof programmeItem>;

export const eventInput = z.object({
  name: plainText(200).min(3),
  organiser: plainText(200).min(2),
  venue: plainText(200).min(2),
  city: plainText(100).min(2),
  days: z
    .array(isoDate)
    .min(1)
    .max(31)
    .refine((d) => new Set(d).size === d.length, 'duplicate day')
    .transform((d) => [...d].sort()),
  signatoryName: plainText(200).min(2),
  signatoryTitle: plainText(200).min(2),
  signatoryNip: nip,
  /** Where the event is held (WIB/WITA/WIT): decides which event day "today" is. Absent on
   * create = Asia/Jakarta; absent on update = unchanged (older forms and the CLI omit it). */
  timeZone: timeZoneInput.optional(),
  /** Pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)". Left out = unchanged on update. */
  signatoryRank: plainText(100).optional(),
  /** The programme (materials, JP, speakers). Left out = unchanged on update. */
  programme: z.array(programmeItem).max(40).optional(),
});
export type EventInput = z.output<typeof eventInput>;

export interface EventDay {
  id: number;
  dayNo: number;
  date: string;
}

export type LogoMime = 'image/png' | 'image/jpeg';

/** The image format from its first bytes (never from a file name); null if neither. */
export function logoMime(head: Uint8Array): LogoMime | null {
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Which logo the event has; the image itself comes from `event.logo` (it is too big to send on every read). */
export interface EventLogo {
  mime: LogoMime;
  bytes: number;
}

export interface HadirEvent {
  id: number;
  name: string;
  organiser: string;
  venue: string;
  city: string;
  signatoryName: string;
  signatoryTitle: string;
  signatoryNip: string;
  signatoryRank: string;
  programme: ProgrammeItem[];
  days: EventDay[];
  timeZone: TimeZone;
  roles: string[];
  participantCount: number;
  logo: EventLogo | null;
  createdAt: string;
  /** Archived events stay readable; no desk can record into them (shared/desk.ts). */
  archived: boolean;
  /** The demo event (sample data): the UI marks it everywhere it names it, so it is never taken for the real one. */
  demo: boolean;
}

/** One line of the kiosk's event list (a kiosk keeps past events; one is active). */
export interface EventSummary {
  id: number;
  name: string;
  city: string;
  firstDay: string | null;
  lastDay: string | null;
  participantCount: number;
  /** The kiosk's default event: where the CLI works and where a new desk starts. */
  active: boolean;
  archived: boolean;
  /** The demo event (sample data), see HadirEvent.demo. */
  demo: boolean;
}

/**
 * PNG or JPEG up to 1 MB: far more than a crisp 3 cm print needs. Checked by core/event/logo.ts,
 * and early by the renderer, so a 40 MB photo is not even read.
 */
export const MAX_LOGO_BYTES = 1024 * 1024;

/** The image as bytes, or null to remove the logo. */
export const setLogoInput = z.object({ bytes: bytesInput.nullable() }).strict();
