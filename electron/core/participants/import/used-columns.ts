import { checkColumnCount } from './limits';

/**
 * The columns of the header's width that hold anything: a title or a value in some data row.
 * A column formatted far to the right, or left blank between two real ones, is not a column the
 * organiser means; dropping it lets a wide sheet with a few columns in use import, and keeps the
 * mapping (one entry per column) within what preview and commit both accept.
 * Refuses more than MAX_COLUMNS columns in use.
 */
export function usedColumns(headers: string[], filled: (col: number) => boolean): number[] {
  const used: number[] = [];
  for (let c = 0; c < headers.length; c++) if (headers[c] !== '' || filled(c)) used.push(c);
  checkColumnCount(used.length);
  return used;
}

/**
 * Drops the columns that are not `used` (a sorted list) from a row of the header's width.
 * Cells past the header's width are kept as they are: validation reads them (shifted rows).
 */
export function keepColumns<T>(cells: T[], used: number[], width: number): T[] {
  if (used.length === width) return cells;
  const out = used.filter((c) => c < cells.length).map((c) => cells[c]!);
  for (let c = width; c < cells.length; c++) out.push(cells[c]!);
  return out;
}
