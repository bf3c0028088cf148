import { HadirError } from '../../../shared/errors';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../../../shared/file';
import { HEADER_LOOK } from './header-row';

/**
 * Limits on what one import may hold. A real participant list is a few thousand rows at most;
 * these bounds keep a wrong file (a database dump, a photo renamed .csv) from freezing the kiosk.
 */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;
export const MAX_IMPORT_ROWS = 50_000;
/**
 * An .xlsx is a ZIP: MAX_IMPORT_BYTES of it can inflate to gigabytes of XML (and exceljs would try to hold
 * all of it). A real 50,000-row list inflates to about 30 MB; past this it is not a participant list.
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

/** Checked on the sizes the ZIP directory declares, before anything is inflated. */
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
