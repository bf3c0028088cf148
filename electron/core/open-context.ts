import path from 'node:path';
import { openDatabase, type OpenOptions } from '../db/connection';
import type { Ctx } from './context';
import { DB_FILE } from './system/data-dir';
import { startupCheck } from './system/startup-check';
import { Jobs } from './jobs/jobs';
import { sourceWorkerEntry, type WorkerEntry } from './jobs/worker-entry';
import { toOpError } from './op-error';

/** Opens the database in a data folder and builds the context every transport shares. */
export function openContext(
  dataDir: string,
  runtime: Ctx['runtime'],
  resourcesDir: string,
  opts: OpenOptions & {
    actor?: string;
    /** The jobs' worker thread entry: the TypeScript source through tsx unless Electron passes its build; 'inline' for the CLI. */
    jobsWorker?: WorkerEntry | 'inline';
  } = {},
): Ctx {
  const dbPath = path.join(dataDir, DB_FILE);
  startupCheck(dataDir, dbPath);
  const db = openDatabase(dbPath, opts);
  const jobs = new Jobs(opts.jobsWorker ?? sourceWorkerEntry(), toOpError);
  return { db, dataDir, dbPath, resourcesDir, runtime, actor: opts.actor ?? runtime, now: () => new Date(), jobs };
}
