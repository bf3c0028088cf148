import { z } from 'zod';
import { eventRef } from './desk';
import type { PendingShown } from './checkin';

/**
 * Reconciliation (issue 19, items 5 and 6): the places where a desk's verdict and what the kiosk
 * stored may disagree, for the committee to look at and sign off.
 *
 * - double: one person checked in at two or more desks on one day while a desk could not reach
 *   the kiosk (a scan sent late from a desk's outbox), or on two laptops whose event files were
 *   merged. One attendance stands; every scan stays in the log.
 * - badge_replaced / badge_other_event: an old (replaced) badge, or a badge of another event,
 *   accepted provisionally by a desk without the network, refused when it arrived.
 * - refused: any other scan the kiosk refused after the desk showed "Hadir — belum terkirim"
 *   (not on the list, not a day of the event, not a badge).
 */
export const CASE_KINDS = ['double', 'badge_replaced', 'badge_other_event', 'refused'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** What a desk showed: the confirmed colours, or one of the outbox's provisional verdicts. */
export type DeskShown = 'green' | 'amber' | 'red' | PendingShown;

export interface CaseScan {
  uuid: string;
  desk: string;
  /** When the desk scanned it (ISO) and as HH.MM in the event's zone. */
  at: string;
  time: string;
  /** When the kiosk stored it, for a scan sent late from a desk's outbox (ISO); else null. */
  receivedAt: string | null;
  receivedTime: string | null;
  shown: DeskShown;
  /** The log's verdict (ok, duplicate, replaced, …). */
  logged: string;
  /** This scan is the check-in that stands for the person on that day. */
  stands: boolean;
}

export interface ReconciliationCase {
  kind: CaseKind;
  /** Who the badge names (null: the kiosk knows no one by it). */
  person: { id: number; name: string; code: string; regency: string | null } | null;
  /** The code as read (first characters), for a badge the kiosk knows no one by. */
  rawCode: string;
  dayNo: number | null;
  date: string | null;
  scans: CaseScan[];
  /** The check-in that stands on that day (desk, HH.MM), or null: not present that day. */
  stands: { desk: string; at: string; time: string } | null;
}

export interface ReconciliationCounts {
  double: number;
  badge_replaced: number;
  badge_other_event: number;
  refused: number;
  total: number;
  /** Scans that came late from a desk's outbox (each one, a case or not). */
  sentLate: number;
}

export interface Reconciliation {
  eventId: number;
  cases: ReconciliationCase[];
  counts: ReconciliationCounts;
}

export const reconciliationInput = z.object({ ...eventRef }).strict();
/** The PDF is the committee's paper, in Bahasa Indonesia like the daftar hadir and the recap. */
export const reconciliationPdfInput = z.object({ ...eventRef }).strict();
