import { activeEventId } from '../../db/repositories/events';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';

/** The event every participant operation works on; none yet means the setup screen comes first. */
export function requireEventId(ctx: Ctx): number {
  const id = activeEventId(ctx.db);
  if (id === null) throw new HadirError('no_event', 'No event has been set up yet. Create one first.');
  return id;
}
