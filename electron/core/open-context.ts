import path from 'node:path';
import { openDatabase, type OpenOptions } from '../db/connection';
import type { Ctx } from './context';
import { DB_FILE } from './system/data-dir';
import { startupCheck } from './system/startup-check';

/** Opens the database in a data folder and builds the context every transport shares. */
export function openContext(
  dataDir: string,
  runtime: Ctx['runtime'],
  resourcesDir: string,
  opts: OpenOptions & { actor?: string } = {},
): Ctx {
  const dbPath = path.join(dataDir, DB_FILE);
  startupCheck(dataDir, dbPath);
  const db = openDatabase(dbPath, opts);
  return { db, dataDir, dbPath, resourcesDir, runtime, actor: opts.actor ?? runtime, now: () => new Date() };
}
