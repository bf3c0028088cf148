import { HadirError } from '../../../shared/errors';
import { decodeText, type TextEncodingName } from './decode-text';
import { countCsvRecords } from './count-rows';
import { checkCellCount, checkColumnCount, checkImportSize, checkRowCount, checkRowCountBeforeParse } from './limits';
import { detectDelimiter, parseCsv, type Delimiter } from './parse-csv';
import { HEADER_LOOK, pickHeaderRow } from './header-row';
import { readXlsx, type SparseRow } from './read-xlsx';
import { cellText } from './xlsx/sheet';
import { denseCsvRows, usedColumns } from './used-columns';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_COLUMNS, MAX_CELLS } from './limits';

/** A cell as the organiser sees it: text, trimmed. Numbers and dates are already formatted. */
export type Cell = string;

/** A spreadsheet reduced to a header row and text rows, whatever file it came from. */
export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding?: TextEncodingName;
  /** CSV only; absent for a single-column CSV, where there is nothing to split. */
  delimiter?: Delimiter;
  /**
   * Header texts, trimmed; trailing empty headers are dropped, and so is any column with neither
   * a title nor a value (a wide sheet with a few columns in use has a few columns here).
   */
  headers: string[];
  /**
   * Data rows, fully empty ones dropped. A CSV row may be SHORTER than headers (a cut-off file):
   * it is kept as it is so that validation can report it; it may also be longer (extra cells
   * have no header and are not imported, but validation sees a row shifted by a stray delimiter;
   * at most EXTRA_COLUMNS are kept). xlsx rows are exactly as wide as the header: Excel omits
   * empty cells, and values past the last titled column are left out.
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
    table = xlsxTable(await readXlsx(bytes));
  } else {
    const { text, encoding } = decodeText(bytes);
    checkRowCountBeforeParse(countCsvRecords(text));
    const delimiter = detectDelimiter(text);
    const records = parseCsv(text, delimiter).filter((r) => {
      // Trimmed in place, and cells left empty dropped: a second copy of every row is what a big
      // file cannot afford.
      let kept = 0;
      for (let i = 0; i < r.values.length; i++) {
        const v = r.values[i]!.trim();
        if (v === '') continue;
        r.cols[kept] = r.cols[i]!;
        r.values[kept++] = v;
      }
      r.cols.length = r.values.length = kept;
      // Excel writes blank rows as ";;;;" and leaves formatted-but-empty rows: none of them are data.
      return kept > 0;
    });
    const at = pickHeaderRow(records.slice(0, HEADER_LOOK).map((r) => r.values));
    const [header, ...data] = records.slice(at);
    records.length = 0; // `data` holds them now, and lets each go as it is made dense
    // "Nama;HP;;;" happens when a column was formatted far to the right: those columns are nothing.
    const width = header ? header.cols[header.cols.length - 1]! + 1 : 0;
    const used = header ? usedColumns(header, data, width) : [];
    const position = new Map(used.map((c, i) => [c, i]));
    const headers = Array<string>(used.length).fill('');
    header?.cols.forEach((c, i) => (headers[position.get(c)!] = header.values[i]!));
    const lines = data.map((r) => r.row);
    table = {
      format: 'csv',
      encoding,
      ...(delimiter ? { delimiter } : {}),
      headers,
      rows: denseCsvRows(data, used, width),
      lines,
    };
  }

  if (table.headers.length === 0) {
    throw new HadirError('import_unreadable', `${fileName} is empty or has no header row.`, { empty: 1 });
  }
  // The exact check, on data rows as parsed (the early checks above count raw rows).
  checkRowCount(table.rows.length);
  return table;
}

/**
 * The sheet's rows made dense over the columns in use only: a header in A, B and XFD is three
 * columns, not 16,384. Rows are as wide as the header (Excel omits empty cells); values past the
 * header's last column have no title to map them to and are left out.
 */
function xlsxTable(sheet: SparseRow[]): Table {
  // Trimmed in place, cells left empty dropped, as for CSV: a second set of arrays per row (and
  // the sheet's kept alongside) was the peak of a 50,000-row import (issue 21).
  const rows = sheet.filter((r) => {
    let kept = 0;
    for (let i = 0; i < r.values.length; i++) {
      const value = r.values[i]!;
      // A number is never blank; it is written out below, a row at a time (cellText).
      const v = typeof value === 'number' ? value : value.trim();
      if (v === '') continue;
      r.cols[kept] = r.cols[i]!;
      r.numeric[kept] = r.numeric[i]!;
      r.values[kept++] = v;
    }
    r.cols.length = r.values.length = r.numeric.length = kept;
    return kept > 0;
  });
  sheet.length = 0; // `rows` holds them now, and lets each go as its dense row is made
  const at = pickHeaderRow(rows.slice(0, HEADER_LOOK).map((r) => r.values.map(cellText)));
  const [header, ...data] = rows.slice(at);
  rows.length = 0;
  if (!header) return { format: 'xlsx', headers: [], rows: [], lines: [], numeric: [] };
  const width = header.cols[header.cols.length - 1]! + 1;
  // Each column's place in a dense row (-1: nothing in it), by column: Excel's 16,384 columns at
  // most. A Set of the filled ones and a Map of places were asked a million times each for the
  // largest import (issue 21).
  const position = new Int32Array(width).fill(-1);
  for (const c of header.cols) position[c] = 0;
  for (const r of data) for (const c of r.cols) if (c < width) position[c] = 0;
  let used = 0;
  for (let c = 0; c < width; c++) if (position[c] === 0) position[c] = used++;
  checkColumnCount(used);
  // Dense rows cost a slot per column in use: bounded like the filled cells.
  checkCellCount(data.length * used);
  const dense = <T>(r: SparseRow, pick: (i: number) => T, blank: T): T[] => {
    const out = Array<T>(used).fill(blank);
    for (let i = 0; i < r.cols.length; i++) {
      const c = r.cols[i]!;
      if (c < width) out[position[c]!] = pick(i);
    }
    return out;
  };
  const lines = data.map((r) => r.row);
  const numeric: boolean[][] = [];
  const cells = data.map((r, k) => {
    data[k] = undefined as never;
    numeric.push(dense(r, (i) => r.numeric[i]!, false));
    return dense(r, (i) => cellText(r.values[i]!), '');
  });
  return {
    format: 'xlsx',
    headers: dense(header, (i) => cellText(header.values[i]!), ''),
    rows: cells,
    lines,
    numeric,
  };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
