import { plainText } from './text';
import { z } from 'zod';
import { deskScope, eventRef } from './desk';
import { participantInput } from './participant';
import type { TimeZone } from './time-zone';

/**
 * Operations that record name their event and desk (deskScope): a desk must not record into
 * another event because someone switched the kiosk's event on another screen.
 */
const deskRef = deskScope;

/** Where a scan came from: the webcam, a keyboard-wedge scanner, the search list, a walk-in, the CLI. */
export const SCAN_INPUTS = ['camera', 'scanner', 'search', 'walk_in', 'cli'] as const;
export type ScanInput = (typeof SCAN_INPUTS)[number];

/** The operator's day override: a day number of the event. Absent = today in the event's time zone. */
const dayNo = z.number().int().min(1).max(31);

/**
 * A QR can carry about 4 KB; anything longer is not something a scanner or a person produced,
 * and is refused before it reaches the log. What is logged is cut to RAW_CODE_LOGGED characters.
 */
export const MAX_SCAN_TEXT = 4096;

/**
 * What a desk showed for a scan it kept in its outbox (issue 19): "Hadir — belum terkirim" with
 * the name from its snapshot (pending), with "not in this desk's list" (pending_unknown), or with
 * the snapshot's own warning (already present today; an old, replaced badge). Stored in the log
 * (scan.shown) for the reconciliation (core/checkin/reconcile.ts).
 */
export const PENDING_SHOWN = ['pending', 'pending_unknown', 'pending_already', 'pending_replaced'] as const;
export type PendingShown = (typeof PENDING_SHOWN)[number];
export const RAW_CODE_LOGGED = 200;

export const scanInput = deskRef
  .extend({
    text: z.string().max(MAX_SCAN_TEXT),
    input: z.enum(SCAN_INPUTS).default('scanner'),
    day: dayNo.nullish(),
    /**
     * The desk's own id for this scan (issue 19): a desk sends a scan again until it is answered,
     * and the kiosk stores each UUID once (core/checkin/replay.ts).
     */
    uuid: z.uuid().optional(),
    /** When a desk without the network scanned it (its outbox); never later than the kiosk's clock. */
    at: z.iso.datetime({ offset: true }).optional(),
    /** What the desk showed while the scan waited in its outbox (sent with `at`). */
    shown: z.enum(PENDING_SHOWN).optional(),
  })
  .strict();

export const undoInput = deskRef
  .extend({
    participantId: z.number().int().positive(),
    day: dayNo,
    reason: plainText(200).min(3),
  })
  .strict();

export const walkInInput = deskRef
  .extend({
    day: dayNo.nullish(),
    participant: participantInput.strict(),
  })
  .strict();

export const statsInput = z
  .object({ ...eventRef, day: dayNo.nullish(), recent: z.number().int().min(0).max(100).default(20) })
  .strict();

export const searchInput = z
  .object({ ...eventRef, query: z.string().max(200), day: dayNo.nullish(), limit: z.number().int().min(1).max(50).default(8) })
  .strict();

export const attendanceInput = z.object({ ...eventRef, day: dayNo.nullish() }).strict();

export type Colour = 'green' | 'amber' | 'red' | 'not_a_badge';
export type Reason =
  'checked_in' | 'already_checked_in' | 'not_registered' | 'badge_replaced' | 'other_event' | 'not_event_day' | 'not_a_badge';

/** What the desk shows of a person: no personal data (NIK, phone, e-mail) ever. */
export interface CheckinPerson {
  id: number;
  code: string;
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
}

export interface SearchResult extends CheckinPerson {
  /** Already in on the day searched for: when (ISO, and HH:MM in the event's zone). */
  presentAt: string | null;
  presentTime: string | null;
}

export interface DayRef {
  dayNo: number;
  date: string;
}

/** A moment, as stored (ISO UTC) and as shown at the desk (HH:MM in the event's zone). */
export interface Stamp {
  at: string;
  time: string;
  desk: string;
}

export interface ScanOutcome {
  verdict: Colour;
  reason: Reason;
  participant: CheckinPerson | null;
  /** The event day the scan counted for; null when today is not an event day and none was chosen. */
  day: DayRef | null;
  /** This scan's log row: it is committed when the outcome is returned. */
  scan: Stamp & { uuid: string };
  /** amber: the check-in that already stands. */
  previous?: Stamp;
  /** red badge_replaced: the date (event zone) the badge was replaced. */
  replacedOn?: string;
  /** red other_event: the event on this kiosk whose badge it is. */
  otherEvent?: { id: number; name: string };
  /** This UUID was stored before (a desk's outbox sent it again): what was stored, nothing new written. */
  replayed?: true;
}

export interface UndoOutcome {
  participant: CheckinPerson;
  day: DayRef;
  scan: Stamp & { uuid: string };
}

export interface CountRow {
  name: string;
  expected: number;
  present: number;
}

export interface RecentScan {
  uuid: string;
  at: string;
  time: string;
  desk: string;
  verdict: Colour | 'undo';
  reason: Reason | 'undo';
  name: string | null;
  rawCode: string;
  dayNo: number | null;
}

export interface CheckinStats {
  timeZone: TimeZone;
  /** Today's date in the event's zone, and the event day it is (null: not an event day). */
  today: string;
  todayDay: number | null;
  /** The day the figures are for: the requested one, else today's. */
  day: DayRef | null;
  days: DayRef[];
  expected: number;
  present: number;
  byRegency: CountRow[];
  byRole: CountRow[];
  recent: RecentScan[];
}

export interface AttendanceRow {
  dayNo: number;
  date: string;
  code: string;
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
  /** First check-in that stands (ISO UTC) and as HH:MM in the event's zone. */
  firstAt: string;
  time: string;
  desk: string;
}
