import { eventStatus } from '../../db/repositories/events';
import { HadirError } from '../../shared/errors';
import type { DeskScope } from '../../shared/desk';
import type { Ctx } from '../context';
import { requireEventId } from './require-event';

/**
 * The event a recording operation writes into, checked: it must exist (a desk may have been
 * left open on an event since removed, or a backup restored without it) and must not be
 * archived (a tab left open on last month's event must not add to it). Otherwise the desk is
 * told to choose its event again. core/audited.ts calls this inside the write's transaction,
 * so the check and the write see one state.
 */
export function deskEventId(ctx: Ctx, scope: DeskScope): number {
  const status = eventStatus(ctx.db, scope.eventId);
  if (!status) {
    throw new HadirError(
      'desk_event',
      `Desk "${scope.desk}" is set to event ${scope.eventId}, which does not exist. Choose the desk's event again.`,
      { missing: scope.eventId },
    );
  }
  if (status.archived) {
    throw new HadirError(
      'desk_event',
      `The event "${status.name}" is archived: nothing new can be recorded in it. Choose the current event for desk "${scope.desk}".`,
      { archived: status.name },
    );
  }
  return scope.eventId;
}

/** The event a read works on: the desk's when it names one (it must exist; archived is fine), else the kiosk's default. */
export function readEventId(ctx: Ctx, eventId: number | undefined): number {
  if (eventId === undefined) return requireEventId(ctx);
  if (!eventStatus(ctx.db, eventId)) {
    throw new HadirError('desk_event', `Event ${eventId} does not exist. Choose the desk's event again.`, {
      missing: eventId,
    });
  }
  return eventId;
}
