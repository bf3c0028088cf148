import path from 'node:path';
import { checkFreeSpace, openDatabase, type OpenOptions } from '../db/connection';
import { checkDataPlace } from '../db/storage-error';
import { untilNotBusy } from '../db/wait-turn';
import type { Ctx } from './context';
import { DB_FILE } from './system/data-dir';
import { startupCheck } from './system/startup-check';
import { Jobs } from './jobs/jobs';
import { sourceWorkerEntry, type WorkerEntry } from './jobs/worker-entry';
import { toOpError } from './op-error';
import { openLog } from './log/logger';
import { replayPendingScans } from '../db/repositories/scans';
import { holdDatabase } from './system/db-holders';
import { cleanCheckDir } from './system/backup-check';

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
  const log = openLog(dataDir);
  let db;
  try {
    // A file where the folder should be (or the other way round), said plainly, before anything is made.
    checkDataPlace(dbPath);
    // Before the start-up check opens anything: on a full disk even that open left a stray -shm.
    if (!opts.readonly) checkFreeSpace(dbPath);
    const busyTimeoutMs = runtime === 'cli' ? 30_000 : 5_000;
    // The check and the open (WAL switch, migration) wait their turn together (db/wait-turn.ts).
    db = untilNotBusy(() => {
      startupCheck(dataDir, dbPath);
      return openDatabase(dbPath, {
        // A command may wait long for another process's transaction; a desk process may not (connection.ts).
        busyTimeoutMs,
        ...opts,
        onMigrated: (from, to) => log.info({ from, to }, 'database migrated'),
      });
    }, opts.busyTimeoutMs ?? busyTimeoutMs);
  } catch (e) {
    // db_newer, db_damaged, a read-only folder…: the window or the command says what to do; the
    // log keeps what happened, with the stack, for whoever looks into it later.
    log.error({ runtime, err: e }, 'database could not be opened');
    throw e;
  }
  // Check-ins acknowledged during a long write that a crash cut short (db/pending-scans.ts).
  if (!opts.readonly) {
    const pending = replayPendingScans(db);
    if (pending.replayed || pending.skipped) log.warn(pending, 'check-ins journaled during an unfinished import written again');
  }
  // Private copies of backups a killed check or restore left in the data folder (backup-check.ts).
  if (!opts.readonly) {
    const stale = cleanCheckDir(dataDir);
    if (stale.length) log.warn({ files: stale }, 'removed backup-check copies left by a process that stopped');
  }
  // The kiosk and the web host hold the database while they run: a restore from another
  // process is refused naming them (db-holders.ts); a CLI command holds it for a moment only.
  if (runtime !== 'cli' && !opts.readonly) holdDatabase(dataDir, { runtime });
  // The kiosk and the web host log their start; a CLI command (one of many) does not.
  if (runtime !== 'cli') log.info({ runtime, schema: db.pragma('user_version', { simple: true }) }, 'started');
  const jobs = new Jobs(
    opts.jobsWorker ?? sourceWorkerEntry(),
    (e, where) => toOpError(e, log, where),
    (event, s) =>
      log.info({ job: s.job, id: s.id, state: s.state, phase: s.phase, done: s.done, total: s.total }, `job ${event}`),
    (e) => log.error({ err: e.cause }, 'job worker could not start: jobs run on the main thread from now on'),
  );
  return { db, dataDir, dbPath, resourcesDir, runtime, actor: opts.actor ?? runtime, now: () => new Date(), jobs, log };
}
