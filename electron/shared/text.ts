import { z } from 'zod';

/**
 * Control characters (C0, DEL, C1): NUL and its kind are never part of a name, a regency or a
 * title. Stored, they came back raw in exports and broke the files other programs read.
 */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * The same, less the ones a spreadsheet cell holds legitimately: tab and line breaks (Alt+Enter
 * in Excel, a quoted newline in a CSV). The import turns those into spaces.
 */
export const CELL_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The zod message of a text with a control character (worded as zod.control character). */
export const CONTROL_MESSAGE = 'control character';

/** One line of text typed into a form field: trimmed, at most `max` characters, no control characters. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), CONTROL_MESSAGE);

/** Text that may run over several lines (a certificate's wording): tabs and line breaks allowed. */
export const multilineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CELL_CONTROL_CHARS.test(s), CONTROL_MESSAGE);

/**
 * The text with each control character made visible (its Unicode "control picture", ␀ for NUL),
 * for a report that must show where the character is without carrying it.
 */
export function showControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}
