import { checkCellCount, checkColumnCount, MAX_COLUMNS } from './limits';

/** A CSV row kept sparse: the columns that hold something (ascending), their trimmed text. */
export interface SparseCsvRow {
  cols: number[];
  values: string[];
  /** How many cells the record had, empty ones included (a cut-off row has fewer). */
  width: number;
}

/**
 * Cells kept past the header's last column. Validation reads them to see a row shifted by a
 * stray delimiter (one or two cells); a value hundreds of columns further has no title to be
 * mapped to, and is left out as the xlsx reader leaves it out.
 */
export const EXTRA_COLUMNS = MAX_COLUMNS;

/**
 * The columns of the header's width that hold anything: a title or a value in some data row.
 * A column formatted far to the right, or left blank between two real ones, is not a column the
 * organiser means; dropping it lets a wide sheet with a few columns in use import, and keeps the
 * mapping (one entry per column) within what preview and commit both accept.
 * Refuses more than MAX_COLUMNS columns in use.
 */
export function usedColumns(header: { cols: number[] }, data: { cols: number[] }[], width: number): number[] {
  const filled = new Set<number>(header.cols);
  for (const r of data) {
    for (const c of r.cols) {
      if (c >= width) break;
      filled.add(c);
    }
  }
  const used = [...filled].sort((a, b) => a - b);
  checkColumnCount(used.length);
  return used;
}

/**
 * CSV rows made dense over the `used` columns only (a sorted list, all below `width`, the
 * header's width), so a row with values in A, B and column 16,384 is three cells, not 16,384.
 * A row that ends before the header's last column (a cut-off file) stays as short as it was, so
 * validation reports it; cells past the header's width are kept, up to EXTRA_COLUMNS of them.
 * The dense size is counted against the cell bound before anything is made, as for xlsx.
 * Empties `data` as it goes (each record is let go once its row is made).
 */
export function denseCsvRows(data: SparseCsvRow[], used: number[], width: number): string[][] {
  const shape = data.map((r) => {
    const last = r.cols[r.cols.length - 1] ?? -1;
    const length = Math.max(last + 1, Math.min(r.width, width));
    const inUsed = lowerBound(used, Math.min(length, width));
    // Up to the last value kept past the header: nothing is made for the ones left out.
    const lastKept = r.cols[lowerBound(r.cols, width + EXTRA_COLUMNS) - 1] ?? -1;
    const extra = lastKept >= width ? lastKept + 1 - width : 0;
    return { inUsed, extra };
  });
  checkCellCount(shape.reduce((sum, s) => sum + s.inUsed + s.extra, 0));
  const position = new Map(used.map((c, i) => [c, i]));
  return data.map((r, k) => {
    // Let go of each sparse record once its dense row is made: both whole at once was the peak.
    data[k] = undefined as never;
    const { inUsed, extra } = shape[k]!;
    const out = Array<string>(inUsed + extra).fill('');
    r.cols.forEach((c, i) => {
      if (c < width) {
        const p = position.get(c);
        if (p !== undefined && p < inUsed) out[p] = r.values[i]!;
      } else if (c < width + extra) out[inUsed + c - width] = r.values[i]!;
    });
    return out;
  });
}

/** The number of items of a sorted list below `value`. */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
