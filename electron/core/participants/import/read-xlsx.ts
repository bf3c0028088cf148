import { HadirError } from '../../../shared/errors';
import { checkCellCount, checkInflatedSize, MAX_INFLATED_BYTES } from './limits';
import { readSheet, type SheetContent, type SparseRow } from './xlsx/sheet';
import { sharedStrings } from './xlsx/shared-strings';
import { dateStyles } from './xlsx/styles';
import { workbookParts } from './xlsx/workbook';
import { readZipDirectory } from './zip/directory';
import type { InflateBudget } from './zip/inflate';

export type { SparseRow } from './xlsx/sheet';

/**
 * Reads the first worksheet that holds anything (workbooks often start with an empty "Sheet1"
 * or end with one), every cell as the text the organiser sees (numbers as numbers until the
 * table is made: cellText), rows kept sparse.
 *
 * The workbook is read by hand rather than by exceljs: exceljs inflates every part whole and
 * builds an object per cell up to each row's last column, so a 130 KB sheet with one value in
 * column XFD took gigabytes. Here the ZIP directory is read first (sizes as declared, zip64
 * included), each part is inflated as a stream against a budget that stops at MAX_INFLATED_BYTES
 * of real output, and the sheet is read as it inflates, keeping only filled cells and refusing
 * past MAX_CELLS. Numbers, dates, booleans, errors, rich and inline text and formula results read
 * as exceljs read them; merged cells repeat their first cell's value, as exceljs did, but only
 * into rows that hold a value of their own.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SparseRow[]> {
  const entries = readZipDirectory(bytes);
  checkInflatedSize(entries.reduce((sum, e) => sum + e.size, 0));
  const budget: InflateBudget = { remaining: MAX_INFLATED_BYTES, limit: MAX_INFLATED_BYTES };
  const parts = await workbookParts(bytes, entries, budget);
  if (parts.sheets.length === 0) {
    throw new HadirError('import_unreadable', 'The file is a ZIP but not an Excel workbook.', { reason: 'no worksheet' });
  }
  const styles = await dateStyles(bytes, parts.styles, budget);
  let sheet: SheetContent | null = null;
  for (const entry of parts.sheets) {
    sheet = await readSheet(bytes, entry, budget, styles, parts.date1904);
    if (sheet.rows.length > 0) break;
  }
  if (!sheet || sheet.rows.length === 0) return [];

  const wanted = new Set<number>();
  for (const r of sheet.rows) r.values.forEach((v, i) => typeof v === 'number' && !r.numeric[i] && wanted.add(v));
  const strings = await sharedStrings(bytes, parts.sharedStrings, budget, wanted);
  for (const r of sheet.rows) {
    for (let i = 0; i < r.values.length; i++) {
      const v = r.values[i]!;
      if (typeof v === 'number' && !r.numeric[i]) r.values[i] = strings.get(v) ?? '';
    }
  }
  applyMerges(sheet);
  return sheet.rows;
}

/**
 * A merged range shows its first cell's value across the range: a regency merged down a block of
 * rows belongs to each of them. Copies go only into rows that have a value of their own (a
 * merge cannot create rows) and count against the cell budget like any other cell.
 */
function applyMerges(sheet: SheetContent): void {
  if (sheet.merges.length === 0) return;
  const byRow = new Map<number, SparseRow>();
  for (const r of sheet.rows) if (!byRow.has(r.row)) byRow.set(r.row, r);
  const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
  let cells = sheet.cells;
  // Every cell a merge covers counts, filled or not: the same wide range listed 10,000 times
  // must not mean billions of steps.
  let visits = 0;
  for (const [r1, c1, r2, c2] of sheet.merges) {
    const master = byRow.get(r1);
    const at = master ? master.cols.indexOf(c1) : -1;
    if (!master || at < 0) continue;
    const value = master.values[at]!;
    const numeric = master.numeric[at]!;
    const first = lowerBound(rowNumbers, r1);
    const last = lowerBound(rowNumbers, r2 + 1);
    // Checked before any copy is made: once filled, the range alone holds this many cells.
    checkCellCount((visits += (last - first) * (c2 - c1 + 1)));
    for (let k = first; k < last; k++) {
      const row = byRow.get(rowNumbers[k]!)!;
      for (let c = c1; c <= c2; c++) {
        const i = lowerBound(row.cols, c);
        if (row.cols[i] === c) continue;
        checkCellCount(++cells);
        row.cols.splice(i, 0, c);
        row.values.splice(i, 0, value);
        row.numeric.splice(i, 0, numeric);
      }
    }
  }
  sheet.cells = cells;
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
