import v8 from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

type Gc = (opts?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let collect: Gc | null = null;

/**
 * A full garbage collection of this job thread's heap, now. A large parse (an import of 50,000
 * rows) leaves its thread's heap at ~100 MB, most of it garbage V8 collects only when it next
 * needs room, and the process's peak is that heap plus whatever the desks' thread does next
 * (issue 21). Collected at once it is what is alive (~30 MB), so the thread can also be kept for
 * the next job (WorkerPool keeps threads under KEEP_HEAP_MB). V8's 'last-resort' flavour (its
 * collection under memory pressure) also gives the freed pages back to the system: a plain full
 * collection left the heap committed at its peak (a CSV: ~106 MB for ~41 MB alive) for the whole
 * write that follows. Takes tens of milliseconds, on the job's thread. Never on the desks'
 * thread, where it would stall every desk.
 */
export function compactHeap(): void {
  gcOf()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * A full collection of this job thread's heap between the stages of a large parse (the CSV
 * parsed, its rows made dense, validated): each stage's garbage goes before the next stage adds
 * its own. Without them the old generation of a 50,000-row parse grew to ~115 MB for ~40 MB alive,
 * the process's peak (issue 21, fourth pass). The pages are kept for the next stage to reuse.
 * Each costs a few tens of milliseconds, on the job's thread only; nothing on the desks' thread.
 */
export function collectGarbage(): void {
  gcOf()?.();
}

function gcOf(): Gc | null {
  if (isMainThread) return null;
  if (!collect) {
    // `gc` is installed in contexts made while the flag is set: one for this thread, then the
    // flag is cleared so that no other context (in this process) gets one.
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as Gc;
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}
