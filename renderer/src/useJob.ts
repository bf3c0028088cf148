import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobName, JobResults, JobStartInput, JobStatus } from '../../electron/shared/jobs';
import type { OpInput } from '../../electron/shared/contract';
import { api } from './api';
import { noteJobStatus } from './worker-notice';

/** How often a running job's progress is asked for: often enough for a bar that moves. */
const POLL_MS = 300;

type StartInput<K extends JobName> = Extract<OpInput<'jobs.start'>, { job: K }>['input'];

/**
 * Runs a job (core/jobs) from a screen: start it, poll its status for <JobProgress>, and resolve
 * with its result. Polling works the same over IPC and HTTP, so the web host needs nothing more.
 * Leaving the screen stops polling; the job itself goes on unless cancelled.
 */
export function useJob() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const live = useRef(true);
  const current = useRef<string | null>(null);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(async <K extends JobName>(job: K, input: StartInput<K>): Promise<JobResults[K] | null> => {
    let s = await api('jobs.start', { job, input } as OpInput<'jobs.start'>);
    current.current = s.id;
    setStatus(s);
    while (!s.finishedAt) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!live.current) return null;
      s = await api('jobs.status', { id: s.id });
      if (live.current) setStatus(s);
    }
    noteJobStatus(s);
    current.current = null;
    if (s.state === 'cancelled') return null;
    // A failed job's result is its error: api() throws it as the operation would have.
    return (await api('jobs.result', { id: s.id })) as JobResults[K];
  }, []);

  /** Asks the host to stop the job; run() then resolves with null. */
  const cancel = useCallback(async () => {
    if (current.current) setStatus(await api('jobs.cancel', { id: current.current }));
  }, []);

  const reset = useCallback(() => setStatus(null), []);
  return { status, run, cancel, reset };
}

export type { JobStartInput };
