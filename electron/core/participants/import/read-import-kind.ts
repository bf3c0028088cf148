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

/**
 * Rows per message. Copying a message into the main thread blocks it; 2,000 rows take a few
 * milliseconds there, where a 50,000-row table in one message took ~150 ms on this machine.
 */
export const ROWS_PER_PART = 2_000;

/**
 * The job kind that parses an import file: read (CSV or xlsx), map and validate, in the worker.
 * The rows come back as parts of ROWS_PER_PART (see KindIo.part); the result carries the rest.
 */
export const readImportKind: Kind<ReadImportInput, Omit<Prepared, 'rows'> & { rowCount: number }> = async (input, io) => {
  const { rows, ...rest } = await prepare(input.bytes, input.fileName, input.mapping, input.roles, {
    allowFormulas: input.allowFormulas,
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_PART) {
    await io.part(rows.slice(i, i + ROWS_PER_PART) satisfies PreparedRow[]);
    io.progress(Math.min(i + ROWS_PER_PART, rows.length), rows.length);
  }
  return { ...rest, rowCount: rows.length };
};
