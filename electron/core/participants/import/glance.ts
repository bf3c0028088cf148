import type { PreparedRow } from './prepare';

// The preview's glance at the rows, shared by the worker that makes it (read-import-kind.ts) and
// the desks' thread that reads it (import-commit.ts); this module loads no parser.

/**
 * What a preview shows of the rows besides their counts, gathered here when the main thread does
 * not walk them (ReadImportInput.glanceOnly): copying 50,000 rows over and walking them cost the
 * desks' thread ~0.3 s of a preview that, for an empty event, matches nothing (issue 21).
 */
export interface ImportGlance {
  /** The first rows, for the preview's sample. */
  firstRows: PreparedRow[];
  /** The valid rows whose name is not printable ASCII: the only names the fonts may fail to draw. */
  unusualNames: { line: number; name: string }[];
}

/** Rows the preview shows as its sample. */
export const SAMPLE_ROWS = 10;
/** Printable ASCII: every bundled name font draws it whole (cmap-coverage.test.ts holds them to it). */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Gathers the glance as the rows go by, a part at a time. */
export function glancer(): { see(rows: PreparedRow[]): void; glance: ImportGlance } {
  const glance: ImportGlance = { firstRows: [], unusualNames: [] };
  return {
    glance,
    see(rows) {
      for (const r of rows) {
        if (glance.firstRows.length < SAMPLE_ROWS) glance.firstRows.push(r);
        if (r.valid && !PRINTABLE_ASCII.test(r.values.name)) glance.unusualNames.push({ line: r.line, name: r.values.name });
      }
    },
  };
}
