import { HadirError } from '../../../shared/errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../../../shared/file';
import { MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS } from '../../../shared/import';
import { HEADER_LOOK } from './header-row';

/**
 * Limits on what one import may hold. A real participant list is a few thousand rows at most;
 * these bounds keep a wrong file (a database dump, a photo renamed .csv) or a hostile one from
 * taking the kiosk past about 500 MB of memory. README.md ("Limits") lists them; the peak memory
 * of refusing each hostile file is measured by `BENCH=hostile npm run bench`.
 */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;
export const MAX_IMPORT_ROWS = 50_000;
/** Columns in use (with a title or a value); empty columns in between do not count. */
export const MAX_COLUMNS = MAX_IMPORT_COLUMNS;
/**
 * Filled cells in the sheet (CSV: cells holding something): 50,000 rows of 20 filled columns.
 * The table made dense (rows × columns in use) is held to the same bound. Measured
 * (`BENCH=hostile npm run bench`, 2026-11-28): the preview of the largest file these bounds
 * accept peaks near 575 MB for the whole process (~215 MB of it the process and its job worker
 * at rest), 650-685 MB with the commit after it; 50,000 rows of 3 columns peak near 500 MB, so
 * most of it is the per-row work of validating and matching, and the worker heap's slack under
 * its 1 GB cap (README "Limits"), not the table itself.
 */
export const MAX_CELLS = MAX_IMPORT_CELLS;
/** Text kept per cell. Every field's limit is far lower, so a longer value is reported too long anyway. */
export const MAX_CELL_CHARS = 1_000;
/**
 * An .xlsx is a ZIP: MAX_IMPORT_BYTES of it can inflate to gigabytes of XML. A real 50,000-row list
 * inflates to about 30 MB; past this it is not a participant list. Counted on what is really
 * inflated, across every part read, whatever the ZIP directory claims (zip/inflate.ts).
 */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

/** Checked on the raw size, before any decoding or parsing is spent on the file. */
export function checkImportSize(byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new HadirError('import_too_large', `The file is larger than ${MAX_UPLOAD_MB} MB.`, {
      bytes: byteLength,
      max: MAX_IMPORT_BYTES,
    });
  }
}

/** Checked on the sizes the ZIP directory declares (zip64 included), before anything is inflated. */
export function checkInflatedSize(inflated: number): void {
  if (inflated > MAX_INFLATED_BYTES) {
    throw new HadirError('import_too_large', `The workbook unpacks to more than ${MAX_INFLATED_BYTES / 2 ** 20} MB.`, {
      inflatedMb: Math.ceil(inflated / 2 ** 20),
      max: MAX_INFLATED_BYTES / 2 ** 20,
    });
  }
}

/** `rows` counts data rows only (the header row excluded). */
export function checkRowCount(rows: number): void {
  if (rows > MAX_IMPORT_ROWS) {
    throw new HadirError('import_too_large', `The file has ${rows} rows; at most ${MAX_IMPORT_ROWS} can be imported.`, {
      rows,
      max: MAX_IMPORT_ROWS,
    });
  }
}

/**
 * The early check on a raw count of non-blank rows (header and any title block included), made
 * before parsing. It refuses only when even the lowest possible header row leaves too many data
 * rows, so it never refuses a file the exact check would accept.
 */
export function checkRowCountBeforeParse(records: number): void {
  if (records - HEADER_LOOK > MAX_IMPORT_ROWS) checkRowCount(records - 1);
}

/** Called as cells are kept, so the refusal comes before the table grows past the bound. */
export function checkCellCount(cells: number): void {
  if (cells > MAX_CELLS) {
    throw new HadirError(
      'import_too_large',
      `The sheet holds more than ${MAX_CELLS.toLocaleString('en-US')} filled cells; remove the columns or rows you do not need.`,
      { cells: MAX_CELLS },
    );
  }
}

/** Columns in use, counted after empty columns are dropped. */
export function checkColumnCount(columns: number): void {
  if (columns > MAX_COLUMNS) {
    throw new HadirError(
      'import_too_large',
      `The sheet uses ${columns} columns; at most ${MAX_COLUMNS} can be imported. Remove the columns you do not need.`,
      { columns, max: MAX_COLUMNS },
    );
  }
}
