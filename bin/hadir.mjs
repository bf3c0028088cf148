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

// The compiled CLI sets no V8 flag. An import through tsx (a checkout whose sources changed since
// the build) keeps V8's heap small: tsx's compiler holds its own heap beside the import's, and the
// largest accepted file (50,000 rows x 20 columns) peaked at ~390 MB that way against a bound of
// 300 (issue 21; docs/engineering/import-memory.md). A growth factor of 1 keeps the young
// generation at its starting size (read whenever V8 considers growing it, so setting it at run
// time works); a heap growing percent of 50 collects the old generation at 1.5x what was alive.
// Compiled, the same file peaks at ~195–205 MB without them, and they cost it a fifth of its CPU
// time (a scavenge per megabyte parsed), so they are not set there (fifth pass).
function keepHeapSmall() {
  const words = process.argv.slice(2);
  if (words[0] !== 'participants' || words[1] !== 'import') return;
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
  keepHeapSmall();
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
