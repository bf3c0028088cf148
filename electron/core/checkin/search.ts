import type { SearchResult } from '../../shared/checkin';
import { localTime } from '../../shared/time-zone';
import { searchHolders } from '../../db/repositories/checkin';
import type { Ctx } from '../context';
import { toMatchQuery } from '../participants/search';
import { readEvent } from './event-of';
import { resolveDay } from './scan';

/**
 * The desk's manual input: find someone by name, regency, institution or code, and say whether
 * they are already in on the day. Regency and institution tell two people of the same name
 * apart; no personal data (NIK, phone) is shown at the desk.
 */
export function search(ctx: Ctx, args: { eventId?: number; query: string; day?: number | null; limit: number }): SearchResult[] {
  const event = readEvent(ctx, args.eventId);
  const match = toMatchQuery(args.query);
  if (!match) return [];
  const day = resolveDay(ctx, event, args.day).day;
  return searchHolders(ctx.db, event.id, match, day?.id ?? null, args.limit).map((h) => ({
    ...h,
    presentTime: h.presentAt ? localTime(new Date(h.presentAt), event.timeZone) : null,
  }));
}
