import type { HandlerMap } from '../handler';
import { requireEventId } from '../event/require-event';
import { maskParticipant } from '../participants/mask';
import { reissueBadge } from './reissue';

export const badgeHandlers: HandlerMap<'badges.reissue'> = {
  'badges.reissue': (ctx, { id }) => {
    const r = reissueBadge(ctx, requireEventId(ctx), id);
    return { ...r, participant: maskParticipant(r.participant) };
  },
};
