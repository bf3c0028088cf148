import { HadirError } from '../../../shared/errors';
import { decodeText, type TextEncodingName } from './decode-text';
import { countCsvRecords, countXlsxRows } from './count-rows';
import { checkImportSize, checkRowCount, checkRowCountBeforeParse } from './limits';
import { detectDelimiter, parseCsv, type Delimiter } from './parse-csv';
import { pickHeaderRow } from './header-row';
import { readXlsx } from './read-xlsx';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './limits';

/** A cell as the organiser sees it: text, trimmed. Numbers and dates are already formatted. */
export type Cell = string;

/** A spreadsheet reduced to a header row and text rows, whatever file it came from. */
export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding?: TextEncodingName;
  /** CSV only; absent for a single-column CSV, where there is nothing to split. */
  delimiter?: Delimiter;
  /** Header texts, trimmed; trailing empty headers are dropped. */
  headers: string[];
  /**
   * Data rows, fully empty ones dropped. A CSV row may be SHORTER than headers (a cut-off file):
   * it is kept as it is so that validation can report it; it may also be longer (extra cells
   * have no header and are ignored). xlsx rows are padded, as Excel simply omits empty cells.
   */
  rows: Cell[][];
  /** Parallel to rows: the row number the organiser sees in Excel (header usually 1). */
  lines: number[];
  /**
   * xlsx only, parallel to rows: true where the cell was a number. Excel keeps 15 significant
   * digits and drops leading zeros, so a NIK or phone typed as a number is damaged.
   */
  numeric?: boolean[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": every .xlsx is a ZIP
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls

/**
 * Reads an uploaded participant list (CSV in any encoding/delimiter Excel writes, or .xlsx).
 * The format is decided by the content, not the name: people rename files freely.
 * Throws HadirError import_too_large / import_unreadable.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  checkImportSize(bytes.byteLength);

  if (startsWith(bytes, OLE_MAGIC)) {
    throw new HadirError('import_unreadable', `${fileName} is an old Excel 97-2003 (.xls) file; save it as .xlsx or CSV.`, {
      format: 'xls',
    });
  }

  let table: Table;
  if (startsWith(bytes, ZIP_MAGIC)) {
    checkRowCountBeforeParse(await countXlsxRows(bytes));
    const sheetRows = (await readXlsx(bytes, fileName))
      .map((r) => ({ ...r, cells: r.cells.map((c) => c.trim()) }))
      .filter((r) => !isEmptyRow(r.cells));
    const at = pickHeaderRow(sheetRows.map((r) => r.cells));
    const [header, ...data] = sheetRows.slice(at);
    const headers = header ? trimTrailingEmpty(header.cells) : [];
    table = {
      format: 'xlsx',
      headers,
      rows: data.map((r) => padTo(r.cells, headers.length, '')),
      lines: data.map((r) => r.row),
      numeric: data.map((r) => padTo(r.numeric, headers.length, false)),
    };
  } else {
    const { text, encoding } = decodeText(bytes);
    checkRowCountBeforeParse(countCsvRecords(text));
    const delimiter = detectDelimiter(text);
    const records = parseCsv(text, delimiter)
      .map((r) => ({ ...r, cells: r.cells.map((c) => c.trim()) }))
      .filter((r) => !isEmptyRow(r.cells));
    const at = pickHeaderRow(records.map((r) => r.cells));
    const [header, ...data] = records.slice(at);
    table = {
      format: 'csv',
      encoding,
      ...(delimiter ? { delimiter } : {}),
      headers: header ? trimTrailingEmpty(header.cells) : [],
      rows: data.map((r) => r.cells),
      lines: data.map((r) => r.row),
    };
  }

  if (table.headers.length === 0) {
    throw new HadirError('import_unreadable', `${fileName} is empty or has no header row.`, { empty: 1 });
  }
  // The exact check, on data rows as parsed (the early checks above count raw rows).
  checkRowCount(table.rows.length);
  return table;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Excel writes blank rows as ";;;;" and leaves formatted-but-empty rows: none of them are data. */
function isEmptyRow(cells: string[]): boolean {
  return cells.every((c) => c === '');
}

/** "Nama;HP;;;" happens when a column was formatted far to the right: those columns are nothing. */
function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

function padTo<T>(cells: T[], length: number, fill: T): T[] {
  return cells.length >= length ? cells : [...cells, ...Array<T>(length - cells.length).fill(fill)];
}
