import { blankFields, type Field, type ParticipantInput } from '../../../shared/participant';
import { conformRow } from './conform';
import { collectGarbage } from '../../jobs/compact-heap';
import type { ImportProblem, ImportWarning } from '../../../shared/import';
import { HadirError } from '../../../shared/errors';
import { readTable, type Table } from './read-table';
import { guessMapping } from './guess-mapping';
import { validateRows, isWarning, type ProblemCode } from './validate-rows';
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
  const checked = validateRows(table, map, roles, { ...opts, letGoOfCells: true });
  if (large) collectGarbage();
  // Cut down here, in the worker: only what the report shows is copied to the main thread.
  const listed = listProblems(checked.problems.map((p) => ({ ...p, warning: isWarning(p.code, opts) })));
  const problems = withRowContext(listed.problems, table, map);
  const moreProblems = listed.moreProblems;
  // Typed as the schema says (conform.ts), in place: a second array of 50,000 rows is garbage.
  const rows = checked.rows as unknown as PreparedRow[];
  for (let i = 0; i < rows.length; i++) {
    const r = checked.rows[i]!;
    const parsed = conformRow(r.values);
    rows[i] = parsed.success
      ? { line: r.line, values: parsed.data, valid: r.valid }
      : { line: r.line, values: blank(r.values.name ?? ''), valid: false };
  }
  const { rows: _cells, lines: _lines, numeric: _numeric, ...meta } = table;
  return {
    table: meta,
    mapping: map,
    rows,
    problems,
    moreProblems,
    warnings,
    formulaRows: formulaOnly(checked.problems),
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
