import type { JobName, JobResult } from '../../shared/jobs';
import type { HandlerMap } from '../handler';
import { JOBS, type JobRun } from './registry';

export const jobHandlers: HandlerMap<'jobs.start' | 'jobs.status' | 'jobs.cancel' | 'jobs.result'> = {
  'jobs.start': (ctx, { job, input }) => {
    const run = JOBS[job] as JobRun<JobName>;
    return ctx.jobs.start(job, (control) => run(ctx, input as never, control));
  },
  'jobs.status': (ctx, { id }) => ctx.jobs.status(id),
  'jobs.cancel': (ctx, { id }) => ctx.jobs.cancel(id),
  'jobs.result': (ctx, { id }) => ctx.jobs.result(id) as JobResult,
};
