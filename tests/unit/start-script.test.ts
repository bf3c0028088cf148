// `npm start -- --data-dir X` must reach the kiosk: electron-vite itself rejects unknown options,
// so scripts/start.mjs turns Hadir's options into HADIR_DATA_DIR and Electron arguments.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../electron/core/system/data-dir';
// @ts-expect-error: a plain .mjs script without types
import { startCommand } from '../../scripts/start.mjs';

const script = path.resolve('scripts/start.mjs');

describe('scripts/start.mjs', () => {
  it('passes --data-dir to the kiosk as HADIR_DATA_DIR, which the main process reads', () => {
    const cmd = startCommand(['--data-dir', 'acara-psm'], {});
    expect(cmd.args).toEqual(['preview']);
    expect(cmd.env.HADIR_DATA_DIR).toBe(path.resolve('acara-psm'));
    expect(resolveDataDir(undefined, cmd.env)).toBe(path.resolve('acara-psm'));
  });

  it('passes --kiosk through to Electron after --, and --dev runs electron-vite dev', () => {
    expect(startCommand(['--kiosk', '--dev'], {}).args).toEqual(['dev', '--', '--kiosk']);
  });

  // Issue 17, finding 11: the print window loads app://hadir/print.html from out/renderer, which
  // the dev server never rebuilds; `npm run dev` builds first so it cannot print through a stale page.
  it('builds before `dev` (the print page comes from out/), not before `preview` (which builds itself)', () => {
    expect(startCommand(['--dev'], {}).prebuild).toEqual(['build']);
    expect(startCommand([], {}).prebuild).toBeNull();
  });

  it('works the way npm calls it (`npm start -- --data-dir X`), and refuses unknown options in one line', () => {
    const out = execFileSync(process.execPath, [script, '--dry-run', '--data-dir=/tmp/psm'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ prebuild: null, args: ['preview'], HADIR_DATA_DIR: '/tmp/psm' });
    let err = '';
    try {
      execFileSync(process.execPath, [script, '--port', '1'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/--port/);
  });
});

describe('scripts/ensure-electron.mjs', () => {
  it('exits 0 at once when the binary is there, else downloads it or says in one line why not', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [path.resolve('scripts/ensure-electron.mjs')], {
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 120_000,
      });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    if (status !== 0) {
      // Offline (as on CI here): one line, in both languages, pointing at the web host.
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/Electron could not be downloaded/);
      expect(stderr).toMatch(/npm run web/);
    }
  });
});
