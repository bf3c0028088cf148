// `hadir doctor`'s job-worker check, started by cli/index.ts before commander and the commands
// load: the worker's own start-up (a thread, pdf-lib, fontkit, the tag font: most of what the
// doctor waits for) then runs beside the main thread's loading and checks instead of after them
// (issue 21 item 5: `hadir doctor` in ≤ 250 ms). cli/doctor.ts takes the promise when it runs.
import type { WorkerMeasure } from '../core/system/doctor-worker';
import { checkoutRoot } from './run';
import path from 'node:path';
import { parseArgs } from 'node:util';

let started: Promise<WorkerMeasure> | undefined;

export function startDoctorWorker(full: boolean): void {
  started ??= Promise.all([import('../core/system/doctor-worker'), import('../core/jobs/worker-entry')]).then(([w, e]) =>
    w.measureWorker(e.currentWorkerEntry(), path.join(checkoutRoot, 'resources'), { full }),
  );
}

/** The measurement started early, if it was. */
export const doctorWorkerStarted = (): Promise<WorkerMeasure> | undefined => started;

/**
 * `hadir doctor [--json] [--full] [--data-dir DIR]` read without commander: the options when the
 * words are exactly those, else null, and commander takes the command as before (--help, a
 * mistyped option and its message). Loading commander and every command's definitions (zod
 * with them) was a sixth of the doctor's main thread (docs/engineering/cli-start.md).
 */
export function doctorArgs(words: string[]): { json: boolean; full: boolean; dataDir?: string } | null {
  try {
    const { values } = parseArgs({
      args: words,
      options: { json: { type: 'boolean' }, full: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    return {
      json: values.json === true,
      full: values.full === true,
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    };
  } catch {
    return null;
  }
}
