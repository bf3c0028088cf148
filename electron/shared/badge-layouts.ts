/**
 * The name-tag layouts. Geometry lives in core/badges/sheets.ts; the ids are shared so the
 * screen, the CLI and the saved printer offsets name them the same way. (Re-exported by badges.ts.)
 */
export const BADGE_LAYOUTS = ['a4-8', 'a4-10', 'a6', 'roll-62'] as const;
export type BadgeLayoutId = (typeof BADGE_LAYOUTS)[number];

/** How far a printer shifts the page, in mm (+x right, +y down), measured on the test sheet. */
export const MAX_OFFSET_MM = 10;
