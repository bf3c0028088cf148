// What a badge's QR carries, and how a scanned text is read back. Pure: the renderer uses it to
// tell a badge from any other QR before asking the kiosk; core uses it to decide the verdict.
//
//   HD <event tag: 4> <badge code: 8>      e.g. "HD7K2QAB3XK9TM"  (14 characters)
//
// Why this shape:
// - Only 0-9 and A-Z: QR alphanumeric mode (5.5 bits a character) keeps 14 characters inside
//   version 1 (21x21 modules) at error correction M (up to 20 alphanumeric characters). Fewer,
//   larger modules are what a fixed-focus laptop webcam reads from 40 cm. Level M (15 %
//   recovery) rather than Q or H: H would push 14 characters to version 2 (25 modules), shrinking
//   every module by 16 %, and size matters more than redundancy for a printed, unscratched badge.
// - Letters and digits only also make a keyboard-wedge scanner type the same text on any layout
//   (US, UK, AZERTY): the renderer reads the physical key (event.code) plus Shift, and no
//   punctuation key, whose place differs between layouts, is ever needed.
// - The event tag lets a kiosk that holds several events say "badge of <event>" instead of
//   checking someone into the wrong one, and "not registered" for an event it does not hold.
//   It is derived from the event's secret (core/qr/event-tag.ts), so it needs no column and
//   travels with an event moved to another laptop.
// - "HD" marks the text as a Hadir badge: a QRIS sticker or a URL is "not a badge", not a red verdict.
export const BADGE_PREFIX = 'HD';
export const EVENT_TAG_LENGTH = 4;
export const BADGE_CODE_LENGTH = 8;
/** Crockford base 32: no I, L, O, U (no 0/O or 1/I confusion when typed by hand). */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${BADGE_CODE_LENGTH}}$`);
const PAYLOAD_RE = new RegExp(
  `^${BADGE_PREFIX}([${CODE_ALPHABET}]{${EVENT_TAG_LENGTH}})([${CODE_ALPHABET}]{${BADGE_CODE_LENGTH}})$`,
);

export type BadgeText =
  /** A full badge payload: the event tag says which event printed it. */
  | { kind: 'badge'; eventTag: string; code: string }
  /** A bare 8-character code, as a desk types it from the tag by hand: the desk's own event. */
  | { kind: 'code'; code: string }
  | { kind: 'not_a_badge' };

const BADGE_TEXT_LENGTH = BADGE_PREFIX.length + EVENT_TAG_LENGTH + BADGE_CODE_LENGTH;
const START_RE = new RegExp(`^${BADGE_PREFIX}[${CODE_ALPHABET}]*$`);

/**
 * Whether `text` is how a badge's text begins ("H", "HD", "HD7K2Q…"); `whole` also accepts the
 * complete 14 characters. The keyboard wedge waits longer between keys of such a read.
 */
export function isBadgePrefix(text: string, whole: boolean): boolean {
  if (text.length === 0 || text.length > BADGE_TEXT_LENGTH || (!whole && text.length === BADGE_TEXT_LENGTH)) return false;
  if (text.length <= BADGE_PREFIX.length) return BADGE_PREFIX.startsWith(text);
  return START_RE.test(text);
}

export function badgePayload(eventTag: string, code: string): string {
  return `${BADGE_PREFIX}${eventTag}${code}`;
}

/**
 * Reads a scanned or typed text. Forgiving only where people and scanners slip: surrounding
 * spaces and a trailing Enter/Tab, lower case (a scanner with Caps Lock on), and the Crockford
 * look-alikes O→0, I/L→1 in hand-typed codes. Anything else is not a badge.
 */
export function parseBadgeText(raw: string): BadgeText {
  if (raw.length > 64) return { kind: 'not_a_badge' };
  const trimmed = raw.trim();
  // ASCII only: Unicode case mapping folds look-alikes onto code letters (ſ → S, ı → I, ß → SS),
  // so a text that is not the person's code would read as it (issue 18, defect 17).
  if (/[^\x20-\x7e]/.test(trimmed)) return { kind: 'not_a_badge' };
  const text = trimmed.toUpperCase();
  const full = PAYLOAD_RE.exec(text);
  if (full) return { kind: 'badge', eventTag: full[1]!, code: full[2]! };
  const typed = text.replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (CODE_RE.test(typed)) return { kind: 'code', code: typed };
  return { kind: 'not_a_badge' };
}
