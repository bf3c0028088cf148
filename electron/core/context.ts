import type { Db } from '../db/connection';
import type { Jobs } from './jobs/jobs';
import type { Logger } from './log/logger';
import type { HubControl } from './system/hub-control';

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
  /**
   * The LAN listener this host can open to other desks (issue 19: the kiosk's own switch), set by
   * the Electron main process and the web host; absent in the CLI and in tests that do not open one.
   */
  hub?: HubControl;
}

export const nowIso = (ctx: Ctx) => ctx.now().toISOString();

/**
 * One request's view of the context: its own actor, everything else read through to the host's
 * context. Not a copy: a copy held the connection of the moment it was made, so after a restore
 * swapped the host's connection (replaceDb) every later request of the web host still used the
 * closed one ("The database connection is not open") until a restart.
 */
export function withActor(ctx: Ctx, actor: string): Ctx {
  return Object.create(ctx, { actor: { value: actor, enumerable: true } }) as Ctx;
}

/**
 * Swaps the connection in the one place every desk, job and the backup scheduler read it from:
 * the context that owns `db` (the host's, not a request's view of it, see withActor).
 */
export function replaceDb(ctx: Ctx, db: Db): void {
  let owner: object = ctx;
  while (!Object.prototype.hasOwnProperty.call(owner, 'db')) owner = Object.getPrototypeOf(owner) as object;
  (owner as Ctx).db = db;
}
