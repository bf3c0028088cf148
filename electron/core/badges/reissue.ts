import { audited } from '../audited';
import { recordReplaced } from '../../db/repositories/badges';
import { codeExists, getParticipant, setCode } from '../../db/repositories/participants';
import type { Participant } from '../../shared/participant';
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
export function reissueBadge(ctx: Ctx, eventId: number, id: number): Reissued {
  const before = getParticipant(ctx.db, eventId, id);
  if (!before) throw new HadirError('not_found', `Participant ${id} was not found.`, { id });
  if (before.deleted)
    throw new HadirError('conflict', `"${before.name}" was deleted; restore them first.`, { id, name: before.name });
  const { code: newCode, at } = audited(
    ctx,
    { action: 'badges.reissue', detail: (r) => ({ id, name: before.name, oldCode: before.code, newCode: r.code }) },
    (at: string) => {
      const code = newBadgeCode((c) => codeExists(ctx.db, eventId, c));
      recordReplaced(ctx.db, eventId, id, before.code, at, ctx.actor);
      setCode(ctx.db, id, code, at);
      return { code, at };
    },
  );
  return { participant: getParticipant(ctx.db, eventId, id)!, oldCode: before.code, newCode, replacedAt: at };
}
