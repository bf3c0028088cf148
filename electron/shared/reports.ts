import { z } from 'zod';
import { eventRef } from './desk';
import type { ReconciliationCounts } from './reconciliation';

export interface RecapGroup {
  name: string;
  /** Registered (not deleted) participants in the group. */
  expected: number;
  /** Present, per event day, in day order. */
  perDay: number[];
  /** Present on every day of the event. */
  allDays: number;
  /** Qualify for a certificate: the event's rule, or the organiser's override (certificates). */
  qualifies: number;
}
export interface Recap {
  days: { dayNo: number; date: string; expected: number; present: number }[];
  byRegency: RecapGroup[];
  byRole: RecapGroup[];
  total: RecapGroup;
  /** The reconciliation's cases by kind (issue 19): what the committee still has to look at. */
  reconciliation?: ReconciliationCounts;
}

/**
 * The recap's views: CSV holds one, XLSX one sheet each. 'certificates' lists who qualifies;
 * 'register' is the certificate number register (number, name, regency, date issued).
 */
export const RECAP_VIEWS = ['days', 'regency', 'role', 'certificates', 'register'] as const;
export type RecapView = (typeof RECAP_VIEWS)[number];
export const recapInput = z.object({ ...eventRef }).strict();
export const recapExportInput = z
  .object({
    ...eventRef,
    format: z.enum(['xlsx', 'csv', 'pdf']),
    /** CSV and PDF hold one view (XLSX has one sheet per view). */
    view: z.enum(RECAP_VIEWS).default('regency'),
    separator: z.enum([',', ';']).default(';'),
  })
  .strict();

export const daftarHadirInput = z
  .object({
    ...eventRef,
    dayNo: z.number().int().positive(),
    /** present: only those checked in; all: everyone, an empty time for the absent, to sign on paper. */
    scope: z.enum(['present', 'all']).default('present'),
    order: z.enum(['time', 'name']).default('time'),
  })
  .strict();

export interface TimelineDay {
  dayNo: number;
  date: string;
  /** Check-ins per 10 minutes: [minutes since midnight in the event's zone, count]. */
  bins: [number, number][];
}
export const timelineInput = z.object({ ...eventRef }).strict();
