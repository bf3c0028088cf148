#!/usr/bin/env node
// `npm run smoke`: the first run on a real laptop (issue 17). Builds the app, packages it for this
// system with electron-builder (--dir: no installer; the inspect fuse left on, which Playwright's
// _electron needs and the release build turns off), then runs the Electron tests against it:
// tests/electron/smoke.spec.ts walks the smoke list (tests/electron/smoke-steps.mjs) and
// app.spec.ts the bridge, IPC and security checks. The report the person sends back:
// smoke-report/report.json (pass/fail per step) and smoke-report/html/ (a screenshot per step).
//
// Where Electron's binary cannot be had (no internet, as on the machines Hadir is built on) it
// says so in one line, lists what it would have checked, and exits 0: nothing is claimed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { SMOKE_STEPS } from '../tests/electron/smoke-steps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });

if (process.env.HADIR_SMOKE_NO_FETCH !== '1') {
  spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-electron.mjs')], { cwd: root, stdio: 'ignore' });
}
const electron = electronBinary();
if (!('path' in electron)) {
  console.log(
    `Hadir smoke: Electron tidak tersedia di sini, tidak ada yang diuji / Electron is not available here (${electron.reason}); nothing was tested.`,
  );
  console.log('Yang akan diperiksa di laptop dengan Electron / What it checks on a laptop with Electron:');
  for (const [step, what] of SMOKE_STEPS) console.log(`  ${step}: ${what}`);
  process.exit(0);
}

const out = path.join(root, 'smoke-report');
fs.rmSync(out, { recursive: true, force: true });
if (run('npm', ['run', 'build']).status !== 0) process.exit(1);

// The packaged app, from the Electron already in node_modules (no download).
const appDir = path.join(out, 'app');
const platform = { win32: '--win', darwin: '--mac', linux: '--linux' }[process.platform];
const packed = run('npx', [
  'electron-builder',
  platform,
  '--dir',
  '--publish',
  'never',
  `-c.electronDist=${path.dirname(electron.path)}`,
  `-c.directories.output=${appDir}`,
  '-c.electronFuses.enableNodeCliInspectArguments=true',
]);
const exe = packed.status === 0 ? packagedExe(appDir) : null;
if (!exe)
  console.log(
    'Hadir smoke: paket aplikasi tidak terbuat; langkah 01 gagal, sisanya memakai out/ / the app could not be packaged: step 01 fails, the rest runs on out/.',
  );

const test = run('npx', ['playwright', 'test', '--project=electron', '--reporter=list,json,html', '--trace=retain-on-failure'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, 'report.json'),
  PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(out, 'html'),
  PLAYWRIGHT_HTML_OPEN: 'never',
  ...(exe ? { HADIR_SMOKE_APP: exe } : {}),
});
console.log(`Hadir smoke: laporan / report: ${out} (kirim folder ini / send this folder)`);
process.exit(test.status ?? 1);

/** The executable electron-builder --dir made: linux-unpacked/hadir, win-unpacked/Hadir.exe, mac/Hadir.app. */
function packagedExe(dir) {
  const candidates = [
    path.join(dir, 'linux-unpacked', 'hadir'),
    path.join(dir, 'win-unpacked', 'Hadir.exe'),
    path.join(dir, 'mac', 'Hadir.app', 'Contents', 'MacOS', 'Hadir'),
    path.join(dir, 'mac-arm64', 'Hadir.app', 'Contents', 'MacOS', 'Hadir'),
  ];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}
