import type { Field } from '../../../shared/participant';
import type { Kind } from '../../jobs/kind';
import { prepare, type Prepared, type PreparedRow } from './prepare';

export interface ReadImportInput {
  bytes: Uint8Array;
  fileName: string;
  mapping?: (Field | null)[];
  /** The event's roles, read by the main thread: a kind never opens the database. */
  roles: string[];
  allowFormulas?: boolean;
}

/** Everything of a prepared file but its rows, with their counts: the first part sent. */
export type ImportSummary = Omit<Prepared, 'rows'> & { rowCount: number; invalidRows: number };

/**
 * What the kind hands over: the summary first (so a commit knows before it writes whether the
 * file has rows with errors), then the rows in parts of ROWS_PER_PART, in file order.
 */
export type ImportPart = { summary: ImportSummary } | { rows: PreparedRow[] };

/**
 * Rows per message. Copying a message into the main thread blocks it; 2,000 rows take a few
 * milliseconds there, where a 50,000-row table in one message took ~150 ms on this machine.
 */
export const ROWS_PER_PART = 2_000;

/**
 * The job kind that parses an import file: read (CSV or xlsx), map and validate, in the worker.
 * The summary and then the rows come back as parts (see KindIo.part, ImportPart); each row part
 * waits until the main thread has taken the one before (PartQueue), so the rows are held whole
 * on this thread only, never on the desks' thread too. The result repeats the summary.
 */
export const readImportKind: Kind<ReadImportInput, ImportSummary> = async (input, io) => {
  const prepared = await prepare(input.bytes, input.fileName, input.mapping, input.roles, {
    allowFormulas: input.allowFormulas,
  });
  const { rows, ...rest } = prepared;
  let invalidRows = 0;
  for (const r of rows) if (!r.valid) invalidRows++;
  const summary: ImportSummary = { ...rest, rowCount: rows.length, invalidRows };
  await io.part({ summary } satisfies ImportPart);
  for (let i = 0; i < rows.length; i += ROWS_PER_PART) {
    const part = rows.slice(i, i + ROWS_PER_PART);
    // Sent: let this thread's garbage collector have them while the next parts go.
    rows.fill(undefined as never, i, i + ROWS_PER_PART);
    await io.part({ rows: part } satisfies ImportPart);
    io.progress(Math.min(i + ROWS_PER_PART, rows.length), rows.length);
  }
  return summary;
};
