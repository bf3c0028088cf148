import { hasVisibleChar } from '../../../shared/visible-text';
import { CELL_CONTROL_CHARS, showControls } from '../../../shared/text';
import { isEmail, isNik, isPhone, normaliseNik, normalisePhone } from '../../../shared/normalise';
import { MAX_LENGTH, type Field } from '../../../shared/participant';
import { isAccountNo, isNip, isNpwp, normaliseAccountNo, normaliseBirthDate, normaliseDigits } from '../../../shared/paperwork-fields';
import { unneutralise } from '../csv';
import { Matcher, nameKeyOf } from '../matcher';
import { normaliseKey } from './normalise-key';
import type { Table } from './read-table';
import { MAX_LISTED_PROBLEMS } from './report';

export { normaliseKey } from './normalise-key';

export type Values = { [K in Field]: string | null };

export interface ImportRow {
  /** Row number as the organiser sees it in Excel (header = 1), to point them at the row. */
  line: number;
  /**
   * Cleaned values; name is non-null when the row is valid. A field with an error keeps the
   * text as typed (trimmed), so the preview can show what is wrong.
   */
  values: Values;
  valid: boolean;
}

export const PROBLEM_CODES = [
  'empty_name',
  'duplicate_row',
  'unknown_role',
  'bad_phone',
  'bad_email',
  'bad_gender',
  'bad_nik',
  'nik_as_number',
  'formula',
  'too_long',
  'short_row',
  'long_row',
  'control_char',
  'invisible_name',
  'bad_nip',
  'bad_birth_date',
  'bad_npwp',
  'bad_account',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  line: number;
  /** Header text as in the file ('' when the field has no column, e.g. no name column mapped). */
  column: string;
  field: Field | null;
  code: ProblemCode;
  /** The offending text as typed, trimmed. */
  value: string;
}

/**
 * Warnings leave the row valid. None of the codes is one today: `formula` was, and a name like
 * "=HYPERLINK(…)" then imported with a note nobody read and sorted first in the list. It is an
 * error the organiser can skip (skipInvalid) or override (`allowFormulas`: the text is imported
 * as it is and neutralised when exported). nik_as_number is an error too: that NIK has lost
 * digits and must be fixed at the source.
 */
export function isWarning(code: ProblemCode, opts: { allowFormulas?: boolean } = {}): boolean {
  return code === 'formula' && opts.allowFormulas === true;
}

export const GENDERS: Record<string, 'L' | 'P'> = {
  l: 'L',
  lk: 'L',
  'laki laki': 'L',
  lakilaki: 'L',
  pria: 'L',
  m: 'L',
  male: 'L',
  p: 'P',
  pr: 'P',
  perempuan: 'P',
  wanita: 'P',
  f: 'P',
  female: 'P',
};

/** English role names from international events, mapped onto the default Indonesian roles. */
const ROLE_SYNONYMS: Record<string, string> = {
  participant: 'Peserta',
  speaker: 'Narasumber',
  'resource person': 'Narasumber',
  committee: 'Panitia',
  staff: 'Panitia',
};

/**
 * What a spreadsheet would execute when the exported file is opened again (CSV injection):
 * "=..." always; "+", "-", "@" only before a letter or "(", so "+62 812..." and "-" are plain text.
 */
