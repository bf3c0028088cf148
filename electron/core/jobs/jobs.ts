import crypto from 'node:crypto';
import os from 'node:os';
import type { JobName, JobStatus } from '../../shared/jobs';
import type { OpError } from '../../shared/result';
import { HadirError } from '../../shared/errors';
import type { KindInput, KindName, KindOutput } from './kinds';
import { InlineRunner, JobCancelled, WorkerPool, type KindRunner, type RunKindOptions, type WorkerStartError } from './run-kind';
import { FallbackRunner } from './fallback-runner';
import type { WorkerEntry } from './worker-entry';

/** What a job's main-thread handler gets: progress, the cancel signal, and the worker. */
export interface JobControl {
  readonly signal: AbortSignal;
  /** `phase` names the step for the progress bar ("read", "write"); done/total are its units. */
  progress(phase: string, done: number, total: number): void;
  /** Runs a pure kind in a worker thread; its progress is reported under `phase`. */
  inWorker<K extends KindName>(
    phase: string,
    kind: K,
    input: KindInput<K>,
    opts?: { onPart?: RunKindOptions['onPart']; transfer?: ArrayBuffer[] },
  ): Promise<KindOutput<K>>;
  /** Throws JobCancelled once the job was cancelled: call it between chunks of main-thread work. */
  checkCancelled(): void;
}

interface Entry {
  status: JobStatus;
  abort: AbortController;
  settled: Promise<void>;
  result?: unknown;
}

/** How long a finished job (and its result, possibly a large PDF) is kept for the desk to fetch. */
const KEEP_FINISHED_MS = 15 * 60_000;
const KEEP_FINISHED_MAX = 50;
/** Worker threads at once: the venue laptop has few cores, and the desks need one. */
const MAX_RUNNING = Math.max(1, Math.min(2, os.availableParallelism() - 1));

/**
 * The kiosk's jobs, in memory. Nothing here is stored in the database on purpose: a job lives
 * exactly as long as the process whose worker runs it. After a restart no job is running, so a
 * stored "running" row would lie; and every result (a badge sheet, an import outcome) can be made
 * again from the database.
 */
export class Jobs {
  private readonly entries = new Map<string, Entry>();
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private readonly pool: KindRunner;

  constructor(
    /** 'inline': kinds on this thread (the CLI; see InlineRunner). Kept for the device check, which starts a fresh worker from it. */
    readonly worker: WorkerEntry | 'inline',
    /** Turns a failure into what the desk sees (and logs internal ones). */
    private readonly toOpError: (e: unknown, where: string) => OpError,
    private readonly onEvent: (event: string, status: JobStatus) => void = () => {},
    /** The worker could not start and jobs now run inline (fallback-runner.ts): log it. */
    onWorkerFallback: (e: WorkerStartError) => void = () => {},
  ) {
    this.pool =
      worker === 'inline' ? new InlineRunner() : new FallbackRunner(WorkerPool.for(worker), new InlineRunner(), onWorkerFallback);
  }

  /** True once the job worker failed to start and jobs run on the main thread instead. */
  get workerFellBack(): boolean {
    return this.pool instanceof FallbackRunner && this.pool.fellBack;
  }

