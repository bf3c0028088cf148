import crypto from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import type { Field } from '../../../shared/participant';
import { guessMapping } from './guess-mapping';
import type { Prepared } from './prepare';

/**
 * The last file a job thread read, kept for the commit that follows its preview. A preview and
 * its commit read the same bytes with the same mapping, roles and choices, and reading is pure
 * (prepare.ts): reading it again gave the same rows after ~2 s of CPU and a second ~70 MB heap
 * peak for the largest file (issue 21). The thread keeps the prepared rows (~25 MB for 50,000)
 * instead, and the commit streams them from here.
 *
 * Kept only in a job's worker thread, never on the desks' thread (the inline runner, the fallback
 * when no thread starts): there it would hold a whole file beside the desks. One file at a time;
 * a commit takes it and lets it go, and an unused one is let go after KEEP_MS.
 */
export interface ReadKey {
  /** SHA-256 of the file's bytes. */
  bytes: string;
  fileName: string;
  roles: string[];
  allowFormulas: boolean;
}

/** An organiser who previews and walks away does not leave a list held for the rest of the day. */
const KEEP_MS = 10 * 60_000;

let last: { key: ReadKey; prepared: Prepared; timer: NodeJS.Timeout } | null = null;

export const keepsReads = (): boolean => !isMainThread;

export function readKey(bytes: Uint8Array, fileName: string, roles: string[], allowFormulas: boolean): ReadKey {
  return { bytes: crypto.createHash('sha256').update(bytes).digest('hex'), fileName, roles: [...roles], allowFormulas };
}

/**
 * The kept read of the same file under the same mapping, or null. `mapping` absent means the
 * guessed one, as in prepare(): the CLI previews without a mapping and commits with the one the
 * preview showed, which is the same read.
 */
export function takeLastRead(key: ReadKey, mapping: (Field | null)[] | undefined): Prepared | null {
  if (!last || !sameKey(last.key, key)) return null;
  const wanted = mapping ?? guessMapping(last.prepared.table.headers);
  if (!sameList(wanted, last.prepared.mapping)) return null;
  const { prepared } = last;
  forgetLastRead();
  return prepared;
}

/** Keeps a read for the next job on this thread (the one before is let go). */
export function keepLastRead(key: ReadKey, prepared: Prepared): void {
  forgetLastRead();
  const timer = setTimeout(forgetLastRead, KEEP_MS);
  timer.unref(); // an idle thread with a kept read does not keep the process alive
  last = { key, prepared, timer };
}

export function forgetLastRead(): void {
  if (last) clearTimeout(last.timer);
  last = null;
}

function sameKey(a: ReadKey, b: ReadKey): boolean {
  return a.bytes === b.bytes && a.fileName === b.fileName && a.allowFormulas === b.allowFormulas && sameList(a.roles, b.roles);
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);
