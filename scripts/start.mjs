#!/usr/bin/env node
// `npm start` / `npm run dev`: fetch Electron's binary if needed, then run electron-vite.
//
// Why a script: electron-vite rejects options it does not know, so `npm start -- --data-dir D:\psm`
// would fail there. This takes Hadir's own options and hands them to the kiosk as environment
// (HADIR_DATA_DIR, which the main process reads after --data-dir) or as Electron arguments after
// `--` (ELECTRON_CLI_ARGS, electron-vite's documented pass-through). Works the same in cmd.exe,
// PowerShell and sh, unlike `HADIR_DATA_DIR=… npm start`.
//
//   npm start -- --data-dir ./psm --kiosk
//   npm run dev -- --data-dir ./psm
//   node scripts/start.mjs --dry-run …   prints what it would run, as JSON (for the tests)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Hadir's start options → the electron-vite command line and the environment for the kiosk. */
export function startCommand(argv, env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dev: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      kiosk: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const electronArgs = values.kiosk ? ['--kiosk'] : [];
  const args = [values.dev ? 'dev' : 'preview', ...(electronArgs.length ? ['--', ...electronArgs] : [])];
  const childEnv = { ...env };
  if (values['data-dir']) childEnv.HADIR_DATA_DIR = path.resolve(values['data-dir']);
  // `dev`: the main process prints through app://hadir/print.html, which is served from
  // out/renderer, not by the dev server (the print page fetches its PDF from app://, which the
  // dev server cannot serve). Build first, so a dev session never prints through a stale page
  // from an old build (issue 17, finding 11). A change to renderer/src/print during the session
  // needs a restart of `npm run dev`.
  const prebuild = values.dev ? ['build'] : null;
  return { args, env: childEnv, dryRun: values['dry-run'], prebuild };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let cmd;
  try {
    cmd = startCommand(process.argv.slice(2));
  } catch (e) {
    console.error(`Hadir: ${e.message}. Options: --data-dir DIR, --kiosk, --dev.`);
    process.exit(2);
  }
  if (cmd.dryRun) {
    console.log(JSON.stringify({ prebuild: cmd.prebuild, args: cmd.args, HADIR_DATA_DIR: cmd.env.HADIR_DATA_DIR ?? null }));
    process.exit(0);
  }
  const ensured = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-electron.mjs')], { stdio: 'inherit' });
  if (ensured.status !== 0) process.exit(1);
  const bin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (cmd.prebuild) {
    const built = spawnSync(process.execPath, [bin, ...cmd.prebuild], { stdio: 'inherit', env: cmd.env, cwd: root });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const run = spawnSync(process.execPath, [bin, ...cmd.args], { stdio: 'inherit', env: cmd.env, cwd: root });
  process.exit(run.status ?? 1);
}
