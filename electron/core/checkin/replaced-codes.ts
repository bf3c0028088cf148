import type { ReplacedCodeRow } from '../../shared/checkin-snapshot';
import { listReplacedCodes } from '../../db/repositories/replaced-codes';
import type { Ctx } from '../context';
import { readEvent } from './event-of';

/**
 * The event's replaced badge codes (a reissue retired them): a desk keeps them in its snapshot
 * so that, without the hub, it can still say "kartu lama, diganti" (issue 19, item 3). Name and
 * date only, nothing personal beyond what the verdict shows.
 */
export function replacedCodes(ctx: Ctx, input: { eventId?: number }): ReplacedCodeRow[] {
  return listReplacedCodes(ctx.db, readEvent(ctx, input.eventId).id);
}
