import fs from 'node:fs';
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

/**
 * The worker for code that runs either way, such as the CLI (`hadir doctor` starts one): from
 * the sources through tsx, or, when this module was compiled into out/main (its chunks sit
 * below it), the built jobs-worker.js found upward from here.
 */
export function currentWorkerEntry(): WorkerEntry {
  if (import.meta.url.endsWith('.ts')) return sourceWorkerEntry();
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'jobs-worker.js'))) return builtWorkerEntry(dir);
  }
  return sourceWorkerEntry();
}
