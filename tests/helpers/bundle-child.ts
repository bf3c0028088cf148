import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const made = new Map<string, string>();

/**
 * A TypeScript entry (a test's child process, the job worker) bundled once per test process into
 * plain JavaScript (esbuild comes with tsx), so each start costs a Node start (~0.1 s) instead of
 * tsx compiling the sources (~1 s of CPU, several seconds on a loaded CI machine). The bundle
 * lives under node_modules/.cache so `better-sqlite3` and the other packages resolve from the
 * project's node_modules. A bundle finds no worker.ts beside itself: a child that starts job
 * workers must be handed a bundled worker entry too (tests/helpers/ctx.ts does for tempCtx).
 */
export function bundleChild(entry: string): string {
  let file = made.get(entry);
  if (!file) {
    file = path.join(ROOT, 'node_modules/.cache/hadir-tests', `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
    buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: file,
      logLevel: 'silent',
    });
    made.set(entry, file);
  }
  return file;
}
