// The whole device check, measured and judged in order: what `hadir doctor` prints and what the
// "Cek perangkat" screen lists (operation system.doctor). One function, so both say the same.
import type { WorkerEntry } from '../jobs/worker-entry';
import type { DoctorReport } from '../../shared/doctor';
import {
  checkBackup,
  checkClock,
  checkDatabase,
  checkDisk,
  checkWorker,
  doctorExitCode,
  measureBackup,
  measureDatabase,
  measureDisk,
  type ClockMeasure,
} from './doctor';
import { measureWorker, type WorkerMeasure } from './doctor-worker';

export interface DoctorInput {
  dataDir: string;
  dbPath: string;
  resourcesDir: string;
  /** The backup folder the organiser chose (backup.json), null when there is none. */
  backupDir: string | null;
  /** A fresh worker is started from this entry, whatever the running jobs use. */
  worker: WorkerEntry;
  /**
   * The worker's measurement when it was started already (`hadir doctor` starts it before its
   * other modules load: cli/doctor-early.ts); else it is started here, first.
   */
  workerStarted?: Promise<WorkerMeasure>;
  /** The worker renders a page (`--full`, the screen), else it only starts and answers (doctor-worker.ts). */
  full: boolean;
  /** True when this process's jobs already fell back to the main thread. */
  fellBack?: boolean;
  /** The event the clock is compared with; read only once the database opened. */
  event: () => ClockMeasure['event'];
  now?: Date;
}

export async function runDoctor(o: DoctorInput): Promise<DoctorReport> {
  // The worker starts first: it loads and renders on its own thread while this one checks the
  // database, the disk and the backup folder (`hadir doctor` in ≤ 250 ms, issue 21 item 5).
  const worker = o.workerStarted ?? measureWorker(o.worker, o.resourcesDir, { full: o.full });
  const db = measureDatabase(o.dbPath);
  const now = o.now ?? new Date();
  const checks = [
    checkDatabase(db),
    checkDisk(measureDisk(o.dataDir)),
    checkBackup(measureBackup(o.dataDir, o.backupDir)),
    checkWorker(await worker, o.fellBack),
    checkClock({ now, offsetMinutes: -now.getTimezoneOffset(), event: 'opened' in db && db.opened ? o.event() : null }),
  ];
  return { ok: doctorExitCode(checks) === 0, dataDir: o.dataDir, checks };
}
