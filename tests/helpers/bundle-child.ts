import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, buildSync, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const made = new Map<string, string>();

/**
 * A TypeScript entry (a test's child process, the job worker) bundled once per test process into
 * plain JavaScript (esbuild comes with tsx), so each start costs a Node start (~0.1 s) instead of
 * tsx compiling the sources (~1 s of CPU, several seconds on a loaded CI machine). The bundle
 * lives under node_modules/.cache so `better-sqlite3` and the other packages resolve from the
 * project's node_modules. A bundle finds no worker.ts beside itself: a child that starts job
 * workers must be handed a bundled worker entry too (tests/helpers/ctx.ts does for tempCtx).
 *
 * `packages: 'inside'` also bundles the npm packages (all but better-sqlite3, a native module), for
 * a child started many times: Node then resolves and reads one file instead of a few hundred of
 * node_modules (zod, pdf-lib, jszip…), and crash.test's desk reaches its first check-in with
 * ~0.24 s of CPU instead of ~0.43 (docs/engineering/ci-time.md). Only for a child whose test runs
 * every path it takes: a package that reads a file beside its own code (`__dirname`) fails there,
 * and only when that code runs.
 */
export function bundleChild(entry: string, opts: { packages?: 'external' | 'inside' } = {}): string {
  const inside = opts.packages === 'inside';
  const key = `${entry}\0${inside}`;
  let file = made.get(key);
  if (!file) {
    const name = `${path.basename(entry, '.ts')}${inside ? '-whole' : ''}-${process.pid}.mjs`;
    file = path.join(ROOT, 'node_modules/.cache/hadir-tests', name);
    buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      ...(inside
        ? {
            external: ['better-sqlite3'],
            // The CommonJS packages inside an ES module still call require (node: built-ins).
            banner: { js: "import { createRequire as __hadirRequire } from 'node:module'; const require = __hadirRequire(import.meta.url);" },
          }
        : { packages: 'external' as const }),
      outfile: file,
      logLevel: 'silent',
    });
    made.set(key, file);
  }
  return file;
}

/**
 * An entry bundled as bundleChild does, but each of the project's modules keeps its own file's
 * `import.meta.url`, as under tsx: for an entry that finds its files from where it is. The web
 * host's main.ts serves out/renderer and reads resources/ from two folders up, and its job workers
 * start from worker.ts beside worker-entry.ts (through tsx, as `npm run web` does); with the
 * bundle's URL they would all look in node_modules/.cache. Asynchronous: esbuild runs plugins only
 * in its asynchronous build.
 */
export async function bundleWithSourceUrls(entry: string): Promise<string> {
  const file = path.join(ROOT, 'node_modules/.cache/hadir-tests', `${path.basename(entry, '.ts')}-src-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    plugins: [sourceUrls],
    outfile: file,
    logLevel: 'silent',
  });
  return file;
}

/** Replaces `import.meta.url` in the project's TypeScript sources with that file's own URL. */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};
