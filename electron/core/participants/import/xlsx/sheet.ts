import { HadirError } from '../../../../shared/errors';
import { checkCellCount, MAX_CELL_CHARS, checkRowCount, MAX_IMPORT_ROWS } from '../limits';
import { HEADER_LOOK } from '../header-row';
import { attr, decodeXml, XmlScanner, type XmlHandler } from '../xml-scan';
import type { ZipEntry } from '../zip/directory';
import { inflateEntry, type InflateBudget } from '../zip/inflate';

/**
 * One worksheet row, kept sparse: only the cells that hold something, in column order. A row
 * with values in A, B and XFD is three cells, not 16,384 (the dense rows exceljs built for such
 * a sheet took 4.3 GB for 1,000 rows).
 */
export interface SparseRow {
  /** Row number as Excel shows it. */
  row: number;
  /** 0-based column indexes, ascending. */
  cols: number[];
  /** The text of each cell, or the index of a shared string not looked up yet. */
  values: (string | number)[];
  /** Where Excel stored a number (it may have eaten digits). */
  numeric: boolean[];
}

export interface SheetContent {
  rows: SparseRow[];
  /** Filled cells kept (the budget of merged-cell copies is counted on from here). */
  cells: number;
  /** Merged ranges, 0-based, inclusive: [firstRow, firstCol, lastRow, lastCol] with Excel row numbers. */
  merges: [number, number, number, number][];
}

export const MAX_COLUMN = 16_384; // XFD, Excel's last column
const MAX_ROW = 1_048_576;
/** Merges past this many are ignored: a participant list has a handful (a title, a regency block). */
const MAX_MERGES = 10_000;
/** Raw text kept per cell before decoding; a longer cell is cut (it is far past every field's limit). */
export const MAX_RAW = MAX_CELL_CHARS * 10;

/**
 * Reads a worksheet as it inflates, keeping only filled cells and refusing as soon as a bound is
 * passed: more filled cells than MAX_CELLS (import_too_large), or more rows than an import may
 * hold. Past the row limit it stops keeping cells and only counts rows, so the message can say
 * how many rows the file has.
 */
export async function readSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  dateStyles: boolean[],
  date1904: boolean,
): Promise<SheetContent> {
  const reader = new SheetReader(dateStyles, date1904, entry.name);
  const scanner = new XmlScanner(reader, entry.name);
  try {
    await inflateEntry(bytes, entry, budget, (c) => scanner.write(c));
    scanner.end();
  } catch (e) {
    // Past the row limit the rest of the sheet only matters for counting: refuse for the rows
    // counted so far rather than for damage further on.
    if (reader.overRows()) checkRowCount(reader.valueRows - 1);
    throw e;
  }
  if (reader.overRows()) checkRowCount(reader.valueRows - 1);
  return { rows: reader.rows, cells: reader.cells, merges: reader.merges };
}

class SheetReader implements XmlHandler {
  rows: SparseRow[] = [];
  cells = 0;
  merges: [number, number, number, number][] = [];
  /** Rows holding at least one filled cell, counted even past the limit. */
  valueRows = 0;

  private inSheetData = false;
  private row: SparseRow | null = null;
  private lastRow = 0;
  private lastCol = -1;
  // The cell being read.
  private col = -1;
  private type = '';
  private style = 0;
  private inCell = false;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private inPhonetic = false;
  private raw = '';

  constructor(
    private readonly dateStyles: boolean[],
    private readonly date1904: boolean,
    private readonly part: string,
  ) {}

  overRows(): boolean {
    return this.valueRows - HEADER_LOOK > MAX_IMPORT_ROWS;
  }

