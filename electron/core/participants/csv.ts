// How Hadir writes a CSV cell, in one place: the export and the CLI's `participants list --format
// csv` both write through here, so neither can forget the formula guard; the import undoes it here too.

/**
 * OWASP CSV injection: a cell starting with = + - @ tab CR or LF is run as a formula by Excel.
 * Prefixing a single quote makes it text; the import strips that quote again (validate-rows).
 * A value that itself starts with such a quote gets one more, so the round trip is exact.
 */
export function neutralise(v: string): string {
  return /^'?[=+\-@\t\r\n]/.test(v) || /^''/.test(v) ? `'${v}` : v;
}

/** The import's inverse of neutralise, so an exported list (CSV or XLSX) re-imports unchanged. */
export const unneutralise = (v: string) => (/^'['=+\-@\t\r\n]/.test(v) ? v.slice(1) : v);

/**
 * Quoted when it holds a quote, a line break or either separator: Indonesian Excel reads CSV
 * with semicolons, so a bare `;` would split the cell there.
 */
export const csvQuote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One line of data cells (null = empty), each neutralised and quoted. Headers are ours: csvQuote them. */
export const csvDataLine = (values: readonly (string | null)[]) => values.map((v) => csvQuote(neutralise(v ?? ''))).join(',');
