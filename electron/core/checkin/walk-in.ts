import type { ScanOutcome } from '../../shared/checkin';
import type { ParticipantInput } from '../../shared/participant';
import { codeExists, insertParticipant } from '../../db/repositories/participants';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { nameKeyOf } from '../participants/matcher';
import { newBadgeCode } from '../participants/code';
import { checkNotDuplicate, checkRole } from '../participants/form-checks';
import { deskEvent } from './event-of';
import { resolveDay, scan } from './scan';

export interface WalkInArgs {
  eventId: number;
  desk: string;
  day?: number | null;
  participant: ParticipantInput;
}

/**
 * Someone not on the list turns up: add them and check them in, all or nothing (one
 * transaction, the scan nested as a savepoint), so a desk never has a walk-in added but not
 * checked in. Refused before anything is written when the day is unknown or the person is
 * already on the list (the desk then checks that record in instead).
 */
export function walkIn(ctx: Ctx, args: WalkInArgs): ScanOutcome {
  const detail = (out: ScanOutcome) => ({ id: out.participant?.id, name: args.participant.name });
  return audited(ctx, { action: 'checkin.walkIn', scope: args, detail }, (at): ScanOutcome => {
    const event = deskEvent(ctx, args);
    if (!resolveDay(ctx, event, args.day).day) {
      throw new HadirError('not_event_day', 'Today is not a day of this event: choose the day first.');
    }
    checkRole(ctx, event.id, args.participant.role);
    checkNotDuplicate(ctx, event.id, args.participant);
    const code = newBadgeCode((c) => codeExists(ctx.db, event.id, c));
    const id = insertParticipant(ctx.db, event.id, code, nameKeyOf(args.participant), args.participant, at);
    const out = scan(ctx, { eventId: event.id, desk: args.desk, text: code, input: 'walk_in', day: args.day });
    if (out.verdict !== 'green') throw new Error(`walk-in check-in gave ${out.verdict}/${out.reason}`);
    return out;
  });
}
