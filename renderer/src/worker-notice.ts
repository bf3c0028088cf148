// Issue 17, finding 5: when the job worker cannot start, jobs run on the main thread
// (core/jobs/fallback-runner.ts). The host knows (app.info's workerFallback, a job status's
// notice); this keeps what this page has learnt, so one banner (WorkerNotice) can say it.
import { useSyncExternalStore } from 'react';
import type { JobStatus } from '../../electron/shared/jobs';
import { api } from './api';

let fellBack = false;
const listeners = new Set<() => void>();

function note(): void {
  if (fellBack) return;
  fellBack = true;
  for (const l of listeners) l();
}

/** A finished job's status says whether it ran without its worker. */
export function noteJobStatus(s: JobStatus): void {
  if (s.notice === 'worker_fallback') note();
}

/**
 * Asks the host (start-up, each change of screen): operations that are not jobs (a test sheet, a
 * daftar hadir, reading an event file) also use the worker and may be the first to fall back.
 */
export function checkWorkerFallback(): void {
  if (fellBack) return;
  api('app.info', {}).then(
    (info) => info.workerFallback && note(),
    () => undefined, // host unreachable: the screens say so themselves
  );
}

export function useWorkerFallback(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => fellBack,
  );
}
