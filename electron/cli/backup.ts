import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { HadirError } from '../shared/errors';
import { call, CliFailure, openCli } from './run';

export function backupCommands(program: Command) {
  program
    .command('backup')
    .description('make a backup now (into the data folder backups/, the chosen folder, and --to)')
    .option('--to <dir>', 'also keep backups in this folder from now on (a USB stick, say)')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      if (o.to) await call(ctx, 'backup.setDir', { dir: o.to });
      const s = await call(ctx, 'backup.run', {});
      for (const c of s.last?.copies ?? []) {
        if (c.file) console.log(c.file);
        else console.error(`hadir: ${c.dir}: ${c.error}`);
      }
    });

  program
    .command('restore [file]')
    .description('replace the database with a backup (the current file is moved aside, never deleted)')
    .option('--latest', 'the newest backup that passes the check')
    .option('--data-dir <dir>', 'data folder')
    .action(async (file: string | undefined, o) => {
      // Imported here, not at the top: every command loads this module (program.ts).
      const [{ DB_FILE, resolveDataDir }, { installBackup, moveAside, newestGoodBackup }, { inspectBackup }, { refuseIfHeld }, { backupDirs }, { startupCheck }] =
        await Promise.all([
          import('../core/system/data-dir'),
          import('../core/system/backup-files'),
          import('../core/system/backup-check'),
          import('../core/system/backup-restore'),
          import('../core/system/backup'),
          import('../core/system/startup-check'),
        ]);
      const dataDir = resolveDataDir(o.dataDir);
      const dbPath = path.join(dataDir, DB_FILE);
      // The web host or the kiosk window would go on writing into the file moved aside: refused,
      // naming it; the running kiosk restores from its own screen (backup-restore.ts).
      try {
        refuseIfHeld(dataDir);
      } catch (e) {
        throw new CliFailure(String((e as HadirError).params?.detail ?? (e as Error).message));
      }
      let source: string;
      if (file) source = path.resolve(file);
      else if (o.latest) {
        const good = newestGoodBackup(backupDirs(dataDir), dataDir);
        if (!good) throw new CliFailure(`No good backup in ${backupDirs(dataDir).join(', ')}.`);
        source = good.file;
      } else throw new CliFailure('Name a backup file, or use --latest.', 2);
      // Said plainly: SQLite would report a missing file as "unable to open database file".
      if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) throw new CliFailure(`No such backup file: ${source}`, 2);
      let s;
      try {
        s = inspectBackup(source, dataDir);
      } catch (e) {
        throw new CliFailure(`${source}: ${String((e as HadirError).params?.detail ?? (e as Error).message)}`);
      }
      console.log(`${source}\n  ${s.events.join('; ')}\n  ${s.participants} peserta / participants, ${s.checkins} check-in, last ${s.lastCheckinAt ?? '-'}`);

      let damaged = false;
      try {
        startupCheck(dataDir, dbPath);
      } catch (e) {
        if (!(e instanceof HadirError && e.code === 'db_damaged')) throw e;
        damaged = true;
      }
      if (damaged) {
        // The damaged file cannot be opened: move it aside as it is, then put the backup in place.
        const kept = moveAside(dbPath, 'damaged', new Date());
        installBackup(dbPath, source, new Date());
        console.log(`restored; the damaged file is kept as ${kept}`);
      } else {
        const ctx = await openCli(o.dataDir);
        const out = await call(ctx, 'backup.restore', { file: source });
        ctx.db.close();
        console.log(`restored; the previous file is kept as ${out.keptAs ?? '-'}`);
        console.log(
          `  ${out.carried.length} pindaian setelah cadangan dibawa ke data yang dipulihkan / scans made after the backup carried into the restored data`,
        );
        for (const c of out.carried)
          console.log(`  ${c.scannedAt}  ${c.verdict.padEnd(9)} ${c.name ?? '-'}  (${c.date ?? '-'}, ${c.station}, ${c.uuid})`);
      }
    });
}
