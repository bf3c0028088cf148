import type { Db } from '../db/connection';
import type { Jobs } from './jobs/jobs';
import type { Logger } from './log/logger';

/** Everything an operation may touch, passed in so tests use a temporary file. */
export interface Ctx {
  db: Db;
  dataDir: string;
  dbPath: string;
  /** Folder with fonts, demo data and artwork (repo resources/ or the packaged copy). */
  resourcesDir: string;
  runtime: 'electron' | 'web' | 'cli';
  /** Who acts, for the audit log: 'kiosk', 'web:<ip>', 'cli'. */
  actor: string;
  now: () => Date;
  /** Long work in worker threads (core/jobs): one registry per open data folder. */
  jobs: Jobs;
  /** The data folder's log (logs/hadir.log): failures, start-up, migrations, jobs. */
  log: Logger;
}

export const nowIso = (ctx: Ctx) => ctx.now().toISOString();
