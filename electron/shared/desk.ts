import { plainText } from './text';
import { z } from 'zod';

/**
 * A desk is one screen working the event: the Electron window, or one browser tab on the web
 * host. Each has a name (shown in the header and written to the audit log) and its own event.
 * The event is chosen per desk, never read from a kiosk-wide setting: when one desk switches
 * event, the others must keep recording into theirs.
 */
export const DESK_NAME_MAX = 40;
export const deskName = plainText(DESK_NAME_MAX).min(1);

/**
 * What every operation that records something carries: which event it records into and which
 * desk records it. Spread it into an input (`z.object({ ...deskScope.shape, code })`) or extend
 * it (`deskScope.extend({ code })`). The core refuses an event that does not exist or is
 * archived (code 'desk_event'), so a desk left open on an old event cannot add to it.
 */
export const deskScope = z.object({
  eventId: z.number().int().positive(),
  desk: deskName,
});
export type DeskScope = z.output<typeof deskScope>;

/**
 * The event a read works on: the desk's, when given; otherwise the kiosk's default event (the
 * one the kiosk window last chose), so the CLI and older callers keep working.
 */
export const eventRef = { eventId: z.number().int().positive().optional() };
