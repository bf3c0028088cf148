import type { OpError } from '../../shared/result';

/**
 * What the main thread sends a job's worker: the kind to run, then one `ack` per part received
 * (a worker sends its next part only when the last one was taken: see KindIo.part). `load`, sent
 * to a thread started ahead of its job (WorkerPool.prestart), imports a kind's modules meanwhile.
 */
export type ToWorker = { type: 'run'; kind: string; input: unknown } | { type: 'ack' } | { type: 'load'; kind: string };

/** What a job's worker sends back. Exactly one `done` or `error` ends the conversation. */
export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'part'; chunk: unknown }
  | { type: 'done'; output: unknown }
  | {
      type: 'error';
      error: ({ hadir: true } & OpError) | { hadir: false; name: string; message: string; stack?: string };
    };
