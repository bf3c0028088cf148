import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './ctx';

const made = new Map<string, Promise<string>>();

/**
 * A test's child process, bundled once per test process into plain JavaScript (esbuild comes with
 * tsx), so each start costs a Node start (~0.1 s) instead of tsx compiling the sources (~1 s of
 * CPU, several seconds on a loaded CI machine). The bundle lives under node_modules/.cache so
 * `better-sqlite3` and the other packages resolve from the project's node_modules.
 * Only for children that start no job worker: a bundle cannot find worker.ts beside itself.
 */
export function bundleChild(entry: string): Promise<string> {
  let out = made.get(entry);
  if (!out) {
    const file = path.join(ROOT, 'node_modules/.cache/hadir-tests', `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
    out = build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: file,
      logLevel: 'silent',
    }).then(() => file);
    made.set(entry, out);
  }
  return out;
}
