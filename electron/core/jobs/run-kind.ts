import { Worker } from 'node:worker_threads';
import { HadirError } from '../../shared/errors';
import type { Kind } from './kind';
import type { KindInput, KindName, KindOutput } from './kinds';
import type { FromWorker, ToWorker } from './protocol';
import type { WorkerEntry } from './worker-entry';

export interface RunKindOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /**
   * Takes one part (KindIo.part). When it returns a promise, the part is acknowledged (and the
   * kind may send the next) only once it resolves: the reader's back-pressure (PartQueue).
   */
  onPart?: (chunk: unknown) => unknown;
}

/** Thrown (as the rejection) when a job is cancelled; its work has stopped by then. */
export class JobCancelled extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'JobCancelled';
  }
}

/**
 * A fresh worker thread failed before it said anything: its entry could not be loaded (a
 * missing file, an import that fails inside app.asar, a native module that will not load). The
 * job itself never ran, so it may be run another way (fallback-runner.ts).
 */
export class WorkerStartError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The job worker could not start: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WorkerStartError';
  }
}

/** Whether a failure of a freshly spawned thread, before any message from it, is a start failure. */
export function isWorkerStartFailure(e: unknown, fresh: boolean, heard: boolean): boolean {
  // Out of memory is the job's own doing (a hostile file), never a reason to run it on the main thread.
  return fresh && !heard && (e as { code?: string } | null)?.code !== 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Heap cap of a job's thread. A hostile file that makes a parser balloon then ends that thread
 * (ERR_WORKER_OUT_OF_MEMORY), not the kiosk: the desks keep working and the job fails cleanly.
 */
const WORKER_HEAP_MB = 1024;
/**
 * Young generation of a job's thread. V8 sizes it for throughput (tens of MB per semi-space),
 * and garbage a kind makes there (an import's parsing: ~300 MB of short-lived strings and row
 * arrays for 50,000 rows) was held until the next scavenge: the 50,000-row preview peaked ~140 MB
 * higher (docs/engineering/import-memory.md, issue 21). 8 MB means more scavenges, each cheap
 * since nearly all of it is dead by then; the cost in time could not be measured on the loaded
 * test machine.
 */
const WORKER_YOUNG_MB = 8;
/** Idle threads kept for the next job: starting one costs 0.1–0.5 s (tsx compiles on the way). */
const KEEP_IDLE = 1;
/**
 * A thread whose heap is larger than this after its job is not kept idle. An idle thread holds
 * ~10 MB; after a 50,000-row import's parse it held ~100 MB until its next job, which then parsed
 * on top of it (the preview, then the commit: issue 21). The import's read now compacts its heap
 * (compactHeap) and keeps its rows for the commit (~35 MB for 50,000 rows): that thread is kept.
 */
const KEEP_HEAP_MB = 48;

/** Runs job kinds: in worker threads (WorkerPool), or on the calling thread (InlineRunner). */
export interface KindRunner {
  run<K extends KindName>(kind: K, input: KindInput<K>, opts?: RunKindOptions, transfer?: ArrayBuffer[]): Promise<KindOutput<K>>;
  close(): Promise<void>;
}

/**
 * Kinds on the calling thread, for the CLI: one command in its own process, with no other desk
 * on its thread to keep answering, so a worker thread would only add its start-up (0.3–1 s
 * through tsx). Cancelling is honoured before the kind starts; Ctrl-C ends a running one.
 */
export class InlineRunner implements KindRunner {
  async run<K extends KindName>(kind: K, input: KindInput<K>, opts: RunKindOptions = {}): Promise<KindOutput<K>> {
    if (opts.signal?.aborted) throw new JobCancelled();
    const fn = (await import('./kinds')).KINDS[kind] as Kind<unknown, unknown>;
    return (await fn(input, {
      progress: (done, total) => opts.onProgress?.(done, total),
      part: async (chunk) => {
        await opts.onPart?.(chunk);
      },
    })) as KindOutput<K>;
  }

  async close(): Promise<void> {}
}

/**
 * Worker threads for job kinds. A thread runs one kind at a time and is reused afterwards, so a
 * preview after each mapping change does not pay for a new thread. Cancelling terminates the
 * thread (the only way to stop a synchronous loop); a fresh one is started for the next job.
 */
export class WorkerPool implements KindRunner {
  private readonly idle: Worker[] = [];
  private readonly prestarted = new WeakSet<Worker>();

  constructor(private readonly entry: WorkerEntry) {}

  /**
   * Runs one kind and resolves with its output. Aborting `signal` terminates the thread at once
   * (a synchronous loop included) and rejects with JobCancelled once it has stopped.
   */
  run<K extends KindName>(
    kind: K,
    input: KindInput<K>,
    opts: RunKindOptions = {},
    transfer: ArrayBuffer[] = [],
  ): Promise<KindOutput<K>> {
    return new Promise((resolve, reject) => {
      if (opts.signal?.aborted) return reject(new JobCancelled());
      const reused = this.idle.pop();
      let worker: Worker;
      try {
        worker = reused ?? this.spawn();
      } catch (e) {
        return reject(new WorkerStartError(e)); // e.g. ERR_WORKER_PATH
      }
      // A thread started ahead (prestart) has not proven it can run anything yet: its first job
      // falls back like a new thread's would if it cannot start.
      const fresh = !reused || this.prestarted.delete(reused);
      let heard = false;
      worker.ref(); // a running job keeps the process (the CLI) alive; an idle thread does not
      let settled = false;
      const finish = (keep: boolean, fn: () => void) => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep && this.idle.length < KEEP_IDLE) {
          // A thread a kind made big (an import's parse) keeps that heap, garbage included, until
          // its next collection: the next job would parse on top of it. Such a thread is ended
          // and the next job starts a fresh one (~0.1 s). Decided before the job settles, so that
          // a job started as soon as this one ends (a commit after its preview, which reuses the
          // preview's read kept in that thread: last-read.ts) finds the thread idle.
          // Still referenced while asked: an unreferenced thread would let the process end (the
          // CLI, a script awaiting the job) before the answer comes.
          void this.heapOf(worker).then((bytes) => {
            if (bytes > KEEP_HEAP_MB * 1024 * 1024 || this.idle.length >= KEEP_IDLE) void worker.terminate();
            else {
              worker.unref();
              this.idle.push(worker);
            }
            fn();
          });
          return;
        }
        // Settle only once the thread has stopped: a cancelled job has then really stopped working.
        void worker.terminate().finally(fn);
      };
      const onAbort = () => finish(false, () => reject(new JobCancelled()));
      const onMessage = (m: FromWorker) => {
        heard = true;
        if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
        else if (m.type === 'part') {
          const ack = () => {
            // Taken: the worker may send the next part, which arrives in a later event-loop turn.
            if (!settled) worker.postMessage({ type: 'ack' } satisfies ToWorker);
          };
          const taken = opts.onPart?.(m.chunk);
          if (taken instanceof Promise) void taken.then(ack, ack);
          else ack();
        } else if (m.type === 'done') finish(true, () => resolve(m.output as KindOutput<K>));
        else finish(!m.error.hadir ? false : true, () => reject(reviveError(m.error)));
      };
      const failed = (e: unknown) => (isWorkerStartFailure(e, fresh, heard) ? new WorkerStartError(e) : e);
      const onError = (e: Error) => finish(false, () => reject(failed(e)));
      const onExit = (code: number) =>
        finish(false, () => reject(failed(new Error(`Job worker for ${kind} exited with code ${code}`))));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ type: 'run', kind, input } satisfies ToWorker, transfer);
    });
  }

  /**
   * The heap a thread holds: what is in use, garbage not yet collected included. Not V8's
   * committed size, which keeps pages a collection just freed (a read of 50,000 rows, compacted at
   * once by compactHeap: 32 MB in use, 60 MB committed) until memory is short.
   */
  private async heapOf(worker: Worker): Promise<number> {
    try {
      return (await worker.getHeapStatistics()).used_heap_size;
    } catch {
      return Infinity; // it ended meanwhile: not kept
    }
  }

  /**
   * Starts a thread now, for a job about to come, and has it import `kind`'s modules: a thread
   * takes ~0.1 s to start and ~0.2 s more to load an import's parsers, time the CLI otherwise
   * waits for after its own start-up (issue 21). Nothing if a thread is already idle.
   */
  prestart(kind: KindName): void {
    if (this.idle.length) return;
    let worker: Worker;
    try {
      worker = this.spawn();
    } catch {
      return; // the job will find out, and fall back
    }
    worker.unref(); // an idle thread does not keep the process alive
    // A thread that cannot start is found out by the job, which falls back as it always did.
    worker.on('error', () => undefined);
    this.idle.push(worker);
    this.prestarted.add(worker);
    worker.postMessage({ type: 'load', kind } satisfies ToWorker);
  }

  /** Stops the idle threads (tests, shutting down). Running jobs are stopped by cancelling them. */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  /** One pool per worker entry for the whole process: threads hold no state of any data folder. */
  static for(entry: WorkerEntry): WorkerPool {
    const key = `${entry.file}\0${entry.execArgv.join(' ')}`;
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = new WorkerPool(entry)));
    return pool;
  }

  private spawn(): Worker {
    const worker = new Worker(this.entry.file, {
      execArgv: this.entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    // An idle thread that dies (it should not) simply leaves the pool.
    worker.on('exit', () => {
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return worker;
  }
}

const pools = new Map<string, WorkerPool>();

function reviveError(e: Extract<FromWorker, { type: 'error' }>['error']): Error {
  if (e.hadir) return new HadirError(e.code, e.message, e.params, e.issues);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}
