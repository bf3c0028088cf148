import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatusDto } from '../../shared/backup';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { listBackups } from './backup-files';
import { inspectBackup } from './backup-check';
import { restoreBackup } from './backup-restore';
import { backupDirs, backupStatus, runBackup, setBackupDir } from './backup';

const status = (ctx: Ctx): BackupStatusDto => backupStatus(ctx.dataDir);

/**
 * A desk on the venue network may only name backups the kiosk itself lists: a path typed into a
 * browser must never make the kiosk open an arbitrary file. The kiosk's own window (Electron,
 * where the file comes from the system's open dialog) and the CLI may name any file.
 */
function allowedFile(ctx: Ctx, file: string): string {
  const full = path.resolve(file);
  if (ctx.runtime === 'web' && !listBackups(backupDirs(ctx.dataDir)).some((b) => b.file === full)) {
    throw new HadirError('backup_invalid', 'Only the backups listed by this kiosk can be opened from a desk', { detail: file });
  }
  return full;
}

export const backupHandlers: HandlerMap<'backup.status' | 'backup.run' | 'backup.setDir' | 'backup.inspect' | 'backup.restore'> =
  {
    'backup.status': (ctx) => status(ctx),
    'backup.run': async (ctx) => {
      const out = await runBackup(ctx, 'manual');
      if (!out.copies[0]?.file)
        throw new HadirError('backup_failed', `Backup failed: ${out.copies[0]?.error}`, { detail: out.copies[0]?.error ?? '' });
      return status(ctx);
    },
    'backup.setDir': (ctx, { dir }) => {
      if (ctx.runtime === 'web') throw new HadirError('forbidden', 'The backup folder is chosen at the kiosk itself');
      if (dir !== null) {
        const full = path.resolve(dir);
        try {
          fs.mkdirSync(full, { recursive: true });
          fs.accessSync(full, fs.constants.W_OK);
        } catch {
          throw new HadirError('backup_failed', `Cannot write to ${full}`, { detail: full });
        }
        setBackupDir(ctx.dataDir, full);
      } else setBackupDir(ctx.dataDir, null);
      return status(ctx);
    },
    'backup.inspect': (ctx, { file }) => {
      const full = allowedFile(ctx, file);
      return { file: full, ...inspectBackup(full, ctx.dataDir) };
    },
    'backup.restore': async (ctx, { file }) => {
      const full = allowedFile(ctx, file);
      const { keptAs, carried } = await restoreBackup(ctx, full);
      return { ...status(ctx), keptAs, carried };
    },
  };
