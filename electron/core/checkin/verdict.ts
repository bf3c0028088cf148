import type { BadgeText } from '../../shared/badge-payload';
import type { Colour, Reason } from '../../shared/checkin';
import type { EventDay } from '../../shared/event';
import type { BadgeHolder } from '../../db/repositories/checkin';
import type { Verdict } from '../../db/repositories/scans';
import type { ReplacedBadge } from './replaced';

/** What the verdict needs to know, looked up by the caller inside the scan's transaction. */
export interface Lookups {
  /** The tag of the desk's own event. */
  ownTag: string;
  /** Other events on this kiosk whose badge carries `tag` and holds `code` (null: none). */
  otherEvent(tag: string | null, code: string): { id: number; name: string } | null;
  holder(code: string): BadgeHolder | null;
  replaced(code: string): ReplacedBadge | null;
  standing(participantId: number, day: EventDay): { scannedAt: string; station: string } | null;
}

export interface Decision {
  colour: Colour;
  reason: Reason;
  /** The row's verdict in the scan log. */
  logged: Exclude<Verdict, 'undo'>;
  holder: BadgeHolder | null;
  /** Whether the log row names the participant (never for another event's badge). */
  logParticipant: boolean;
  previous?: { scannedAt: string; station: string };
  replaced?: ReplacedBadge;
  otherEvent?: { id: number; name: string };
}

const red = (reason: Reason, logged: Decision['logged'], extra: Partial<Decision> = {}): Decision => ({
  colour: 'red',
  reason,
  logged,
  holder: null,
  logParticipant: false,
  ...extra,
});

/**
 * The desk's verdict for one read text. Order matters:
 * 1. Not a Hadir badge at all (a QRIS sticker, a URL): a short notice, not a red verdict.
 * 2. A badge whose tag is not this event's: "badge of <event>" when another event on the kiosk
 *    holds the code, else "not registered". It never checks anyone in.
 * 3. The code (from a full badge, or typed by hand) within this event: unknown → replaced or
 *    not registered (a hand-typed code of another event is still recognised); a deleted
 *    participant is not registered.
 * 4. No event day today and none chosen: red, with the person shown so the desk can pick a day.
 * 5. Already checked in that day: amber with when and where. Otherwise green.
 */
export function decide(text: BadgeText, day: EventDay | null, look: Lookups): Decision {
  if (text.kind === 'not_a_badge') return { ...red('not_a_badge', 'not_a_badge'), colour: 'not_a_badge' };
  const code = text.code;
  if (text.kind === 'badge' && text.eventTag !== look.ownTag) {
    const other = look.otherEvent(text.eventTag, code);
    return other ? red('other_event', 'other_event', { otherEvent: other }) : red('not_registered', 'unknown');
  }
  const holder = look.holder(code);
  if (!holder) {
    const replaced = look.replaced(code);
    if (replaced) return red('badge_replaced', 'replaced', { replaced });
    const other = text.kind === 'code' ? look.otherEvent(null, code) : null;
    return other ? red('other_event', 'other_event', { otherEvent: other }) : red('not_registered', 'unknown');
  }
  // Removed from the list: named, so the desk can restore them if that was a mistake.
  if (holder.deleted) return red('not_registered', 'unknown', { holder, logParticipant: true });
  if (!day) return red('not_event_day', 'wrong_day', { holder, logParticipant: true });
  const previous = look.standing(holder.id, day);
  if (previous)
    return { colour: 'amber', reason: 'already_checked_in', logged: 'duplicate', holder, logParticipant: true, previous };
  return { colour: 'green', reason: 'checked_in', logged: 'ok', holder, logParticipant: true };
}