const FORMULA = /^(?:=.|[+\-@][\p{L}(])/u;

type Outcome = { value: string | null; code?: ProblemCode };

/**
 * Cleans and checks every row of a table under the organiser's column mapping.
 * `roles` are the event's roles; roles[0] is given to rows without one.
 * `letGoOfCells` empties each row of `table` once it is checked, unless the report may show it.
 */
export function validateRows(
  table: Table,
  mapping: (Field | null)[],
  roles: string[],
  opts: { allowFormulas?: boolean; letGoOfCells?: boolean } = {},
): { rows: ImportRow[]; problems: Problem[] } {
  const validator = rowValidator(table, mapping, roles, opts);
  const rows: ImportRow[] = [];
  for (let i = 0; i < table.rows.length; i++) rows.push(validator.row(i));
  return { rows, problems: validator.problems };
}

/** Checks the rows of a table one at a time, in file order (rowValidator). */
export interface RowValidator {
  /** Checks row `i`; rows must be asked for in order, each once (a later copy is the duplicate). */
  row(i: number): ImportRow;
  /** Every problem found so far, in file order. */
  readonly problems: Problem[];
}

/**
 * validateRows a row at a time: the import's worker checks a part of the rows and sends it to
 * the write while it checks the next (read-import-kind.ts), instead of checking the whole file
 * first. The checks that look at the whole file (the usual width of a CSV row) are made here,
 * before the first row; a duplicate is the later copy, so rows go in file order.
 */
export function rowValidator(
  table: Table,
  mapping: (Field | null)[],
  roles: string[],
  opts: { allowFormulas?: boolean; letGoOfCells?: boolean } = {},
): RowValidator {
  // The column of each mapped field; if a field is mapped twice, the first column wins.
  const columns: { field: Field; col: number }[] = [];
  mapping.forEach((field, col) => {
    if (field && col < table.headers.length && !columns.some((c) => c.field === field)) columns.push({ field, col });
  });
  const columnOf = (field: Field) => columns.find((c) => c.field === field)?.col;
  // Every column asked about is within the header (mapped columns are kept to it above; a short
  // row's first missing cell is one the header has): no fallback for a header that is not there.
  const headerAt = (col: number) => table.headers[col]!;
  const headerOf = (field: Field) => {
    const col = columnOf(field);
    return col === undefined ? '' : headerAt(col);
  };

  const problems: Problem[] = [];
  const inFile = new Matcher([]);
  const usualWidth = table.format === 'csv' ? typicalWidth(table) : Infinity;
  let errorRows = 0;
  let warningRows = 0;

  const row = (i: number): ImportRow => {
    const cells = table.rows[i]!;
    const line = table.lines[i] ?? i + 2;
    const found: Problem[] = [];

    // A short row is what a cut-off file leaves; the cells it does have are still checked.
    if (cells.length < table.headers.length) {
      const col = cells.length;
      found.push({ line, column: headerAt(col), field: mapping[col] ?? null, code: 'short_row', value: '' });
    }

    // More cells than the file's rows usually have: an unquoted "Yusuf Efendi, S.H." in a
    // comma-separated file splits the name and shifts every later column one to the right.
    // The value shows the row as it was split, so the organiser sees where the stray comma is.
    if (filledWidth(cells) > usualWidth) {
      const split = cells
        .slice(0, filledWidth(cells))
        .map((c) => c.trim())
        .join(' | ');
      found.push({
        line,
        column: '',
        field: null,
        code: 'long_row',
        value: split.length > 160 ? `${split.slice(0, 159)}…` : split,
      });
    }

    // A literal of one shape, not a spread of blankFields(): two objects fewer per row.
    const values: Values = {
      externalId: null,
      name: null,
      gender: null,
      regency: null,
      district: null,
      institution: null,
      nik: null,
      phone: null,
      email: null,
      nip: null,
      birthPlace: null,
      birthDate: null,
      rank: null,
      position: null,
      npwp: null,
      bank: null,
      accountNo: null,
      role: roles[0] ?? null,
    };
    for (const { field, col } of columns) {
      // NFC so that "é" typed on a Mac (e + combining accent) equals the one typed on Windows.
      const raw = unneutralise((cells[col] ?? '').trim().normalize('NFC'));
      // NUL and other control characters (tabs and line breaks aside, which become spaces) are
      // never text a person typed: refused, with the cell named, rather than stored and exported.
      if (CELL_CONTROL_CHARS.test(raw)) {
        values[field] = raw.replace(new RegExp(CELL_CONTROL_CHARS.source, 'g'), '') || null;
        found.push({ line, column: headerAt(col), field, code: 'control_char', value: showControls(raw) });
        continue;
      }
      const outcome = clean(field, raw, table.numeric?.[i]?.[col] === true, roles);
      values[field] = outcome.value;
      if (outcome.code) found.push({ line, column: headerAt(col), field, code: outcome.code, value: raw });
    }

    if (values.name === null) {
      found.push({ line, column: headerOf('name'), field: 'name', code: 'empty_name', value: '' });
    } else if (!hasVisibleChar(values.name)) {
      // Only zero-width spaces, U+3164 and the like: it would print blank. Shown by code point.
      const shown = [...values.name].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      found.push({ line, column: headerOf('name'), field: 'name', code: 'invisible_name', value: shown });
    } else {
      // The later copy is the problem: the first occurrence is imported.
      const nameKey = nameKeyOf(values);
      // A match is made on a field this row has: its value is never null here.
      const same = inFile.match(values, nameKey);
      if (same) {
        found.push({ line, column: headerOf(same.by), field: same.by, code: 'duplicate_row', value: values[same.by]! });
      } else {
        // Stryker disable next-line BooleanLiteral: Matcher never reads `deleted` (the importer does, on stored rows).
        inFile.add({ id: line, externalId: values.externalId, nik: values.nik, nameKey, deleted: false });
      }
    }

    problems.push(...found);
    if (opts.letGoOfCells) {
      // Only a listed problem's row is shown again (row-context.ts), and the report lists the
      // first MAX_LISTED_PROBLEMS errors, else warnings, by line: every such row is among the
      // first MAX_LISTED_PROBLEMS rows with an error or with a warning. The rest are let go
      // here, as they are read, instead of the whole table being held beside its rows.
      const error = found.some((p) => !isWarning(p.code, opts));
      const warning = found.some((p) => isWarning(p.code, opts));
      const shown = (error && ++errorRows <= MAX_LISTED_PROBLEMS) || (warning && ++warningRows <= MAX_LISTED_PROBLEMS);
      if (!shown) {
        table.rows[i] = undefined as never;
        if (table.numeric) table.numeric[i] = undefined as never;
      }
    }
    return { line, values, valid: found.every((p) => isWarning(p.code, opts)) };
  };
  return { row, problems };
}

/** Cells up to the last one that is not empty. */
function filledWidth(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  return n;
}

/**
 * How many cells a CSV row may fill: the header's width, or more if most rows fill more (a
 * column of notes the organiser left without a title is data, not a shifted row).
 */
function typicalWidth(table: Table): number {
  const counts = new Map<number, number>();
  for (const cells of table.rows) {
    const w = filledWidth(cells);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // A width most rows fill; Math.max keeps the header's when it is narrower.
  const most = [...counts].filter(([, n]) => n * 2 > table.rows.length);
  return Math.max(table.headers.length, ...most.map(([w]) => w));
}

/** Normalises one value of one field; returns the cleaned value and at most one problem. */
function clean(field: Field, raw: string, numeric: boolean, roles: string[]): Outcome {
  switch (field) {
    case 'gender': {
      if (raw === '') return { value: null };
      const g = GENDERS[normaliseKey(raw)];
      return g ? { value: g } : { value: raw, code: 'bad_gender' };
    }
    case 'role': {
      const role = matchRole(raw, roles);
      return role ? { value: role } : { value: raw, code: 'unknown_role' };
    }
    case 'phone':
      return cleanPhone(raw, numeric);
    case 'nik':
      return cleanNik(raw, numeric);
    case 'nip':
      return cleanNumber(raw, numeric, normaliseDigits(raw), isNip, 'bad_nip');
    case 'npwp':
      return cleanNumber(raw, numeric, normaliseDigits(raw), isNpwp, 'bad_npwp');
    case 'accountNo':
      return cleanNumber(raw, numeric, normaliseAccountNo(raw), isAccountNo, 'bad_account');
    case 'birthDate': {
      if (raw === '') return { value: null };
      const d = normaliseBirthDate(raw);
      return d ? { value: d } : { value: raw, code: 'bad_birth_date' };
    }
    case 'email': {
      if (raw === '') return { value: null };
      if (raw.length > MAX_LENGTH.email) return { value: raw, code: 'too_long' };
      return isEmail(raw) ? { value: raw } : { value: raw, code: 'bad_email' };
    }
    default: {
      // Free text: a value pasted from a web page or a merged cell often carries runs of spaces
      // or a line break; one line with single spaces is what a name badge and a search need.
      // (Most cells have nothing to fold: tested first, so they are not copied.)
      // Stryker disable next-line Regex: the test only skips a replace that would change nothing (the fast path above)
      const folds = /[^\S ]| {2}/.test(raw);
      const text = folds ? raw.replace(/\s+/g, ' ') : raw;
      if (text === '') return { value: null };
      if (text.length > MAX_LENGTH[field]) return { value: text, code: 'too_long' };
      return FORMULA.test(text) ? { value: text, code: 'formula' } : { value: text };
    }
  }
}

function matchRole(raw: string, roles: string[]): string | null {
  if (raw === '') return roles[0] ?? null;
  const find = (name: string) => roles.find((r) => normaliseKey(r) === normaliseKey(name)) ?? null;
  const synonym = ROLE_SYNONYMS[normaliseKey(raw)];
  return find(raw) ?? (synonym ? find(synonym) : null);
}

/** Phones stay text: "0812..." must keep its zero, "+62..." its plus. */
function cleanPhone(raw: string, numeric: boolean): Outcome {
  let phone = normalisePhone(raw);
  if (phone === '') return { value: null };
  // Excel reads 08123456789 typed into a General cell as the number 8123456789: Indonesian
  // mobile numbers start with 08, so a numeric cell starting with 8 lost exactly that zero.
  if (numeric && phone.startsWith('8')) phone = `0${phone}`;
  return isPhone(phone) ? { value: phone } : { value: raw, code: 'bad_phone' };
}

/**
 * A NIP, NPWP or account number: digits kept as text. One stored by Excel as a number (over 15
 * digits) has lost its last digits, and is refused as a NIK would be. Shown as "1,97508E+17" in
 * a CSV it is refused too, by `valid` (digits only), as is any value with a non-digit left: so
 * only the length of a number cell needs checking (mutation testing found the E-pattern redundant).
 */
function cleanNumber(raw: string, numeric: boolean, value: string, valid: (s: string) => boolean, code: ProblemCode): Outcome {
  if (value === '') return { value: null };
  return (numeric && value.length > 15) || !valid(value) ? { value: raw, code } : { value };
}

/** NIK (KTP number) has 16 digits; NIP (civil servant number) 18. */
function cleanNik(raw: string, numeric: boolean): Outcome {
  const nik = normaliseNik(raw);
  if (nik === '') return { value: null };
  // Excel keeps 15 significant digits: a NIK typed into a number cell has its last digit(s)
  // replaced by zeros, and in a CSV saved from such a sheet it shows as "3,20123E+15".
  // Only the organiser can recover it, by formatting the column as Text and retyping.
  if ((numeric && nik.replace(/\D/g, '').length >= 16) || /^\d[.,]\d*E\+?\d+$/i.test(nik)) {
    return { value: raw, code: 'nik_as_number' };
  }
  return isNik(nik) ? { value: nik } : { value: raw, code: 'bad_nik' };
}
