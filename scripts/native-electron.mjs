#!/usr/bin/env node
// Makes .native/electron-<version>/better_sqlite3.node: better-sqlite3 compiled for the
// installed Electron's ABI, for `npm start` / `npm run dev` (ELECTRON-NOTES 3).
//
// node_modules/better-sqlite3/build is NOT touched: it stays built for Node, which the tests, the
// CLI and the web host use. The work happens on a copy of the package in a temporary folder:
//   1. prebuild-install --runtime electron  (downloads the prebuilt binary from GitHub), else
//   2. node-gyp rebuild --runtime=electron  (downloads Electron's headers, needs a C++ toolchain).
// Both need internet; offline this exits non-zero with one line saying so.
// electron/main/index.ts loads the result through better-sqlite3's `nativeBinding` option and
// builds the same path: keep the two in step.
//
// Options: --force (rebuild even if present), --verbose (show the tools' output).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const force = args.includes('--force');
const verbose = args.includes('--verbose') || process.env.HADIR_NATIVE_VERBOSE === '1';
const log = (msg) => console.log(`native-electron: ${msg}`);
const die = (msg) => {
  console.error(`native-electron: ${msg}`);
  process.exit(1);
};

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const nm = path.join(root, 'node_modules');
let electronVersion;
try {
  electronVersion = readJson(path.join(nm, 'electron', 'package.json')).version;
} catch {
  die('node_modules/electron is missing; run `npm install` first.');
}
const arch = process.env.npm_config_arch || process.arch;
const target = path.join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');

if (!force && fs.existsSync(target) && fs.statSync(target).size > 0) process.exit(0);

const pkgDir = path.join(nm, 'better-sqlite3');
if (!fs.existsSync(path.join(pkgDir, 'package.json'))) die('node_modules/better-sqlite3 is missing; run `npm install` first.');
const sqliteVersion = readJson(path.join(pkgDir, 'package.json')).version;

log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch}) -> ${path.relative(root, target)}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-native-'));
const work = path.join(tmp, 'better-sqlite3');
const failures = [];
let done = null;
try {
  // Without build/: a copied Node binary must never be mistaken for the Electron one.
  fs.cpSync(pkgDir, work, {
    recursive: true,
    filter: (src) => path.relative(pkgDir, src).split(path.sep)[0] !== 'build',
  });

  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  const attempts = [
    {
      what: 'prebuilt download',
      bin: path.join(nm, 'prebuild-install', 'bin.js'),
      argv: ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', process.platform],
      timeout: 120_000,
    },
    {
      what: 'source build',
      bin: path.join(nm, 'node-gyp', 'bin', 'node-gyp.js'),
      argv: [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      timeout: 900_000,
    },
  ];

  for (const a of attempts) {
    if (!fs.existsSync(a.bin)) {
      failures.push(`${a.what}: ${path.relative(root, a.bin)} not installed`);
      continue;
    }
    log(`trying ${a.what}…`);
    const r = spawnSync(process.execPath, [a.bin, ...a.argv], {
      cwd: work,
      stdio: verbose ? 'inherit' : 'pipe',
      encoding: 'utf8',
      timeout: a.timeout,
      // Offline, npm's own settings must not send prebuild-install elsewhere.
      env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion },
    });
    if (r.status === 0 && fs.existsSync(built)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(built, `${target}.tmp`);
      fs.renameSync(`${target}.tmp`, target); // never leave a half-written binary behind
      done = a.what;
      break;
    }
    failures.push(`${a.what}: ${reason(r)}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (done) {
  log(`ok (${done})`);
  process.exit(0);
}

die(
  `could not get better-sqlite3 for Electron ${electronVersion} (${failures.join('; ')}). ` +
    'This step needs internet access (github.com for the prebuilt binary, electronjs.org for headers); ' +
    'run `npm start` again when online, or add --verbose to see the details.',
);

/** One short reason from a tool's output; offline, "cannot reach <host>". */
function reason(r) {
  if (r.error) return r.error.code === 'ETIMEDOUT' ? 'timed out' : r.error.message;
  const text = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const dns = text.match(/ENOTFOUND\s+([\w.-]+)/);
  if (dns) return `cannot reach ${dns[1]}`;
  if (/network connectivity|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i.test(text)) {
    const host = text.match(/GET https?:\/\/([^/\s]+)/);
    return `cannot reach ${host ? host[1] : 'the network'}`;
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = lines.find((l) => /error/i.test(l) && !/ERR! stack\s+at /.test(l));
  return (err ?? `exit code ${r.status}`).slice(0, 160);
}
