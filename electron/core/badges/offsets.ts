import { getSetting, setSetting } from '../../db/repositories/settings';
import { BADGE_LAYOUTS, NO_OFFSET, offsetSchema, type BadgeLayoutId, type BadgeOffsets, type Offset } from '../../shared/badges';
import type { Ctx } from '../context';

// One offset per layout and per kiosk (it belongs to the printer, not to an event).
const key = (layout: BadgeLayoutId) => `badges.offset.${layout}`;

export function getOffset(ctx: Ctx, layout: BadgeLayoutId): Offset {
  const raw = getSetting(ctx.db, key(layout));
  if (!raw) return NO_OFFSET;
  const parsed = offsetSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : NO_OFFSET;
}

export function getOffsets(ctx: Ctx): BadgeOffsets {
  return Object.fromEntries(BADGE_LAYOUTS.map((l) => [l, getOffset(ctx, l)])) as BadgeOffsets;
}

export function setOffset(ctx: Ctx, layout: BadgeLayoutId, offset: Offset): void {
  // Tenths of a millimetre: finer than any printer's registration.
  const round = (v: number) => Math.round(v * 10) / 10;
  setSetting(ctx.db, key(layout), JSON.stringify({ x: round(offset.x), y: round(offset.y) }));
}
