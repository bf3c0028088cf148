// Which modules a CLI command loads on its main thread (issue 21 item 5: a check-in from a script
// or a scanner hook, and `hadir doctor`, start in ≤ 250 ms). A structural check, not a timing:
// the command runs in a fresh Node with tests/helpers/loaded-modules.mjs preloaded, and the test
// names what must stay unloaded. Shared by the unit test (sources, through tsx) and the e2e one
// (the compiled CLI, whose chunks are mapped back to the sources they hold).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, tempDir } from './ctx';

export interface Loaded {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every module loaded on the main thread, as a path relative to the checkout or a node: name. */
  modules: string[];
}

/** Runs `node [--import tsx] <entry> ...args` and lists what its main thread loaded. */
export function cliLoaded(entry: string, args: string[], opts: { tsx: boolean }): Loaded {
  const out = path.join(tempDir('hadir-loaded-'), 'loaded.txt');
  const r = spawnSync(
    process.execPath,
    [...(opts.tsx ? ['--import', 'tsx'] : []), '--import', path.join(ROOT, 'tests/helpers/loaded-modules.mjs'), entry, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOADED_MODULES_OUT: out }, timeout: 180_000 },
  );
  const urls = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n') : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, modules: urls.map(relative) };
}

/** node_modules may be a link to another checkout's: a package is named from node_modules/ on. */
function relative(url: string): string {
  if (!url.startsWith('file:')) return url;
  const file = fs.realpathSync(fileURLToPath(url));
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) return file.slice(nm + 1);
  return path.relative(fs.realpathSync(ROOT), file);
}

/** The packages among the modules (node_modules/<name>/… or node_modules/@scope/name/…). */
export function packagesOf(modules: string[]): string[] {
  const names = new Set<string>();
  for (const m of modules) {
    const hit = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m);
    if (hit) names.add(hit[1]!);
  }
  return [...names].sort();
}

/**
 * The source files and bundled packages a compiled chunk holds, read from the region comments
 * the build writes above each module (`// electron/core/checkin/scan.ts`,
 * `// node_modules/@cantoo/pdf-lib/es/…`; a linked node_modules is written as ../x/node_modules/…).
 */
export function sourcesOfChunk(file: string): string[] {
  const out: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\/\/ ((?:\.\.\/)*[^ ]+\.(?:ts|js|mjs|cjs))$/.exec(line);
    if (!m) continue;
    const p = m[1]!;
    const nm = p.indexOf('node_modules/');
    out.push(nm >= 0 ? p.slice(nm) : p);
  }
  return out;
}

/** Every domain's handler map (core/<domain>/…handlers.ts): which of them a command loaded. */
export const handlerFiles = (files: string[]): string[] => files.filter((f) => /^electron\/core\/[^/]+\/.*handlers\.ts$/.test(f)).sort();

/** Libraries a check-in or the doctor's main thread must not load: PDF, fonts, workbooks, zips, images. */
export const HEAVY_PACKAGES = ['@cantoo/pdf-lib', 'fontkit', 'exceljs', 'jszip', 'pngjs', 'iconv-lite', 'brotli', 'xlsx'];

/**
 * Like cliLoaded, for every thread: the modules each thread loaded, by thread id (0 is the main
 * thread; a job worker is 1 and up). Through NODE_OPTIONS, since a job worker is started with
 * execArgv of its own (WorkerPool) and does not inherit the command line's --import.
 */
export function cliLoadedByThread(entry: string, args: string[], opts: { tsx: boolean }): Omit<Loaded, 'modules'> & { threads: Map<number, string[]> } {
  const out = path.join(tempDir('hadir-loaded-'), 'loaded.txt');
  const hook = path.join(ROOT, 'tests/helpers/thread-modules.mjs');
  const r = spawnSync(process.execPath, [...(opts.tsx ? ['--import', 'tsx'] : []), entry, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOADED_MODULES_OUT: out, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${hook}`.trim() },
    timeout: 180_000,
  });
  const threads = new Map<number, string[]>();
  for (const line of fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n') : []) {
    const at = line.indexOf(' ');
    const id = Number(line.slice(0, at));
    if (!threads.has(id)) threads.set(id, []);
    threads.get(id)!.push(relative(line.slice(at + 1)));
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, threads };
}
