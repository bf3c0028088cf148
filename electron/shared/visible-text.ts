/**
 * Characters that draw nothing on paper: white space, format characters (zero-width space,
 * joiners, bidi marks, soft hyphen), variation selectors, the combining grapheme joiner and the
 * Hangul and braille fillers (U+3164 "ㅤ" passes for a name in chat apps). A name made only of
 * these printed blank on the badge and the certificate.
 */
export const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/u;

/** True when the text has at least one character that prints. */
export function hasVisibleChar(s: string): boolean {
  for (const ch of s) if (!INVISIBLE.test(ch)) return true;
  return false;
}

/** The zod message of a name with nothing to print (worded as zod.no visible character). */
export const INVISIBLE_MESSAGE = 'no visible character';

/** A person whose name has characters the bundled fonts cannot draw, and which (participants.undrawable). */
export interface UndrawableName {
  id: number;
  name: string;
  missing: string[];
}

/**
 * Someone in a print batch whose name has characters the fonts cannot draw: their page was made
 * (the rest of the name prints), with those characters as empty boxes. A batch result lists them
 * by name, so the organiser knows whose paper to check (issue 18).
 */
export interface UndrawnName {
  name: string;
  missing: string[];
}
