import { audited } from '../audited';
import { recordReplaced } from '../../db/repositories/badges';
import { codeExists, getParticipant, setCode } from '../../db/repositories/participants';
import type { Participant } from '../../shared/participant';
import type { DeskScope } from '../../shared/desk';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { newBadgeCode } from '../participants/code';

export interface Reissued {
  participant: Participant;
  oldCode: string;
  newCode: string;
  replacedAt: string;
}

/**
 * A new badge code for a lost badge. In one transaction: the old code is kept in badge_replaced
 * (a scan of it answers "badge replaced on <date>"), the participant gets a fresh random code
 * (never one any badge of this event ever carried), and the audit log records both codes.
 */
export function reissueBadge(ctx: Ctx, scope: DeskScope, id: number): Reissued {
  const { eventId } = scope;
  // Everything read inside the transaction: the participant, the code's freedom, the event.
  const r = audited(
    ctx,
    {
      action: 'badges.reissue',
      detail: (r) => ({ id, name: r.name, oldCode: r.oldCode, newCode: r.newCode }),
      scope,
    },
    (at: string) => {
      const before = getParticipant(ctx.db, eventId, id);
      if (!before) throw new HadirError('not_found', `Participant ${id} was not found.`, { id });
      if (before.deleted)
        throw new HadirError('conflict', `"${before.name}" was deleted; restore them first.`, { id, name: before.name });
      const newCode = newBadgeCode((c) => codeExists(ctx.db, eventId, c));
      recordReplaced(ctx.db, eventId, id, before.code, at, ctx.actor);
      setCode(ctx.db, id, newCode, at);
      return { name: before.name, oldCode: before.code, newCode, replacedAt: at };
    },
  );
  return { participant: getParticipant(ctx.db, eventId, id)!, oldCode: r.oldCode, newCode: r.newCode, replacedAt: r.replacedAt };
}
