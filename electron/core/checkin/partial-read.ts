// A handheld scanner's read that lost its first characters (issue 16, defect 4): on a loaded
// laptop "HD7K2QAB3XK9TM" can arrive as "K2QAB3XK9TM". The scanner ended it with Enter, so it is
// whole as far as the desk knows; what remains still names the badge when it can only be one.
import {
  BADGE_CODE_LENGTH,
  BADGE_PREFIX,
  CODE_ALPHABET,
  EVENT_TAG_LENGTH,
  type BadgeText,
} from '../../shared/badge-payload';

/** Fewer characters than this are never matched: six of 32 letters leave ~10^9 possibilities. */
export const MIN_PARTIAL_LENGTH = 6;
const FULL_LENGTH = BADGE_PREFIX.length + EVENT_TAG_LENGTH + BADGE_CODE_LENGTH;
const ALPHABET_RE = new RegExp(`^[${CODE_ALPHABET}]+$`);

/**
 * The badge a partial read names, or null. `raw` must be a tail of this event's badge text
 * (`HD` + `ownTag` + code):
 * - 9 to 13 characters: its last 8 are the code and the rest must be the end of `HD` + tag;
 *   the code names at most one badge, checked by the verdict as any code is;
 * - 6 or 7 characters: the end of a code; it counts only when exactly one code of the event ends
 *   so (`codesEndingWith` asked for two, to tell one from several).
 * Another event's badge, a QRIS sticker or a URL never matches: their tails are not this event's.
 */
export function partialBadge(
  raw: string,
  ownTag: string,
  codesEndingWith: (tail: string, limit: number) => string[],
): BadgeText | null {
  const text = raw.trim().toUpperCase();
  if (text.length < MIN_PARTIAL_LENGTH || text.length >= FULL_LENGTH || text.length === BADGE_CODE_LENGTH) return null;
  if (!ALPHABET_RE.test(text)) return null;
  if (text.length > BADGE_CODE_LENGTH) {
    const head = text.slice(0, text.length - BADGE_CODE_LENGTH);
    if (!`${BADGE_PREFIX}${ownTag}`.endsWith(head)) return null;
    return { kind: 'badge', eventTag: ownTag, code: text.slice(-BADGE_CODE_LENGTH) };
  }
  const codes = codesEndingWith(text, 2);
  return codes.length === 1 ? { kind: 'badge', eventTag: ownTag, code: codes[0]! } : null;
}
