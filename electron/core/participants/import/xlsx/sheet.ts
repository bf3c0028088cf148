import { HadirError } from '../../../../shared/errors';
import { checkCellCount, MAX_CELL_CHARS, checkRowCount, MAX_IMPORT_ROWS } from '../limits';
import { HEADER_LOOK } from '../header-row';
import { attr, decodeXml, tagEnd, XmlScanner, type XmlHandler } from '../xml-scan';
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
  /**
   * Each cell's text; a number where Excel stored one (numeric), written out by cellText; before
   * the shared strings are looked up (read-xlsx.ts), the index of a shared string where not numeric.
   */
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
  /** false: the scanner reads every tag (SheetReader.skim off), the reference the skim is tested against. */
  skim = true,
): Promise<SheetContent> {
  const reader = new SheetReader(dateStyles, date1904, entry.name);
  if (!skim) reader.skim = undefined;
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
        const a = cellAttrs(tag, nameEnd(tag, 0, tag.length), tag.length);
        const col = this.columnAfter(a, tag);
        if (col < 0) throw this.damaged(`cell reference "${a.r0 < 0 ? undefined : tag.slice(a.r0, a.r1)}"`);
        this.startCell(col, a.t, a.s);
        this.inCell = true;
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
          if (!this.overRows())
            this.rows.push({ ...r, cols: r.cols.slice(), values: r.values.slice(), numeric: r.numeric.slice() });
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
          // Kept as a number and written out (cellText) when the table is made, a row at a time:
          // a string per cell held the whole sheet's numbers as text while it was read (a fifth of
          // the largest import's peak, issue 21).
          value = Number(raw);
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

  /**
   * The shapes nearly every row of a sheet takes, read straight from the text: `<row …>`, cells
   * written `<c …/>`, `<c …></c>`, `<c …><v>…</v></c>` or `<c …><is><t>…</t></is></c>`, and
   * `</row>`. Each goes through the same steps the scanner's events lead to (open, startCell,
   * cell, close), so what is kept is what the scanner would keep. Anything else (a formula, rich
   * text, a phonetic guide, a comment, a prefix, spaces inside a cell, a cell cut by the chunk's
   * end) stops the skim at its start, and the scanner reads it (XmlHandler.skim). The scanner
   * made several strings and calls per tag, five tags a cell: the largest import's million cells
   * took ~0.6 s of the worker's time before its first row could be written (issue 21).
   */
  skim?(buf: string, at: number): number {
    if (!this.inSheetData || this.inCell || this.inPhonetic) return at;
    let i = at;
    for (;;) {
      let j = i;
      while (isSpace(buf.charCodeAt(j))) j++; // text between tags is never kept here
      if (buf.charCodeAt(j) !== 0x3c /* < */) return i;
      if (this.row === null) {
        if (!startsTag(buf, j, '<row')) return j;
        const end = tagEnd(buf, j + 4);
        if (end < 0) return j;
        this.open('row', buf.slice(j + 1, end - 1));
        if (buf.charCodeAt(end - 2) === 0x2f /* / */) this.close('row');
        i = end;
      } else if (startsTag(buf, j, '<c')) {
        const end = this.skimCell(buf, j);
        if (end < 0) return j;
        i = end;
      } else if (buf.startsWith('</row>', j)) {
        this.close('row');
        i = j + 6;
      } else return j;
    }
  }

  /** One cell of a shape skim reads, from its `<c` at `p`: the index past it, or -1 (nothing done). */
  private skimCell(buf: string, p: number): number {
    const open = tagEnd(buf, p + 2);
    if (open < 0) return -1;
    const gt = open - 1;
    const a = cellAttrs(buf, nameEnd(buf, p + 1, gt), gt);
    const col = this.columnAfter(a, buf);
    if (col < 0) return -1; // the scanner reports it
    let raw = '';
    let end: number;
    if (buf.charCodeAt(gt - 1) === 0x2f /* <c …/> */) end = open;
    else if (buf.startsWith('</c>', open)) end = open + 4;
    else if (buf.startsWith('<v>', open)) {
      const lt = buf.indexOf('<', open + 3);
      if (lt < 0 || !buf.startsWith('</v></c>', lt)) return -1;
      raw = buf.slice(open + 3, lt);
      end = lt + 8;
      this.inValue = false;
    } else if (startsTag(buf, open, '<is><t')) {
      const text = tagEnd(buf, open + 6);
      if (text < 0) return -1;
      // (An empty <t/> is followed by </is>, not </t>: left to the scanner.)
      const lt = buf.indexOf('<', text);
      if (lt < 0 || !buf.startsWith('</t></is></c>', lt)) return -1;
      raw = buf.slice(text, lt);
      end = lt + 13;
      this.inInline = this.inText = false;
    } else return -1;
    this.startCell(col, a.t, a.s);
    this.raw = raw;
    this.cell();
    return end;
  }

  /** The column of the cell whose attributes are `a` (read from `src`), or -1 for a bad reference. */
  private columnAfter(a: CellAttrs, src: string): number {
    const col = a.r0 < 0 ? this.lastCol + 1 : columnAt(src, a.r0, a.r1);
    return col < 0 || col >= MAX_COLUMN ? -1 : col;
  }

  private startCell(col: number, type: string | undefined, style: string | undefined): void {
    this.col = this.lastCol = col;
    this.type = type ?? 'n';
    this.style = style === undefined ? 0 : Number(style);
    this.raw = '';
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

/** Where a cell tag's r attribute is (r0 < 0: none), and its t and s (values undecoded: cell attributes never need it). */
interface CellAttrs {
  r0: number;
  r1: number;
  t?: string;
  s?: string;
}
const cellAttrsOut: CellAttrs = { r0: -1, r1: -1 };

/**
 * The r, t and s attributes of a cell tag, read between `from` (past the element's name) and `to`
 * (its `>`) of `src`: the tag alone, or the sheet's text in place (skim). One object reused for
 * every cell, read before the next: the cell is the hot path of a big sheet, a million of them
 * in the largest import.
 */
function cellAttrs(src: string, from: number, to: number): CellAttrs {
  const out = cellAttrsOut;
  out.r0 = out.r1 = -1;
  out.t = out.s = undefined;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(src.charCodeAt(i))) i++;
    const eq = src.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(src.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (isSpace(src.charCodeAt(q))) q++;
    const quote = src.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) break;
    const close = src.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0 || close >= to) break;
    if (nameEnd - i === 1) {
      const name = src.charCodeAt(i);
      if (name === 0x72 /* r */) {
        out.r0 = q + 1;
        out.r1 = close;
      } else if (name === 0x74 /* t */) out.t = src.slice(q + 1, close);
      else if (name === 0x73 /* s */) out.s = src.slice(q + 1, close);
    }
    i = close + 1;
  }
  return out;
}

/** Index past an element's name that starts at `from` (it ends at a space). */
function nameEnd(src: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isSpace(src.charCodeAt(i))) i++;
  return i;
}

/** `src` has the tag `open` (such as `<c`) at `at`, its name ending there: `<c` is not `<col`. */
function startsTag(src: string, at: number, open: string): boolean {
  if (!src.startsWith(open, at)) return false;
  const c = src.charCodeAt(at + open.length);
  return c === 0x3e /* > */ || c === 0x2f /* / */ || isSpace(c);
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** 0-based column of a reference such as "AB12"; -1 when it is not one. */
export function columnOf(ref: string): number {
  return columnAt(ref, 0, ref.length);
}

/** columnOf for the reference between `from` and `to` of `src`, read in place. */
function columnAt(src: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to && i < from + 4; i++) {
    const c = src.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  const letters = i - from;
  return letters === 0 || letters > 3 || !allDigits(src, i, to) ? -1 : col - 1;
}

/** True when `s` from `from` to `to` is one or more ASCII digits (a regex per cell cost more). */
function allDigits(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
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

/** A cell of a read sheet (SparseRow.values, shared strings looked up) as the organiser sees it. */
export function cellText(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
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
