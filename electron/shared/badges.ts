import type { UndrawnName } from './visible-text';
import { z } from 'zod';
import { eventRef } from './desk';
import type { FileResult } from './file';

import { BADGE_LAYOUTS, MAX_OFFSET_MM, type BadgeLayoutId } from './badge-layouts';

// The layout ids and the offset limit are in badge-layouts.ts, free of zod: the CLI's commands
// name them when they are defined, and every command (a check-in too) defines them all.
export { BADGE_LAYOUTS, MAX_OFFSET_MM };
export type { BadgeLayoutId } from './badge-layouts';
export const offsetSchema = z
  .object({
    x: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM),
    y: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM),
  })
  .strict();
export type Offset = z.infer<typeof offsetSchema>;
export const NO_OFFSET: Offset = { x: 0, y: 0 };

/**
 * Whose tags: everyone, the participant list's current filter (the same fields as
 * participants.list), or chosen participants (selected rows, or one for a reprint).
 */
export const badgeWhom = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      query: z.string().max(200).default(''),
      regency: z.string().max(120).nullish(),
      role: z.string().max(60).nullish(),
      status: z.enum(['all', 'present', 'absent']).default('all'),
      day: z.number().int().positive().nullish(),
    })
    .strict(),
  /** A number is a participant id; a string a badge code (as typed: `hadir badges --only K7Q2M9XA`). */
  z
    .object({
      kind: z.literal('ids'),
      ids: z
        .array(z.union([z.number().int().positive(), z.string().trim().min(1).max(20)]))
        .min(1)
        .max(50_000),
    })
    .strict(),
]);
export type BadgeWhom = z.output<typeof badgeWhom>;

export const badgesRenderInput = z
  .object({
    layout: z.enum(BADGE_LAYOUTS),
    whom: badgeWhom,
    /** Printer offset; omitted = the one saved for this layout. */
    offset: offsetSchema.optional(),
    /** Only the first pages (the screen's live preview). */
    maxPages: z.number().int().min(1).max(1000).optional(),
    /** The desk's event (shared/desk.ts); omitted = the kiosk's default event. */
    ...eventRef,
  })
  .strict();
export type BadgesRenderInput = z.output<typeof badgesRenderInput>;

export const badgesTestSheetInput = z.object({ layout: z.enum(BADGE_LAYOUTS), offset: offsetSchema.optional() }).strict();
export const badgesSetOffsetInput = z.object({ layout: z.enum(BADGE_LAYOUTS), offset: offsetSchema }).strict();
export type BadgeOffsets = Record<BadgeLayoutId, Offset>;

/** Page size of each layout in mm, for the print dialog and the preview's aspect ratio. */
export const BADGE_PAGE_MM: Record<BadgeLayoutId, { w: number; h: number; perPage: number }> = {
  'a4-8': { w: 210, h: 297, perPage: 8 },
  'a4-10': { w: 210, h: 297, perPage: 10 },
  a6: { w: 105, h: 148, perPage: 1 },
  'roll-62': { w: 62, h: 100, perPage: 1 },
};

/** A badge sheet as a file, with what it holds (the screen checks the page count). */
export interface BadgeFile extends FileResult {
  pages: number;
  tags: number;
  /** Who in this batch has characters in their name the fonts cannot draw (empty boxes on paper). */
  undrawable: UndrawnName[];
}
