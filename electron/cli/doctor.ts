// `hadir doctor [--json]`: the device check a command can do (core/system/doctor.ts). Measures
// without opening the database for writing (a damaged file is reported, not touched), then prints
// one line per check, or one JSON object. Exit 0 only when nothing fails.
//
// What the check needs is imported when it runs, so that every other command does not load it.
import type Database from 'better-sqlite3';
import path from 'node:path';
import type { Command } from 'commander';
import type { ClockMeasure } from '../core/system/doctor';
import { checkoutRoot } from './run';
import type { TimeZone } from '../shared/time-zone';

/** The kiosk's default event (its dates and time zone), read-only; null when there is none. */
function readEvent(Sqlite: typeof Database, dbPath: string): ClockMeasure['event'] {
  try {
    const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
    try {
      const ev = db.prepare('SELECT id, time_zone AS tz FROM event WHERE archived_at IS NULL ORDER BY id DESC LIMIT 1').get() as
        | { id: number; tz: TimeZone }
        | undefined;
      if (!ev) return null;
      const days = (db.prepare('SELECT date FROM event_day WHERE event_id = ? ORDER BY date').all(ev.id) as { date: string }[]).map((d) => d.date);
      return days.length ? { timeZone: ev.tz, days } : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function doctorCommand(program: Command) {
  program
    .command('doctor')
    .description('check this machine before the event: database, disk, backup folder, job worker (--full: it renders a PDF), clock')
    .option('--json', 'one JSON object, one entry per check')
    .option('--full', 'the job worker renders a PDF page with the name tags\' font and QR (slower); without it, it starts and answers')
    .option('--data-dir <dir>', 'data folder')
    .action((o: DoctorOptions) => runDoctorCommand(o));
}

export interface DoctorOptions {
  json?: boolean;
  full?: boolean;
  dataDir?: string;
}

/**
 * The command itself: from commander's action, or straight from cli/index.ts, which reads these
 * three options with node's parseArgs and so loads neither commander nor the other commands
 * (doctor-early.ts). Prints one line per check, or the JSON; exit code 1 when a check fails.
 */
export async function runDoctorCommand(o: DoctorOptions): Promise<void> {
  // Started already when cli/index.ts saw `doctor` (doctor-early.ts); else now, first.
  const { doctorWorkerStarted, startDoctorWorker } = await import('./doctor-early');
  startDoctorWorker(o.full === true);
  const [{ default: Sqlite }, { currentWorkerEntry }, { readBackupConfig }, { DB_FILE, resolveDataDir }, { runDoctor }] = await Promise.all([
    import('better-sqlite3'),
    import('../core/jobs/worker-entry'),
    import('../core/system/backup'),
    import('../core/system/data-dir'),
    import('../core/system/doctor-run'),
  ]);
  const dataDir = resolveDataDir(o.dataDir);
  const dbPath = path.join(dataDir, DB_FILE);
  const report = await runDoctor({
    dataDir,
    dbPath,
    resourcesDir: path.join(checkoutRoot, 'resources'),
    backupDir: readBackupConfig(dataDir).dir,
    worker: currentWorkerEntry(),
    full: o.full === true,
    workerStarted: doctorWorkerStarted(),
    event: () => readEvent(Sqlite, dbPath),
  });
  if (o.json) console.log(JSON.stringify(report, null, 2));
  else for (const r of report.checks) console.log(`${r.state.toUpperCase().padEnd(4)} ${r.check}: ${r.message}`);
  process.exitCode = report.ok ? 0 : 1;
}
