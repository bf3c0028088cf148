import type { JobName, JobResults, JobStartInput } from '../../shared/jobs';
import type { Ctx } from '../context';
import { importFile } from '../participants/import-commit';
import { renderBadgesFile } from '../badges/render-file';
import { batch } from '../certificates/handlers';
import type { JobControl } from './jobs';

type ParsedInput<K extends JobName> = Extract<JobStartInput, { job: K }>['input'];
export type JobRun<K extends JobName> = (ctx: Ctx, input: ParsedInput<K>, job: JobControl) => Promise<JobResults[K]>;

/**
 * Each job's main-thread handler: it reads the database, hands plain data to a kind in the
 * worker (job.inWorker), and writes the result back. Declare the job in shared/jobs.ts, then
 * add one line here.
 */
export const JOBS: { [K in JobName]: JobRun<K> } = {
  // The same input as participants.importCommit, choices (appEdits, allowFormulas) and desk scope included.
  'participants.import': (ctx, { eventId, desk, ...input }, job) => importFile(ctx, { eventId, desk }, input, job),
  'badges.render': (ctx, input, job) => renderBadgesFile(ctx, input, job),
  'certificates.batch': (ctx, input, job) => batch(ctx, input, job),
};
