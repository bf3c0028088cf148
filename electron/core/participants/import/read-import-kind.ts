import type { Field } from '../../../shared/participant';
import type { Kind } from '../../jobs/kind';
import { compactHeap } from '../../jobs/compact-heap';
import { startPrepare, type Prepared, type PreparedHead, type PreparedRow, type PreparedTail, type Preparing } from './prepare';
import { glancer, type ImportGlance } from './glance';
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

/** What the reading knows before its rows: the first part sent (prepare.ts PreparedHead). */
export type ImportHead = PreparedHead & {
  /** The rows come from the read kept by the preview (last-read.ts), not from reading again. */
  fromLastRead: boolean;
  /** A kept read knows its invalid rows before sending them: a commit refusing them writes nothing. */
  knownInvalid?: number;
};

/** Everything of a prepared file but its rows, with their counts: the last part sent. */
export type ImportSummary = ImportHead &
  PreparedTail & {
    invalidRows: number;
    /** Only when asked for (glanceOnly): then no rows were sent. */
    glance?: ImportGlance;
  };

/**
 * What the kind hands over: the head first (the table, the mapping, how many rows), then the
 * rows in parts of ROWS_PER_PART in file order, each sent as soon as it is checked, and last the
 * summary (the problems, how many rows are invalid). The reader writes the first part while the
 * next is checked; a commit learns only at the end whether a row was invalid, and rolls back.
 */
export type ImportPart = { head: ImportHead } | { rows: PreparedRow[] } | { summary: ImportSummary };

/**
 * Rows per message. Copying a message into the main thread blocks it; 2,000 rows took a few
 * milliseconds there, where a 50,000-row table in one message took ~150 ms on this machine.
 * 500: a part is walked within a slice or two, so its rows die young on the desks' thread; a
 * 2,000-row part outlived several collections there and V8 doubled that thread's young
 * generation to 2 x 32 MB during a 50,000-row write, memory it never gives back (issue 21).
 * The next part is checked and sent while one is walked (PartQueue), so smaller parts cost no waiting.
 */
export const ROWS_PER_PART = 500;

/**
 * The job kind that parses an import file: read (CSV or xlsx), map and validate, in the worker.
 * The head, the rows and the summary come back as parts (see KindIo.part, ImportPart); each row
 * part waits until the main thread has taken the one before (PartQueue), so the rows are never
 * held whole on the desks' thread. The result repeats the summary.
 */
export const readImportKind: Kind<ReadImportInput, ImportSummary> = async (input, io) => {
  const key = keepsReads() ? readKey(input.bytes, input.fileName, input.roles, input.allowFormulas ?? false) : null;
  const kept = key ? takeLastRead(key, input.mapping) : null;
  if (!kept) forgetLastRead(); // another file, or another mapping: that read will not be committed now
  const reading = kept
    ? fromKept(kept)
    : await startPrepare(input.bytes, input.fileName, input.mapping, input.roles, { allowFormulas: input.allowFormulas });
  const keep = key !== null && input.keepForCommit === true;
  const head: ImportHead = {
    ...reading.head,
    fromLastRead: kept !== null,
    ...(kept ? { knownInvalid: kept.rows.filter((r) => !r.valid).length } : {}),
  };
  await io.part({ head } satisfies ImportPart);
  const { rowCount } = head;
  const all: PreparedRow[] = [];
  const glance = input.glanceOnly ? glancer() : null;
  let invalidRows = 0;
  for (let done = 0; done < rowCount; ) {
    const part = reading.next(ROWS_PER_PART);
    if (!part.length) break;
    done += part.length;
    for (const r of part) if (!r.valid) invalidRows++;
    if (keep) for (const r of part) all.push(r);
    if (glance) glance.see(part);
    else await io.part({ rows: part } satisfies ImportPart);
    io.progress(done, rowCount);
  }
  const tail = reading.finish();
  // The parse's garbage (~70 MB for the largest file) goes now, not into the next job's peak.
  if (!kept) compactHeap();
  const summary: ImportSummary = { ...head, ...tail, invalidRows, ...(glance ? { glance: glance.glance } : {}) };
  if (key && keep) {
    const { rowCount: _count, ...rest } = reading.head;
    keepLastRead(key, { ...rest, ...tail, rows: all });
  }
  await io.part({ summary } satisfies ImportPart);
  return summary;
};

/** A kept read handed over as a reading: its rows in parts, let go of as they are sent. */
function fromKept(kept: Prepared): Preparing {
  const { rows, problems, moreProblems, formulaRows, ...head } = kept;
  let at = 0;
  return {
    head: { ...head, rowCount: rows.length },
    next(n) {
      const part = rows.slice(at, at + n);
      // Sent: let this thread's garbage collector have them while the next parts go.
      rows.fill(undefined as never, at, at + n);
      at += part.length;
      return part;
    },
    finish: () => ({ problems, moreProblems, formulaRows }),
  };
}
