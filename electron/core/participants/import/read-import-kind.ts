import type { Field } from '../../../shared/participant';
import type { Kind } from '../../jobs/kind';
import { compactHeap } from '../../jobs/compact-heap';
import { prepare, type Prepared, type PreparedRow } from './prepare';
import { glanceAt, type ImportGlance } from './glance';
import { forgetLastRead, keepLastRead, keepsReads, readKey, takeLastRead } from './last-read';

export interface ReadImportInput {
  bytes: Uint8Array;
  fileName: string;
  mapping?: (Field | null)[];
  /** The event's roles, read by the main thread: a kind never opens the database. */
  roles: string[];
  allowFormulas?: boolean;
  /**
   * A preview: keep the rows read in this thread for the commit that follows (last-read.ts).
   * A commit takes them, if they are the same read, instead of reading the file again.
   */
  keepForCommit?: boolean;
  /**
   * A preview for an event with no one in it yet: no stored person can match, so the preview needs
   * no rows on the main thread, only a glance (ImportSummary.glance). No row parts are sent.
   */
  glanceOnly?: boolean;
}

/** Everything of a prepared file but its rows, with their counts: the first part sent. */
export type ImportSummary = Omit<Prepared, 'rows'> & {
  rowCount: number;
  invalidRows: number;
  /** The rows came from the read kept by the preview (last-read.ts), not from reading again. */
  fromLastRead: boolean;
  /** Only when asked for (glanceOnly): then no rows follow. */
  glance?: ImportGlance;
};

/**
 * What the kind hands over: the summary first (so a commit knows before it writes whether the
 * file has rows with errors), then the rows in parts of ROWS_PER_PART, in file order.
 */
export type ImportPart = { summary: ImportSummary } | { rows: PreparedRow[] };

/**
 * Rows per message. Copying a message into the main thread blocks it; 2,000 rows took a few
 * milliseconds there, where a 50,000-row table in one message took ~150 ms on this machine.
 * 500: a part is walked within a slice or two, so its rows die young on the desks' thread; a
 * 2,000-row part outlived several collections there and V8 doubled that thread's young
 * generation to 2 x 32 MB during a 50,000-row write, memory it never gives back (issue 21).
 * The next part is sent while one is walked (PartQueue), so smaller parts cost no waiting.
 */
export const ROWS_PER_PART = 500;

/**
 * The job kind that parses an import file: read (CSV or xlsx), map and validate, in the worker.
 * The summary and then the rows come back as parts (see KindIo.part, ImportPart); each row part
 * waits until the main thread has taken the one before (PartQueue), so the rows are held whole
 * on this thread only, never on the desks' thread too. The result repeats the summary.
 */
export const readImportKind: Kind<ReadImportInput, ImportSummary> = async (input, io) => {
  const key = keepsReads() ? readKey(input.bytes, input.fileName, input.roles, input.allowFormulas ?? false) : null;
  const kept = key ? takeLastRead(key, input.mapping) : null;
  let prepared: Prepared;
  if (kept) prepared = kept;
  else {
    forgetLastRead(); // another file, or another mapping: that read will not be committed now
    prepared = await prepare(input.bytes, input.fileName, input.mapping, input.roles, {
      allowFormulas: input.allowFormulas,
    });
    // The parse's garbage (~70 MB for the largest file) goes now, before the desks' thread starts
    // walking the rows, instead of adding to that walk's peak.
    compactHeap();
  }
  const keep = key !== null && input.keepForCommit === true;
  const { rows, ...rest } = prepared;
  let invalidRows = 0;
  for (const r of rows) if (!r.valid) invalidRows++;
  const summary: ImportSummary = {
    ...rest,
    rowCount: rows.length,
    invalidRows,
    fromLastRead: kept !== null,
    ...(input.glanceOnly ? { glance: glanceAt(rows) } : {}),
  };
  await io.part({ summary } satisfies ImportPart);
  for (let i = 0; i < rows.length && !input.glanceOnly; i += ROWS_PER_PART) {
    const part = rows.slice(i, i + ROWS_PER_PART);
    // Sent: let this thread's garbage collector have them while the next parts go (unless kept).
    if (!keep) rows.fill(undefined as never, i, i + ROWS_PER_PART);
    await io.part({ rows: part } satisfies ImportPart);
    io.progress(Math.min(i + ROWS_PER_PART, rows.length), rows.length);
  }
  if (key && keep) keepLastRead(key, prepared);
  return summary;
};