  /** Starts a job and returns at once; the desk polls status() and fetches result() when done. */
  start(job: JobName, run: (control: JobControl) => Promise<unknown>): JobStatus {
    this.evict();
    const abort = new AbortController();
    const status: JobStatus = {
      id: crypto.randomUUID(),
      job,
      state: 'queued',
      phase: null,
      done: 0,
      total: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const entry: Entry = { status, abort, settled: Promise.resolve() };
    this.entries.set(status.id, entry);
    entry.settled = this.slot(abort.signal)
      .then(() => {
        status.state = 'running';
        this.onEvent('started', status);
        return run(this.control(entry)).finally(() => this.release());
      })
      .then(
        (result) => {
          entry.result = result;
          status.state = 'done';
        },
        (e: unknown) => {
          if (e instanceof JobCancelled || abort.signal.aborted) {
            status.state = 'cancelled';
          } else {
            status.state = 'failed';
            status.error = this.toOpError(e, `job ${job} ${status.id}`);
          }
        },
      )
      .finally(() => {
        // Visible on the desk: this job ran without its worker, so the screens answered slowly.
        if (this.workerFellBack) status.notice = 'worker_fallback';
        status.finishedAt = new Date().toISOString();
        this.onEvent(status.state, status);
      });
    return { ...status };
  }

  status(id: string): JobStatus {
    return { ...this.get(id).status };
  }

  /** Stops the job and waits until its work has really stopped (and any write was rolled back). */
  async cancel(id: string): Promise<JobStatus> {
    const entry = this.get(id);
    entry.abort.abort();
    await entry.settled;
    return { ...entry.status };
  }

  /** The finished job's result; a failed job's error is thrown again, as the operation's own. */
  result(id: string): unknown {
    const { status, result } = this.get(id);
    if (status.state === 'done') return result;
    // The error as the status gave it: an internal one keeps its reference (logged once, when it
    // happened), and its message and stack stay in the log.
    if (status.state === 'failed' && status.error) {
      const { code, message, params, issues } = status.error;
      throw new HadirError(code, message, params, issues);
    }
    throw new HadirError('conflict', `Job ${id} is ${status.state}: it has no result.`, { state: status.state });
  }

  /** Resolves when the job has finished, whatever the outcome (tests, the CLI). */
  async settled(id: string): Promise<JobStatus> {
    const entry = this.get(id);
    await entry.settled;
    return { ...entry.status };
  }

  /** A kind in a worker without a job record: for operations that simply await it. */
  run<K extends KindName>(kind: K, input: KindInput<K>, opts: RunKindOptions = {}, transfer?: ArrayBuffer[]) {
    return this.slot(opts.signal).then(() => this.pool.run(kind, input, opts, transfer).finally(() => this.release()));
  }

  /** Stops idle worker threads; a running job is stopped by cancelling it. */
  close(): Promise<void> {
    return this.pool.close();
  }

  private control(entry: Entry): JobControl {
    const { status, abort } = entry;
    const progress = (phase: string, done: number, total: number) => {
      status.phase = phase;
      status.done = done;
      status.total = total;
    };
    return {
      signal: abort.signal,
      progress,
      checkCancelled: () => {
        if (abort.signal.aborted) throw new JobCancelled();
      },
      inWorker: (phase, kind, input, opts = {}) => {
        progress(phase, 0, 0);
        // The worker's progress counts only while its phase is the job's: an import writes the
        // rows while the worker still reads them, and the bar must not flip back to 'read'.
        const own = (d: number, t: number) => status.phase === phase && progress(phase, d, t);
        return this.pool.run(
          kind,
          input,
          { signal: abort.signal, onPart: opts.onPart, onProgress: own },
          opts.transfer,
        );
      },
    };
  }

  /**
   * Waits for a free worker slot. A job holds its slot from start to finish (its main-thread
   * phases included), so two large imports do not interleave their writes.
   */
  private slot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new JobCancelled());
    if (this.running < MAX_RUNNING) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', drop);
        this.running++;
        resolve();
      };
      const drop = () => {
        this.queue.splice(this.queue.indexOf(go), 1);
        reject(new JobCancelled());
      };
      signal?.addEventListener('abort', drop, { once: true });
      this.queue.push(go);
    });
  }

  private release(): void {
    this.running--;
    this.queue.shift()?.();
  }

  private get(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new HadirError('not_found', `No job ${id} (jobs are forgotten after a restart).`, { id });
    return entry;
  }

  private evict(): void {
    const now = Date.now();
    const finished = [...this.entries.values()].filter((e) => e.status.finishedAt);
    finished.forEach((e, i) => {
      const old = now - Date.parse(e.status.finishedAt!) > KEEP_FINISHED_MS;
      if (old || finished.length - i > KEEP_FINISHED_MAX) this.entries.delete(e.status.id);
    });
  }
}
