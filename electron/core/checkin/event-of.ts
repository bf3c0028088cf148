import { eventKey, type EventKey } from '../../db/repositories/checkin';
import type { DeskScope } from '../../shared/desk';
import type { Ctx } from '../context';
import { deskEventId, readEventId } from '../event/desk-event';

/**
 * The event a desk records into, with its secret and time zone: the one the desk names, checked
 * by the desks rule (refused as 'desk_event' when the kiosk does not hold it). Call it inside the
 * write's transaction.
 */
export function deskEvent(ctx: Ctx, scope: DeskScope): EventKey {
  return eventKey(ctx.db, deskEventId(ctx, scope))!;
}

/** The event a read (counters, attendance) works on: the desk's, else the kiosk's default. */
export function readEvent(ctx: Ctx, eventId: number | undefined): EventKey {
  return eventKey(ctx.db, readEventId(ctx, eventId))!;
}
