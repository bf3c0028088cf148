#!/usr/bin/env node
// `npm run smoke`: the first run on a real laptop (issue 17). Builds the app, then runs the
// Electron tests (tests/electron, Playwright's _electron) against it and writes a report the
// person can send back: smoke-report/report.json (pass/fail per step)
// and smoke-report/html/ (with the screenshots and traces of any step that failed).
//
// Where Electron's binary cannot be had (no internet, as on the machines Hadir is built on) it
// says so in one line and exits 0: nothing was checked, and nothing is claimed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });

spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-electron.mjs')], { cwd: root, stdio: 'ignore' });
const electron = electronBinary();
if (!('path' in electron)) {
  console.log(`Hadir smoke: Electron tidak tersedia di sini, tidak ada yang diuji / Electron is not available here (${electron.reason}); nothing was tested.`);
  process.exit(0);
}

const out = path.join(root, 'smoke-report');
fs.rmSync(out, { recursive: true, force: true });
if (run('npm', ['run', 'build']).status !== 0) process.exit(1);
const test = run('npx', ['playwright', 'test', '--project=electron', '--reporter=list,json,html', '--trace=retain-on-failure'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, 'report.json'),
  PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(out, 'html'),
  PLAYWRIGHT_HTML_OPEN: 'never',
});
console.log(`Hadir smoke: laporan / report: ${out}`);
process.exit(test.status ?? 1);
