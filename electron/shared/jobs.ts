import { z } from 'zod';
import { deskScope } from './desk';
import { importCommitInput, type ImportOutcome } from './import';
import { badgesRenderInput, type BadgeFile } from './badges';
import { batchInput, type BatchResult } from './certificates';
import type { OpError } from './result';

/**
 * Long work runs as a job: `jobs.start` returns at once with the job's status (its id), the
 * screen polls `jobs.status` for the progress bar, may `jobs.cancel`, and fetches `jobs.result`.
 * Each job is declared here (its input schema and result type) and implemented in core/jobs/registry.ts.
 */
export const jobStartInput = z.discriminatedUnion('job', [
  // A job that records names its event and desk like the operation it stands for (shared/desk.ts).
  z.object({ job: z.literal('participants.import'), input: importCommitInput.extend(deskScope.shape).strict() }).strict(),
  z.object({ job: z.literal('badges.render'), input: badgesRenderInput }).strict(),
  z.object({ job: z.literal('certificates.batch'), input: batchInput }).strict(),
]);
export type JobStartInput = z.output<typeof jobStartInput>;
export type JobName = JobStartInput['job'];

/** The result type of each job. */
export interface JobResults {
  'participants.import': ImportOutcome;
  'badges.render': BadgeFile;
  'certificates.batch': BatchResult;
}
export type JobResult = JobResults[JobName];

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus {
  id: string;
  job: JobName;
  state: JobState;
  /** The step under way ('read', 'check', 'write'…), for the label; null before the first. */
  phase: string | null;
  /** Units of the current phase; total 0 = size not known yet (an indeterminate bar). */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  /** Set when state is 'failed': the same error the operation would have returned. */
  error?: OpError;
  /** 'worker_fallback': the job worker could not start, the job ran on the main thread (issue 17). */
  notice?: 'worker_fallback';
}

export const jobIdInput = z.object({ id: z.string().uuid() }).strict();
