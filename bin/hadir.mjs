#!/usr/bin/env node
// `hadir`: the command line over the same core as the kiosk.
//
// After `npm run build`, the CLI runs compiled (out/main/cli.js, an input of the main build):
// a check-in from a script or a scanner hook then starts in ~0.3 s of CPU instead of the ~1 s
// tsx spends compiling the TypeScript sources on every call. From a checkout that was never
// built, or whose sources changed since the build, it runs the sources through tsx, so
// `npx hadir` always runs the code that is there. tsx is a devDependency: the CLI is run from
// a checkout after `npm install`; the packaged kiosk does not carry it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// An import (`hadir participants import`) runs with V8's heap kept small, set here, before any
// other module loads. Its largest accepted file (50,000 rows x 20 columns) peaked at 332–380 MB
// against a bound of 300 (issue 21; docs/engineering/import-memory.md): V8 grew the young
// generation to 2 x 32 MB during start-up and the walk, and let each thread's old generation grow
// ~2x past what was alive, garbage V8 never returns while the process lives. A growth factor of 1
// keeps the young generation at its starting size (the flag is read whenever V8 considers growing
// it, so setting it at run time works; --max-semi-space-size is read once, at start); a heap
// growing percent of 50 collects the old generation at 1.5x what was alive. Measured with both:
// 225–243 MB; without the second 257–280 MB, at about the same CPU time (20 cost 10–15 % more).
// Other commands keep V8's defaults: the kiosk, and badge and certificate batches, are measured
// with them.
const words = process.argv.slice(2);
if (words[0] === 'participants' && words[1] === 'import') {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--heap-growing-percent=50');
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'main', 'cli.js');

/** The newest modification time of any file under dir (the sources, ~400 files: a few ms). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function builtIsCurrent() {
  try {
    return fs.statSync(built).mtimeMs >= newest(path.join(root, 'electron'));
  } catch {
    return false; // never built
  }
}

if (process.env.HADIR_CLI_FROM_SOURCE !== '1' && builtIsCurrent()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
