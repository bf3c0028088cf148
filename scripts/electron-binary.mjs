// Where node_modules/electron's binary is, or why there is none. Deliberately NOT
// `require('electron')`: that starts a download when the binary is missing, which hangs offline.
// Same lookup as node_modules/electron/index.js, minus the download. Used by ensure-electron.mjs
// and by tests/electron (which skip, with this reason, where the binary cannot be had).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {{ path: string } | { reason: string, installJs: string }} */
export function electronBinary() {
  let dir;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch (e) {
    return { reason: `the electron package is not installed (run npm install): ${e.message}`, installJs: '' };
  }
  const installJs = path.join(dir, 'install.js');
  const pathTxt = path.join(dir, 'path.txt');
  const exe = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!exe && !override) return { reason: `${pathTxt} is missing: the binary has not been downloaded`, installJs };
  const full = override ? path.join(override, exe || 'electron') : path.join(dir, 'dist', exe);
  return fs.existsSync(full) ? { path: full } : { reason: `${full} does not exist`, installJs };
}
