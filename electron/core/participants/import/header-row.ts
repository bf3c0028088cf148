import { guessMapping } from './guess-mapping';

/** How far down a title block may push the header row. */
export const HEADER_LOOK = 10;

/**
 * Which of the first rows is the header. Government spreadsheets often open with a title block
 * ("DAFTAR PESERTA …", merged across the columns, which exceljs repeats in every cell, then a
 * blank line). The header is the first row with a recognisable name column; failing that, the
 * first row with at least two different values; failing that, the first row.
 */
export function pickHeaderRow(rows: string[][]): number {
  const head = rows.slice(0, HEADER_LOOK);
  const named = head.findIndex((r) => guessMapping(r).includes('name'));
  if (named >= 0) return named;
  const varied = head.findIndex((r) => new Set(r.filter((c) => c !== '')).size >= 2);
  return varied >= 0 ? varied : 0;
}
