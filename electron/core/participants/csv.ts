// How Hadir writes a CSV cell, in one place: the export and the CLI's `participants list --format
// csv` both write through here, so neither can forget the formula guard; the import undoes it here too.

import { CELL_CONTROL_CHARS } from '../../shared/text';

/**
 * OWASP CSV injection: a cell starting with = + - @ tab CR or LF is run as a formula by Excel.
 * Prefixing a single quote makes it text; the import strips that quote again (validate-rows).
 * A value that itself starts with such a quote gets one more, so the round trip is exact.
 */
export function neutralise(v: string): string {
  return /^'?[=+\-@\t\r\n]/.test(v) || /^''/.test(v) ? `'${v}` : v;
}

/**
 * The import's inverse of neutralise and of asText, so an exported list (CSV or XLSX) re-imports
 * unchanged. `="0812…"` is also what organisers type themselves to keep a zero in Excel.
 */
export const unneutralise = (v: string) => {
  const text = /^="([^"]*)"$/.exec(v);
  if (text) return text[1]!;
  return /^'['=+\-@\t\r\n]/.test(v) ? v.slice(1) : v;
};

/** What Excel, opening a CSV, would turn into a number: "08123…" loses its 0, a 16-digit NIK its last digit. */
const EXCEL_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?(?:E[+-]?\d+)?)$/i;

/**
 * A cell Excel must keep as text when it opens the CSV: written as the formula `="0812…"`, which
 * shows the digits as they are (a quote prefix would show the quote). Only digits and "+" ever
 * get here, so the formula is a constant; the import unwraps it (unneutralise).
 */
export const asText = (v: string) => (EXCEL_NUMBER.test(v) ? `="${v}"` : v);

/**
 * Quoted when it holds a quote, a line break or either separator: Indonesian Excel reads CSV
 * with semicolons, so a bare `;` would split the cell there.
 */
export const csvQuote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * One line of data cells (null = empty), each neutralised and quoted. Headers are ours: csvQuote
 * them. Control characters are dropped: the import and the forms refuse them now, but a database
 * from before may hold a NUL, which other programs reading the CSV take for the end of the text.
 */
export const csvDataLine = (values: readonly (string | null)[], separator: ',' | ';' = ',') =>
  values.map((v) => csvQuote(neutralise((v ?? '').replace(CONTROLS, '')))).join(separator);

const CONTROLS = new RegExp(CELL_CONTROL_CHARS.source, 'g');
