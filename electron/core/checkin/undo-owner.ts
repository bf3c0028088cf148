import { listDays } from '../../db/repositories/events';
import { standingCheckin } from '../../db/repositories/scans';
import type { Ctx } from '../context';

/**
 * The desk whose scan stands for a person on an event day (the one an undo would take back), or
 * null when nothing stands. A check-in-only desk may undo its own scans only (issue 19, item 7):
 * the hub asks this before letting it.
 */
export function standingDesk(ctx: Pick<Ctx, 'db'>, args: { eventId: number; participantId: number; day: number }): string | null {
  const day = listDays(ctx.db, args.eventId).find((d) => d.dayNo === args.day);
  if (!day) return null;
  return standingCheckin(ctx.db, args.participantId, day.id)?.station ?? null;
}
