import { blankFields, type Field, type ParticipantInput } from '../../../shared/participant';
import { conformRow } from './conform';
import { collectGarbage } from '../../jobs/compact-heap';
import type { ImportProblem, ImportWarning } from '../../../shared/import';
import { HadirError } from '../../../shared/errors';
import { readTable, type Table } from './read-table';
import { guessMapping } from './guess-mapping';
import { rowValidator, isWarning, type ProblemCode } from './validate-rows';
import { checkColumns } from './column-check';
import { listProblems } from './report';
import { withRowContext } from './row-context';

export interface PreparedRow {
  line: number;
  values: ParticipantInput;
  valid: boolean;
}

/** A file read, mapped and validated: everything an import needs except the stored list. */
export interface Prepared {
  /** What the preview shows of the file; its cells are in `rows`, already validated. */
  table: Omit<Table, 'rows' | 'lines' | 'numeric'>;
  mapping: (Field | null)[];
  rows: PreparedRow[];
  /** The problems the report lists (report.ts): errors first, values cut short. */
  problems: ImportProblem[];
  /** Columns whose values do not look like their field (column-check.ts). */
  warnings: ImportWarning[];
  /** Rows whose only errors are values that look like formulas: what allowFormulas lets in. */
  formulaRows: number;
  /** Problems found but not listed. */
  moreProblems: number;
}

/** What a file's reading knows before its rows are checked: the first part an import sends. */
export type PreparedHead = Pick<Prepared, 'table' | 'mapping' | 'warnings'> & { rowCount: number };

/** The rest of a reading, known once every row is checked. */
export type PreparedTail = Pick<Prepared, 'problems' | 'moreProblems' | 'formulaRows'>;

/**
 * A file read and mapped, its rows checked a part at a time (startPrepare): the import's worker
 * sends each part to the write while it checks the next.
 */
export interface Preparing {
  head: PreparedHead;
  /** The next `n` rows, validated and typed; fewer at the end, none after it. */
  next(n: number): PreparedRow[];
  /** After the last row: the problems the report lists. */
  finish(): PreparedTail;
}

/**
 * Read, map and validate a file. Pure: the event's roles are passed in, nothing touches the
 * database, so it runs in a job's worker thread (read-import-kind.ts) off the desks' thread.
 */
export async function prepare(
  bytes: Uint8Array,
  fileName: string,
  mapping: (Field | null)[] | undefined,
  roles: string[],
  opts: { allowFormulas?: boolean } = {},
): Promise<Prepared> {
  const reading = await startPrepare(bytes, fileName, mapping, roles, opts);
  const rows = reading.next(reading.head.rowCount);
  const { rowCount: _count, ...head } = reading.head;
  return { ...head, rows, ...reading.finish() };
}

/**
 * Reads and maps a file (the whole table: which columns are in use depends on every row), then
 * hands its rows over as they are checked (Preparing). Throws before any row when the file is
 * refused: unreadable, too large, no name column, a mapping of another width.
 */
export async function startPrepare(
  bytes: Uint8Array,
  fileName: string,
  mapping: (Field | null)[] | undefined,
  roles: string[],
  opts: { allowFormulas?: boolean } = {},
): Promise<Preparing> {
  const table = await readTable(bytes, fileName);
  // The parse's garbage goes before validation adds its own (compact-heap.ts): a large file only.
  const large = bytes.byteLength > LARGE_BYTES;
  if (large) collectGarbage();
  const map = mapping ?? guessMapping(table.headers);
  if (map.length !== table.headers.length) {
    throw new HadirError('invalid_input', `The mapping has ${map.length} columns but the file has ${table.headers.length}.`, {
      mapping: map.length,
      columns: table.headers.length,
    });
  }
  if (!map.includes('name')) {
    throw new HadirError('import_invalid', 'No column is mapped to the name. Choose which column holds the names.');
  }
  // Over the raw cells, before validation lets go of them.
  const warnings = checkColumns(table, map);
  const validator = rowValidator(table, map, roles, { ...opts, letGoOfCells: true });
  const rowCount = table.rows.length;
  const { rows: _cells, lines: _lines, numeric: _numeric, ...meta } = table;
  let at = 0;
  return {
    head: { table: meta, mapping: map, warnings, rowCount },
    next(n) {
      const out: PreparedRow[] = [];
      for (const end = Math.min(rowCount, at + n); at < end; at++) {
        const r = validator.row(at);
        // Typed as the schema says (conform.ts).
        const parsed = conformRow(r.values);
        out.push(
          parsed.success
            ? { line: r.line, values: parsed.data, valid: r.valid }
            : { line: r.line, values: blank(r.values.name ?? ''), valid: false },
        );
      }
      return out;
    },
    finish() {
      const checked = validator.problems;
      // Cut down here, in the worker: only what the report shows is copied to the main thread.
      const listed = listProblems(checked.map((p) => ({ ...p, warning: isWarning(p.code, opts) })));
      return {
        problems: withRowContext(listed.problems, table, map),
        moreProblems: listed.moreProblems,
        formulaRows: formulaOnly(checked),
      };
    },
  };
}

/** A file above this size is parsed with a full collection between stages (~1 MB: ~10,000 rows). */
const LARGE_BYTES = 1 << 20;

const blank = (name: string): ParticipantInput => ({ ...blankFields(), name, role: '' });

/** Rows with a formula-like value and no other error. */
function formulaOnly(problems: { line: number; code: ProblemCode }[]): number {
  const only = new Map<number, boolean>();
  for (const p of problems) if (!isWarning(p.code)) only.set(p.line, (only.get(p.line) ?? true) && p.code === 'formula');
  return [...only.values()].filter(Boolean).length;
}
