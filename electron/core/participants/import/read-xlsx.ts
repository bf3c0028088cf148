import ExcelJS from 'exceljs';
import { HadirError } from '../../../shared/errors';

/** One non-empty worksheet row, cells as text. */
export interface SheetRow {
  cells: string[];
  /** Parallel to cells: true where Excel stored a number (it may have eaten digits). */
  numeric: boolean[];
  /** Row number as Excel shows it. */
  row: number;
}

/**
 * Reads the first worksheet that holds anything (workbooks often start with an empty "Sheet1"
 * or end with one) and turns every cell into the text the organiser sees.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type that Node's Buffer does not satisfy; it is one at runtime.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    // A ZIP that is not a workbook (.ods, .docx) or a damaged/cut-off download.
    throw new HadirError('import_unreadable', `${fileName} is not a readable Excel workbook.`, {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return [];

  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const numeric: boolean[] = [];
    // cellCount is the last used column of this row; empty cells in between come back as null.
    for (let c = 1; c <= row.cellCount; c++) {
      const { text, isNumber } = cellText(row.getCell(c).value);
      cells.push(text);
      numeric.push(isNumber);
    }
    rows.push({ cells, numeric, row: rowNumber });
  });
  return rows;
}

/**
 * The text of a cell value. exceljs hands back numbers, dates, rich text runs, formulas with
 * their cached result, hyperlinks and error values; we want what Excel displays, minus formatting.
 */
export function cellText(value: unknown): { text: string; isNumber: boolean } {
  if (value === null || value === undefined) return { text: '', isNumber: false };
  if (typeof value === 'number') return { text: formatNumber(value), isNumber: true };
  if (typeof value === 'string') return { text: value, isNumber: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', isNumber: false };
  if (value instanceof Date) {
    // exceljs turns date-formatted serials into UTC Dates; the calendar date is what was typed.
    return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), isNumber: false };
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return { text: v.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join(''), isNumber: false };
    }
    // Formulas: take the result Excel cached when it saved (we never evaluate). A formula that
    // yields a number has the same precision loss as a typed number, so it keeps isNumber.
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    // Hyperlinks: the displayed text, which may itself be rich text.
    if ('hyperlink' in v) return cellText(v.text);
    if (typeof v.error === 'string') return { text: v.error, isNumber: false };
  }
  return { text: String(value), isNumber: false };
}

/**
 * Numbers as plain digits: never "8.12E+09" or "1e21", no grouping, no trailing ".0".
 * toLocaleString gives the shortest digits that round-trip, like String(), but without exponents.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
