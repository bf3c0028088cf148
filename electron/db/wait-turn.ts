// Opening a data folder waits its turn like any write. busy_timeout covers most of what another
// process holds, but not all of opening: a connection that meets another process's WAL recovery
// or journal-mode switch, or a read-only check that gives up at its own timeout, fails with
// SQLITE_BUSY at once. Eight processes opening a new folder at the same instant on a loaded
// laptop (load ~6 on 2 cores) had one fail with db_busy. So the whole open is tried again, after
// a short random pause, until the process's own busy timeout has passed.
import { HadirError } from '../shared/errors';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** SQLITE_BUSY / SQLITE_LOCKED, raw or already worded as db_busy. */
export function isBusy(e: unknown): boolean {
  if (e instanceof HadirError) return e.code === 'db_busy';
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/** Runs `open` until it does not fail busy, or `timeoutMs` has passed (then its error stands). */
export function untilNotBusy<T>(open: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return open();
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw e;
      // Random, so processes that collided do not collide again in step; synchronous, as opening is.
      Atomics.wait(pause, 0, 0, Math.min(250, 10 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}
