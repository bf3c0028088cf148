// Issue 17, findings 2 and 7, run for real: electron-builder 26 packages Hadir for Linux with the
// repository's own electron-builder.yml and package.json. Electron's binary cannot be downloaded
// here, so `electronDist` points at a stand-in Electron folder (an executable carrying the fuse
// wire, chrome-sandbox, LICENSE); fpm is not installed either (electron-builder would download it
// from GitHub), so CUSTOM_FPM_PATH points at a stand-in that records the arguments electron-builder
// gives fpm. Those arguments are what fpm writes into the deb's control file:
// --name → Package, --version → Version, --maintainer → Maintainer, --url → Homepage,
// -d → Depends. Everything up to fpm is electron-builder's own code: the metadata checks that
// failed with "Please specify project homepage", the asar, asarUnpack and the fuses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { tempDir } from '../helpers/ctx';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage: (file: string, o: { isPack: boolean }) => string[];
  statFile: (file: string, entry: string) => { unpacked?: boolean };
};
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in unpacked Electron for Linux: what electron-builder copies, renames and flips fuses in. */
function standInElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  // Fuse wire version 1, 9 fuses, as Electron 45 ships them (runAsNode on, inspect on, asar
  // integrity and asar-only off…): the config has to flip them, so a fuse left alone shows here.
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 9]), Buffer.from('101100011')]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), wire, Buffer.from('\n')]), {
    mode: 0o755,
  });
  fs.writeFileSync(path.join(dir, 'chrome-sandbox'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), pkg.devDependencies.electron.replace(/^\^/, ''));
}

/** A stand-in fpm: keeps its arguments as JSON and makes the (empty) package file it was asked for. */
function standInFpm(dir: string): { bin: string; args: string } {
  const bin = path.join(dir, 'fpm');
  const args = path.join(dir, 'fpm-args.json');
  fs.writeFileSync(
    bin,
    `#!${process.execPath}\n` +
      `const fs = require('fs'); const a = process.argv.slice(2);\n` +
      `fs.writeFileSync(${JSON.stringify(args)}, JSON.stringify(a));\n` +
      `fs.writeFileSync(a[a.indexOf('--package') + 1], '');\n`,
    { mode: 0o755 },
  );
  return { bin, args };
}

// The stand-ins are shebang scripts: Windows cannot run them (the packaging is Linux's anyway).
const skip = process.platform === 'win32' ? 'the stand-in fpm and Electron are shebang scripts, which Windows cannot run' : null;
if (skip) console.warn(`[packaging] skipping the electron-builder run: ${skip}`);

let out = '';
let fpmArgs: string[] = [];
let log = '';

beforeAll(() => {
  if (skip) return;
  const work = tempDir('hadir-builder-');
  standInElectron(path.join(work, 'electron'));
  const fpm = standInFpm(work);
  out = path.join(work, 'dist');
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'deb',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CUSTOM_FPM_PATH: fpm.bin, CI: 'true' } },
  );
  log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${log.slice(-3000)}`);
  fpmArgs = JSON.parse(fs.readFileSync(fpm.args, 'utf8')) as string[];
}, 600_000);

/** Every value of an fpm option (`-d` repeats). */
const values = (flag: string) => fpmArgs.flatMap((a, i) => (a === flag ? [fpmArgs[i + 1]!] : []));

describe.skipIf(skip)('electron-builder --linux deb with a stand-in Electron and fpm', () => {
  it('gives fpm the control fields: package name, version, maintainer from the author, homepage', () => {
    expect(values('-t')).toEqual(['deb']);
    expect(values('--name')).toEqual(['hadir']);
    expect(values('--version')).toEqual([pkg.version]);
    expect(values('--maintainer')).toEqual([`${pkg.author.name} <${pkg.author.email}>`]);
    expect(values('--url')).toEqual([pkg.homepage]);
    expect(values('--architecture')).toEqual(['amd64']);
    expect(values('--package')).toEqual([path.join(out, `hadir_${pkg.version}_amd64.deb`)]);
  });

  it('declares the glibc and libstdc++ floors beside electron-builder’s own dependencies', () => {
    const depends = values('-d');
    expect(depends).toContain('libc6 (>= 2.34)');
    expect(depends).toContain('libstdc++6 (>= 11)');
    expect(depends).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libsecret-1-0']),
    );
  });

  it('installs the unpacked app into /opt/Hadir', () => {
    expect(fpmArgs).toContain(`${path.join(out, 'linux-unpacked')}/=/opt/Hadir`);
  });

  it('keeps better-sqlite3’s .node binary outside the asar, unpacked, and the rest inside', () => {
    const resources = path.join(out, 'linux-unpacked', 'resources');
    const prebuild = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node');
    expect(fs.existsSync(prebuild)).toBe(true);
    expect(fs.readFileSync(prebuild).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    const inside = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(inside).toContain(`${path.sep}package.json`);
    expect(inside).toContain(path.join(path.sep, 'node_modules', 'better-sqlite3', 'lib', 'index.js'));
    // The asar's header names the unpacked files too, flagged: every .node must be one of them.
    const natives = inside.filter((f) => f.endsWith('.node'));
    expect(natives).toContain(path.join(path.sep, 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'));
    expect(natives.filter((f) => !asar.statFile(path.join(resources, 'app.asar'), f.slice(1)).unpacked)).toEqual([]);
    // Fonts and artwork beside the asar (extraResources), read from process.resourcesPath.
    expect(fs.existsSync(path.join(resources, 'resources'))).toBe(true);
  });

  it('flips the fuses in the packaged executable as electron-builder.yml says', () => {
    const exe = fs.readFileSync(path.join(out, 'linux-unpacked', 'hadir'));
    const at = exe.indexOf(SENTINEL) + SENTINEL.length;
    const wire = exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('latin1');
    // runAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, asar only, V8 snapshot, file:// privileges
    expect({
      runAsNode: wire[0],
      cookies: wire[1],
      nodeOptions: wire[2],
      inspect: wire[3],
      integrity: wire[4],
      asarOnly: wire[5],
      fileProtocol: wire[7],
    }).toEqual({
      runAsNode: '0',
      cookies: '0',
      nodeOptions: '0',
      inspect: '0',
      integrity: '1',
      asarOnly: '1',
      fileProtocol: '0',
    });
  });
});