  open(name: string, tag: string): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      else if (name === 'mergeCell' && this.merges.length < MAX_MERGES) this.merge(attr(tag, 'ref'));
      return;
    }
    switch (name) {
      case 'row': {
        const r = attr(tag, 'r');
        const n = r === undefined ? this.lastRow + 1 : Number(r);
        if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw this.damaged(`row number "${r}"`);
        this.lastRow = n;
        this.lastCol = -1;
        this.row = { row: n, cols: [], values: [], numeric: [] };
        break;
      }
      case 'c': {
        // The attributes of every cell, read in one pass (the cell is the hot path of a big sheet).
        const { r, t, s: style } = cellAttrs(tag);
        this.col = r === undefined ? this.lastCol + 1 : columnOf(r);
        if (this.col < 0 || this.col >= MAX_COLUMN) throw this.damaged(`cell reference "${r}"`);
        this.lastCol = this.col;
        this.type = t ?? 'n';
        this.style = style === undefined ? 0 : Number(style);
        this.inCell = true;
        this.raw = '';
        break;
      }
      case 'v':
        this.inValue = this.inCell;
        break;
      case 'is':
        this.inInline = this.inCell;
        break;
      case 't':
        this.inText = this.inInline && !this.inPhonetic;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'sheetData':
        this.inSheetData = false;
        break;
      case 'row':
        if (this.row && this.row.cols.length > 0) {
          this.valueRows++;
          // Kept at their exact size: arrays grown by push hold about twice the slots they use
          // (41 for 20 cells), three per row, and 50,000 rows kept that slack to the end.
          const r = this.row;
          if (!this.overRows()) this.rows.push({ ...r, cols: r.cols.slice(), values: r.values.slice(), numeric: r.numeric.slice() });
        }
        this.row = null;
        break;
      case 'c':
        if (this.inCell) this.cell();
        this.inCell = false;
        break;
      case 'v':
        this.inValue = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 't':
        this.inText = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
    }
  }

  text(buf: string, start: number, end: number): void {
    if ((this.inValue || this.inText) && this.raw.length < MAX_RAW) this.raw += buf.slice(start, end);
  }

  /** The cell just closed: its text as the organiser sees it, kept only if it holds something. */
  private cell(): void {
    const row = this.row;
    if (!row || this.overRows()) {
      // Past the limit only whether the row has a value matters.
      if (row && row.cols.length === 0 && this.raw !== '') row.cols.push(this.col);
      return;
    }
    const raw = this.raw;
    let value: string | number;
    let numeric = false;
    switch (this.type) {
      case 's': {
        const index = Number(raw);
        if (raw === '' || !Number.isInteger(index) || index < 0) return;
        value = index;
        break;
      }
      case 'inlineStr':
        value = cut(unescapeOoxml(decodeXml(raw)));
        break;
      case 'str':
      case 'e':
        value = cut(decodeXml(raw));
        break;
      case 'b':
        if (raw === '') return;
        value = raw.trim() === '1' || raw.trim() === 'true' ? 'TRUE' : 'FALSE';
        break;
      case 'd':
        // An ISO date string (rare: written by some tools, never by Excel itself).
        value = detach(raw.trim().slice(0, 10));
        break;
      default: {
        if (raw.trim() === '') return;
        if (this.dateStyles[this.style]) value = excelDate(Number(raw), this.date1904);
        else {
          // Most numbers in a list are whole ones already written as String(Number()) writes them.
          value = plainInteger(raw) ? raw : formatNumber(Number(raw));
          numeric = true;
        }
      }
    }
    if (typeof value === 'string' && value.trim() === '') return;
    checkCellCount(++this.cells);
    const last = row.cols.length - 1;
    if (last < 0 || row.cols[last]! < this.col) {
      row.cols.push(this.col);
      row.values.push(value);
      row.numeric.push(numeric);
      return;
    }
    // Cells normally come in column order; a writer that does not keep it is put right here.
    let at = row.cols.length;
    while (at > 0 && row.cols[at - 1]! >= this.col) at--;
    if (row.cols[at] === this.col) {
      row.values[at] = value;
      row.numeric[at] = numeric;
      this.cells--;
    } else {
      row.cols.splice(at, 0, this.col);
      row.values.splice(at, 0, value);
      row.numeric.splice(at, 0, numeric);
    }
  }

  private merge(ref: string | undefined): void {
    const m = /^([A-Z]{1,3}\d{1,7}):([A-Z]{1,3}\d{1,7})$/i.exec(ref ?? '');
    if (!m) return;
    const [r1, c1] = cellRef(m[1]!);
    const [r2, c2] = cellRef(m[2]!);
    if (c1 < 0 || c2 < 0) return;
    this.merges.push([Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.min(Math.max(c1, c2), MAX_COLUMN - 1)]);
  }

  private damaged(what: string): HadirError {
    return new HadirError('import_unreadable', `The worksheet ${this.part} has an invalid ${what}.`, {
      reason: `${this.part}: ${what}`,
    });
  }
}

