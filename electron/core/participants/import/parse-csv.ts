import { HadirError } from '../../../shared/errors';

/** The delimiters spreadsheet programs write: `,` (English), `;` (Indonesian/European Excel), tab ("Unicode text"). */
export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/** One record (spreadsheet row) of a CSV file; cells are untrimmed. */
export interface CsvRecord {
  cells: string[];
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
 */
export function parseCsv(text: string, delimiter: Delimiter | null): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1; // text line of the current character
  let quoteLine = 0; // text line where the open quoted field started
  let row = 1;

  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      field += c;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ cells, row });
      cells = [];
      field = '';
      row++;
      line++;
    } else field += c;
  }
  if (quoted) {
    throw new HadirError(
      'import_unreadable',
      `The file ends inside a quoted value that starts on line ${quoteLine}; it may be cut off.`,
      { quoteLine },
    );
  }
  // A last record without a line end (common, and typical of a cut-off file).
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    records.push({ cells, row });
  }
  return records;
}
