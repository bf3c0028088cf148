// `hadir doctor`'s job-worker check, started by cli/index.ts before commander and the commands
// load: the worker's own start-up (a thread, pdf-lib, fontkit, the tag font: most of what the
// doctor waits for) then runs beside the main thread's loading and checks instead of after them
// (issue 21 item 5: `hadir doctor` in ≤ 250 ms). cli/doctor.ts takes the promise when its action runs.
import type { WorkerMeasure } from '../core/system/doctor-worker';
import { checkoutRoot } from './run';
import path from 'node:path';

let started: Promise<WorkerMeasure> | undefined;

export function startDoctorWorker(full: boolean): void {
  started ??= Promise.all([import('../core/system/doctor-worker'), import('../core/jobs/worker-entry')]).then(([w, e]) =>
    w.measureWorker(e.currentWorkerEntry(), path.join(checkoutRoot, 'resources'), { full }),
  );
}

/** The measurement started early, if it was. */
export const doctorWorkerStarted = (): Promise<WorkerMeasure> | undefined => started;