/** The attributes a cell's tag may carry that the reader uses. */
interface CellAttrs {
  r?: string;
  t?: string;
  s?: string;
}
const cellAttrsOut: CellAttrs = {};

/**
 * The r, t and s attributes of a raw `<c …>` tag (values undecoded: cell attributes never need
 * it). One object reused for every cell, read before the next: the cell is the hot path of a big
 * sheet, a million of them in the largest import.
 */
function cellAttrs(tag: string): CellAttrs {
  const out = cellAttrsOut;
  out.r = out.t = out.s = undefined;
  let i = 0;
  while (i < tag.length && !isSpace(tag.charCodeAt(i))) i++;
  while (i < tag.length) {
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(tag.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (isSpace(tag.charCodeAt(q))) q++;
    const quote = tag.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) break;
    const close = tag.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0) break;
    if (nameEnd - i === 1) {
      const name = tag.charCodeAt(i);
      if (name === 0x72 /* r */) out.r = tag.slice(q + 1, close);
      else if (name === 0x74 /* t */) out.t = tag.slice(q + 1, close);
      else if (name === 0x73 /* s */) out.s = tag.slice(q + 1, close);
    }
    i = close + 1;
  }
  return out;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** 0-based column of a reference such as "AB12"; -1 when it is not one. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 || i > 3 || !allDigits(ref, i) ? -1 : col - 1;
}

/** True when `s` from `from` on is one or more ASCII digits (a regex per cell cost more). */
function allDigits(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function cellRef(ref: string): [number, number] {
  const col = columnOf(ref);
  return [Number(/\d+$/.exec(ref)?.[0] ?? 0), col];
}

/** Cells are cut to this length: every field's limit is far below, so the row is reported too long anyway. */
export function cut(text: string): string {
  return detach(text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text);
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (exceljs decoded them the same way). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** A date-formatted serial as the calendar date typed (what exceljs's Date gave, ISO). */
function excelDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * Digits with no leading zero (or "0" alone), at most 15 of them: formatNumber(Number(raw)) would
 * give `raw` back unchanged, so the conversion both ways is skipped (a million cells in the largest
 * import, issue 21).
 */
export function plainInteger(raw: string): boolean {
  const n = raw.length;
  if (n === 0 || n > 15 || (n > 1 && raw.charCodeAt(0) === 0x30)) return false;
  return allDigits(raw, 0);
}

/**
 * Numbers as plain digits: never "8.12E+09" or "1e21", no grouping, no trailing ".0".
 * toLocaleString gives the shortest digits that round-trip, like String(), but without exponents.
 */
export function formatNumber(n: number): string {
  const plain = String(n);
  // String() already gives the shortest digits; it only needs help where it writes an exponent.
  // (A formatter is made once: toLocaleString with options builds one per call, ~50 µs a cell.)
  if (!plain.includes('e') || !Number.isFinite(n)) return plain;
  return DIGITS.format(n);
}

const DIGITS = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/**
 * A copy of a kept string that does not point into the chunk it was cut from. V8 makes a slice of
 * 13 characters or more a view of its parent: one kept cell would hold its whole 64 KB chunk of
 * XML alive, and a sheet's kept cells all of its XML.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}
