#!/usr/bin/env node
// Makes sure Electron's own binary is on disk before anything starts it (`npm start`, `npm run dev`,
// `npm run dist`, the Electron tests).
//
// Why: since Electron 42, `npm install` no longer downloads the binary; it comes lazily the first
// time `require('electron')` asks for its path. electron-vite 6 reads node_modules/electron/path.txt
// itself and throws "Electron uninstall" when it is missing (alex8088/electron-vite#904), so a fresh
// clone's `npm install && npm start` would fail before Hadir runs. This runs Electron's own
// install.js (checksummed download into the user cache) once; later runs return at once.
//
// `npm ci` never calls this, so an offline install still works. Offline, this prints one line and
// exits 1. Exit codes: 0 ready, 1 cannot download.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const found = electronBinary();
if ('path' in found) process.exit(0);
if (!found.installJs) {
  console.error(`Hadir: ${found.reason}`);
  process.exit(1);
}

console.log('Hadir: mengunduh Electron (sekali saja) / downloading Electron (once)…');
const run = spawnSync(process.execPath, [found.installJs], { encoding: 'utf8', timeout: 10 * 60_000 });
const after = electronBinary();
if (run.status === 0 && 'path' in after) process.exit(0);

// install.js prints a stack trace; one line is what the person at the keyboard needs.
const detail = `${run.stderr ?? ''}\n${run.error?.message ?? ''}`
  .split('\n')
  .find((l) => /error|ENOTFOUND|ECONN|EAI_AGAIN|timed? ?out/i.test(l));
console.error(
  `Hadir: Electron tidak dapat diunduh / Electron could not be downloaded (${(detail ?? 'no network?').trim().slice(0, 160)}). ` +
    'Sambungkan ke internet lalu ulangi; `npm run web` tetap bisa dipakai tanpa Electron. / ' +
    'Connect to the internet and run it again; `npm run web` works without Electron.',
);
process.exit(1);
