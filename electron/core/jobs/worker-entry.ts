import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where a job's worker thread starts, and with which Node options. */
export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/**
 * From the TypeScript sources (vitest, tsx: the web host, the CLI, the bench): the worker is
 * worker.ts, loaded through tsx like the thread that starts it. tsx is resolved from here, not
 * from the current folder, so `hadir` run from anywhere finds it.
 */
export function sourceWorkerEntry(): WorkerEntry {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: path.join(here, 'worker.ts'), execArgv: ['--import', tsx] };
}

/**
 * From the electron-vite build: out/main/jobs-worker.js (a second input of the main build),
 * plain JavaScript, no loader. Electron's main process passes this; it cannot be derived from
 * import.meta.url here, which points at whichever bundle chunk this code landed in.
 */
export function builtWorkerEntry(outMainDir: string): WorkerEntry {
  return { file: path.join(outMainDir, 'jobs-worker.js'), execArgv: [] };
}
