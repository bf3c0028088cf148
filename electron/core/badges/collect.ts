import { getEvent, getLogo, listDays, listRoles } from '../../db/repositories/events';
import { eventKey, participantByCode } from '../../db/repositories/checkin';
import { getParticipant, listParticipants } from '../../db/repositories/participants';
import { badgePayload, parseBadgeText } from '../../shared/badge-payload';
import type { BadgeWhom } from '../../shared/badges';
import { HadirError } from '../../shared/errors';
import type { Participant } from '../../shared/participant';
import type { Ctx } from '../context';
import { toMatchQuery } from '../participants/search';
import { eventTag } from '../qr/event-tag';
import type { BadgeData } from './tag-layout';

/** What a badge render needs from the database, as plain data (the renderer never reads it). */
export interface BadgeSource {
  eventName: string;
  logo: Uint8Array | null;
  badges: BadgeData[];
}

const ALL = 1_000_000;

function whomRows(ctx: Ctx, eventId: number, whom: BadgeWhom): Participant[] {
  if (whom.kind === 'ids') {
    // In the order given (a selection keeps its order); unknown or deleted ids are refused.
    return whom.ids.map((ref) => {
      const parsed = typeof ref === 'string' ? parseBadgeText(ref) : null;
      const id =
        typeof ref === 'number'
          ? ref
          : parsed?.kind === 'not_a_badge'
            ? null
            : participantByCode(ctx.db, eventId, parsed!.code)?.id;
      const p = id ? getParticipant(ctx.db, eventId, id) : null;
      if (!p || p.deleted) throw new HadirError('not_found', `Participant ${ref} was not found.`, { id: ref });
      return p;
    });
  }
  const base = { match: null, status: 'all' as const, includeDeleted: false, limit: ALL, offset: 0 };
  if (whom.kind === 'all') return listParticipants(ctx.db, eventId, base).rows;
  const dayId = whom.day ? listDays(ctx.db, eventId).find((d) => d.dayNo === whom.day)?.id : null;
  if (whom.day && !dayId) throw new HadirError('not_found', `Day ${whom.day} is not a day of this event.`, { day: whom.day });
  return listParticipants(ctx.db, eventId, {
    ...base,
    match: toMatchQuery(whom.query),
    regency: whom.regency,
    role: whom.role,
    status: whom.status,
    dayId,
  }).rows;
}

/** The tags of `whom`, in list order (by name), with their QR payloads and role colours. */
export function collectBadges(ctx: Ctx, eventId: number, whom: BadgeWhom): BadgeSource {
  const event = getEvent(ctx.db, eventId)!;
  const key = eventKey(ctx.db, eventId)!;
  const tag = eventTag(key.secret);
  const roles = listRoles(ctx.db, eventId);
  const logo = getLogo(ctx.db, eventId);
  const badges = whomRows(ctx, eventId, whom).map((p) => ({
    name: p.name,
    regency: p.regency,
    institution: p.institution,
    role: p.role,
    roleIndex: Math.max(0, roles.indexOf(p.role)),
    code: p.code,
    payload: badgePayload(tag, p.code),
  }));
  return { eventName: event.name, logo: logo ? new Uint8Array(logo) : null, badges };
}
