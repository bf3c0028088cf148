// The end of a Windows session (shutdown, restart, logout). Electron emits no `before-quit` then,
// and Windows kills the process soon after WM_ENDSESSION (ELECTRON-NOTES 14), so the quit-time
// backup of backup.ts (asynchronous, 64 pages a step) would never run. Here everything is
// synchronous and short: a WAL checkpoint, then one backup by VACUUM INTO from a second,
// read-only connection (it sees only committed data, so an import being written in slices on the
// main connection neither blocks it nor leaks into it), copied to the organiser's folder.
// Electron-free: electron/main calls sessionEndHandler from the window's query-session-end and
// session-end; tests/unit/session-end.test.ts runs it on real files.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context';
import { backupDirs, recordBackupOutcome, type BackupOutcome } from './backup';
import { backupFileName, pruneBackups } from './backup-files';

/** Checkpoint and backup, synchronously. Never throws: each failure is recorded and logged. */
export function sessionEndBackup(ctx: Pick<Ctx, 'db' | 'dbPath' | 'dataDir' | 'now' | 'log'>): BackupOutcome {
  try {
    // PASSIVE: copies what it can without waiting for a reader or a writer.
    ctx.db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    ctx.log.warn({ err: e }, 'session end: checkpoint failed');
  }
  const at = ctx.now();
  const name = backupFileName(at, 'quit');
  const [own, ...others] = backupDirs(ctx.dataDir);
  const copies: BackupOutcome['copies'] = [];
  const tmp = path.join(own!, `${name}.partial`);
  try {
    fs.mkdirSync(own!, { recursive: true });
    const src = new Database(ctx.dbPath, { readonly: true, fileMustExist: true });
    try {
      // VACUUM INTO writes a consistent snapshot as one rollback-journal file: it opens anywhere.
      src.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      src.close();
    }
    const file = path.join(own!, name);
    fs.renameSync(tmp, file); // a file with a backup's name is always whole
    pruneBackups(own!);
    copies.push({ dir: own!, file });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    copies.push({ dir: own!, error: e instanceof Error ? e.message : String(e) });
  }
  for (const dir of others) {
    try {
      if (!copies[0]!.file) throw new Error('no backup was made');
      fs.mkdirSync(dir, { recursive: true });
      const dest = path.join(dir, name);
      fs.copyFileSync(copies[0]!.file, `${dest}.partial`);
      fs.renameSync(`${dest}.partial`, dest);
      pruneBackups(dir);
      copies.push({ dir, file: dest });
    } catch (e) {
      copies.push({ dir, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const outcome: BackupOutcome = { at: at.toISOString(), reason: 'quit', copies };
  try {
    recordBackupOutcome(ctx.dataDir, outcome);
  } catch (e) {
    ctx.log.warn({ err: e }, 'session end: could not record the backup outcome');
  }
  const failed = copies.filter((c) => c.error);
  if (failed.length) ctx.log.error({ copies }, 'session end: backup incomplete');
  else ctx.log.info({ copies: copies.map((c) => c.file) }, 'session end: backup taken');
  return outcome;
}

/**
 * The listener for both window events. Windows sends query-session-end first (more time left),
 * then session-end; the backup is taken once, at the first. It never calls preventDefault: the
 * kiosk must not hold up a shutdown.
 */
export function sessionEndHandler(ctx: Pick<Ctx, 'db' | 'dbPath' | 'dataDir' | 'now' | 'log'>): () => BackupOutcome | null {
  let done = false;
  return () => {
    if (done) return null;
    done = true;
    return sessionEndBackup(ctx);
  };
}
