// Issue 17, finding 5: if the job worker cannot start (out/main/jobs-worker.js is an ES module
// loaded by worker_threads from inside app.asar, importing chunks and better-sqlite3; it should
// work, and has not been seen running), imports, badges, certificates, reports and the
// checkpoint would all fail. Instead the job runs on the calling thread (InlineRunner), once
// logged; from then on every job does, and `fellBack` tells the desk (the job's status carries a
// notice). The desks answer more slowly during a long job, but nothing is lost.
import type { KindInput, KindName, KindOutput } from './kinds';
import { WorkerStartError, type KindRunner, type RunKindOptions } from './run-kind';

export class FallbackRunner implements KindRunner {
  /** Set once the worker failed to start: every later job runs inline. */
  fellBack = false;
  /** Once a job has run in a worker, the worker is known to start: no more copies of the input. */
  private proven = false;

  constructor(
    private readonly pool: KindRunner,
    private readonly inline: KindRunner,
    private readonly onFallback: (e: WorkerStartError) => void,
  ) {}

  async run<K extends KindName>(kind: K, input: KindInput<K>, opts: RunKindOptions = {}, transfer: ArrayBuffer[] = []): Promise<KindOutput<K>> {
    if (!this.fellBack) {
      // Until a worker has started once, keep a copy of the input: transferring its buffers to a
      // thread that then fails would leave nothing to run inline.
      const spare = this.proven ? null : structuredClone(input);
      try {
        const out = await this.pool.run(kind, input, opts, transfer);
        this.proven = true;
        return out;
      } catch (e) {
        if (!(e instanceof WorkerStartError) || this.proven) throw e;
        this.fellBack = true;
        this.onFallback(e);
        return this.inline.run(kind, spare as KindInput<K>, opts);
      }
    }
    return this.inline.run(kind, input, opts);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
