import crypto from 'node:crypto';
import type { UndoOutcome } from '../../shared/checkin';
import { localTime } from '../../shared/time-zone';
import { participantById } from '../../db/repositories/checkin';
import { listDays } from '../../db/repositories/events';
import { appendScan, standingCheckin } from '../../db/repositories/scans';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { deskEvent } from './event-of';
import { dayRef, person } from './scan';

export interface UndoArgs {
  eventId: number;
  desk: string;
  participantId: number;
  day: number;
  reason: string;
}

/**
 * Takes a check-in back (the wrong person was let through, a badge was swapped): a new 'undo'
 * row with the operator's reason, never an edit of the log. Refused when there is nothing to undo.
 */
export function undo(ctx: Ctx, args: UndoArgs): UndoOutcome {
  const detail = { participant: args.participantId, day: args.day, reason: args.reason };
  return audited(ctx, { action: 'checkin.undo', scope: args, detail }, (at): UndoOutcome => {
    const event = deskEvent(ctx, args);
    const holder = participantById(ctx.db, event.id, args.participantId);
    if (!holder)
      throw new HadirError('not_found', `Participant ${args.participantId} was not found.`, { id: args.participantId });
    const day = listDays(ctx.db, event.id).find((d) => d.dayNo === args.day);
    if (!day) throw new HadirError('not_found', `Day ${args.day} is not a day of this event.`, { day: args.day });
    if (!standingCheckin(ctx.db, holder.id, day.id)) {
      throw new HadirError('conflict', `${holder.name} is not checked in on day ${day.dayNo}.`, {
        // First: the catalogue picks its message from the first param it has a key for.
        notCheckedIn: day.dayNo,
        name: holder.name,
      });
    }
    const uuid = crypto.randomUUID();
    appendScan(ctx.db, {
      uuid,
      eventId: event.id,
      station: args.desk,
      participantId: holder.id,
      eventDayId: day.id,
      scannedAt: at,
      verdict: 'undo',
      rawCode: holder.code,
      reason: args.reason,
      daySource: 'operator',
    });
    return {
      participant: person(holder),
      day: dayRef(day)!,
      scan: { uuid, at, time: localTime(new Date(at), event.timeZone), desk: args.desk },
    };
  });
}
