import { HadirError } from '../../../shared/errors';
import { checkCellCount, MAX_CELL_CHARS } from './limits';

/** The delimiters spreadsheet programs write: `,` (English), `;` (Indonesian/European Excel), tab ("Unicode text"). */
export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * One record (spreadsheet row) of a CSV file, kept sparse: only the cells that are not empty,
 * untrimmed, with their 0-based columns. Excel writes a delimiter for every column of the used
 * range: a whole upload of ";;;;" would otherwise be twenty million kept cells, and a sheet with
 * a value in column XFD 16,384 cells a row (1,200 such rows took 760 MB).
 */
export interface CsvRecord {
  /** 0-based columns of the cells that are not empty, ascending. */
  cols: number[];
  /** Their text, untrimmed. */
  values: string[];
  /** How many cells the record had, empty ones included (a cut-off row has fewer). */
  width: number;
  /** Row number as a spreadsheet shows it: a quoted newline does not start a new row. */
  row: number;
}

/**
 * Guesses the delimiter from the first records, counting candidates outside quotes.
 *
 * The header decides which candidates are possible (a delimiter the header does not contain would
 * only add columns no header describes). Among those, the one present most consistently on every
 * sampled record wins: Indonesian Excel writes `;` and does not quote a name like
 * "Yusuf Efendi, S.H.", so data lines contain stray commas, but not on every line.
 * Returns null for a single-column file: splitting it would only cut values apart.
 */
export function detectDelimiter(text: string): Delimiter | null {
  const sampleEnd = Math.min(text.length, 64 * 1024);
  const perRecord: Record<Delimiter, number>[] = [];
  let counts = { ',': 0, ';': 0, '\t': 0 };
  let content = false;
  let quoted = false;
  for (let i = 0; i < sampleEnd && perRecord.length < 10; i++) {
    const c = text[i]!;
    // A plain toggle is enough here: a doubled quote toggles twice and changes nothing.
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (content) perRecord.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
      content = false;
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) {
      // A record of delimiters only is a blank Excel row: still evidence of the delimiter.
      counts[c]++;
      content = true;
    } else if (c.trim() !== '') content = true;
  }
  // The last record counts only if the sample holds all of it.
  if (content && sampleEnd === text.length) perRecord.push(counts);
  const header = perRecord[0];
  if (!header) return null;

  let best: Delimiter | null = null;
  let bestMin = 0;
  for (const d of CANDIDATES) {
    if (header[d] === 0) continue;
    const min = Math.min(...perRecord.map((r) => r[d]));
    if (best === null || min > bestMin || (min === bestMin && header[d] > header[best])) {
      best = d;
      bestMin = min;
    }
  }
  return best;
}

/**
 * A small RFC 4180 parser: quoted fields may hold delimiters, doubled quotes and newlines;
 * records end with CRLF, LF or CR (old Mac Excel). Lenient where files typed by hand need it:
 * a quote inside an unquoted field is kept as text, spaces before an opening quote are allowed,
 * and text after a closing quote is kept. `delimiter` null means one column (nothing splits).
 *
 * An unterminated quote at the end of the file means the file was cut off (or a stray quote
 * swallowed the rest of it): we refuse rather than import a half-read file, and name the line
 * where the quoted field opened, counted in text lines as an editor shows them.
 *
 * Fields are cut out of the text as slices, never built a character at a time: a 10,000-character
 * cell built by `+=` is a chain of 10,000 string pieces, and a full-size file of such cells took
 * gigabytes. Filled fields are counted as they are found and refused past MAX_CELLS.
 */
export function parseCsv(text: string, delimiter: Delimiter | null): CsvRecord[] {
  const records: CsvRecord[] = [];
  const d = delimiter === null ? -1 : delimiter.charCodeAt(0);
  let cols: number[] = [];
  let values: string[] = [];
  let field = ''; // the current field, up to `from`
  let from = 0; // start of the unquoted stretch not yet added to `field`
  let filled = 0;
  let width = 0; // cells of the current record so far, empty ones included
  let line = 1; // text line of the current character
  let row = 1;

  const endField = (to: number) => {
    const f = from === to ? field : field + text.slice(from, to);
    if (f !== '') {
      checkCellCount(++filled);
      cols.push(width);
      values.push(f.length > MAX_CELL_CHARS ? f.slice(0, MAX_CELL_CHARS) : f);
    }
    width++;
    field = '';
  };
  const endRecord = () => {
    // Copied to their exact size: arrays grown by push hold twice the slots they use (41 for 20
    // cells), and 50,000 records kept that slack until the table was made.
    records.push({ cols: cols.slice(), values: values.slice(), width, row });
    cols.length = values.length = 0;
    width = 0;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === d) {
      endField(i);
      from = ++i;
    } else if (c === 0x0a || c === 0x0d) {
      endField(i);
      endRecord();
      row++;
      line++;
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      from = i;
    } else if (c === 0x22 && (field + text.slice(from, i)).trim() === '') {
      // An opening quote (spaces before it are dropped): read to the closing one.
      const quoteLine = line;
      field = '';
      let at = i + 1;
      for (;;) {
        const q = text.indexOf('"', at);
        if (q < 0) {
          throw new HadirError(
            'import_unreadable',
            `The file ends inside a quoted value that starts on line ${quoteLine}; it may be cut off.`,
            { quoteLine },
          );
        }
        line += newlines(text, at, q);
        if (field.length < MAX_CELL_CHARS) field += text.slice(at, q);
        if (text.charCodeAt(q + 1) === 0x22) {
          if (field.length < MAX_CELL_CHARS) field += '"';
          at = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text after the closing quote stays part of the field.
      from = i;
    } else i++;
  }
  // A last record without a line end (common, and typical of a cut-off file).
  if (from < n || field !== '' || width > 0) {
    endField(n);
    endRecord();
  }
  return records;
}

/** Line ends between two positions, as an editor counts them (CRLF is one). */
function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) count++;
  }
  return count;
}
