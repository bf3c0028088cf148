// What a process loads before it does its work (issue 21: a badge sheet's start-up, the CLI's
// ≤ 250 ms). Each case runs in a fresh Node (through tsx, from the sources) with a hook that
// records every module it loads, and checks that the heavy ones it does not need stay unloaded.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/ctx';

/** The module URLs a Node process loaded for `args` (a file, or --input-type=module -e code). */
function loaded(args: string[]): { urls: string[]; stdout: string } {
  const out = path.join(tempDir(), 'loaded.txt');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', path.join(ROOT, 'tests/helpers/loaded-modules.mjs'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOADED_MODULES_OUT: out },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return { urls: fs.readFileSync(out, 'utf8').trim().split('\n'), stdout: r.stdout };
}

const pkg = (name: string) => (url: string) => url.includes(`/node_modules/${name}/`);
const HEAVY = ['@cantoo/pdf-lib', 'zod', 'fontkit', 'jszip', 'better-sqlite3', 'exceljs', 'qrcode', 'commander'];

describe('start-up: what is loaded before the work', () => {
  it('`hadir --version` loads no command and no package (it was ~700 modules, 1.2 s of CPU)', () => {
    const { urls, stdout } = loaded([path.join(ROOT, 'electron/cli/index.ts'), '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(urls.filter((u) => u.includes('/node_modules/'))).toEqual([]);
    expect(urls.filter((u) => u.includes('/electron/')).length).toBeLessThan(5);
  });

  it("the job worker's kinds map loads no kind's modules until that kind runs", () => {
    const { urls } = loaded([
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(path.join(ROOT, 'electron/core/jobs/kinds.ts'))})`,
    ]);
    for (const name of HEAVY) expect(urls.filter(pkg(name)), name).toEqual([]);
    expect(urls.filter((u) => /\/electron\/core\/(reports|participants|certificates|badges|event)\//.test(u))).toEqual([]);
  });

  it("a badge QR loads qrcode's encoder only, not the package entry with its PNG and SVG renderers", () => {
    const file = JSON.stringify(path.join(ROOT, 'electron/core/qr/qr-modules.ts'));
    const { urls } = loaded(['--input-type=module', '-e', `const m = await import(${file}); m.qrRects('HD0TESTCODE')`]);
    expect(urls.filter(pkg('qrcode')).map((u) => u.replace(/.*\/node_modules\/qrcode\//, ''))).toEqual(['lib/core/qrcode.js']);
  });

  it('the dispatch (every command, check-in included) loads no PDF, zip or QR-image library', () => {
    const file = JSON.stringify(path.join(ROOT, 'electron/core/dispatch.ts'));
    const { urls } = loaded(['--input-type=module', '-e', `await import(${file})`]);
    for (const name of ['@cantoo/pdf-lib', 'jszip', 'pngjs', 'exceljs']) expect(urls.filter(pkg(name)), name).toEqual([]);
    expect(urls.filter((u) => u.includes('/node_modules/qrcode/lib/index.js'))).toEqual([]);
  });
});
