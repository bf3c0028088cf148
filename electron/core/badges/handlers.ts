import type { HandlerMap } from '../handler';
import { audited } from '../audited';
import { maskParticipant } from '../participants/mask';
import { getOffsets, setOffset } from './offsets';
import { reissueBadge } from './reissue';
import { renderBadgesFile, renderTestSheetFile } from './render-file';

export const badgeHandlers: HandlerMap<
  'badges.reissue' | 'badges.render' | 'badges.testSheet' | 'badges.offsets' | 'badges.setOffset'
> = {
  'badges.reissue': (ctx, { id, eventId, desk }) => {
    const r = reissueBadge(ctx, { eventId, desk }, id);
    return { ...r, participant: maskParticipant(r.participant) };
  },
  // Small batches and previews answer directly; the screen runs big batches as a job (jobs.start).
  'badges.render': (ctx, input) => renderBadgesFile(ctx, input),
  'badges.testSheet': (ctx, { layout, offset }) => renderTestSheetFile(ctx, layout, offset),
  'badges.offsets': (ctx) => getOffsets(ctx),
  'badges.setOffset': (ctx, { layout, offset }) => {
    audited(ctx, { action: 'badges.setOffset', detail: { layout, ...offset } }, () => setOffset(ctx, layout, offset));
    return getOffsets(ctx);
  },
};
