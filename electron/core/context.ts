import type { Db } from '../db/connection';

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
}

export const nowIso = (ctx: Ctx) => ctx.now().toISOString();
