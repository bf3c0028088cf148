import type { OpError } from '../../shared/result';

/** What the main thread sends a job's worker: one message, then it only listens. */
export interface ToWorker {
  kind: string;
  input: unknown;
}

/** What a job's worker sends back. Exactly one `done` or `error` ends the conversation. */
export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'part'; chunk: unknown }
  | { type: 'done'; output: unknown }
  | {
      type: 'error';
      error: ({ hadir: true } & OpError) | { hadir: false; name: string; message: string; stack?: string };
    };
