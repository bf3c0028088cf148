// `npm run smoke` (issue 17) where Electron cannot be had: one line saying so, the smoke list as
// not checked, exit 0. And the smoke spec walks that same list, one test per step, in order.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { SMOKE_STEPS } from '../electron/smoke-steps.mjs';
import { ROOT } from '../helpers/ctx';

const hasElectron = 'path' in electronBinary();
if (hasElectron)
  console.warn('[smoke] skipping the no-Electron run: Electron is installed here, `npm run smoke` would run for real');

describe('npm run smoke', () => {
  it.skipIf(hasElectron)('without Electron: says so, lists every step as not checked, exits 0', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'smoke.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      // No download attempt from a test; nothing may be built or run either.
      env: { ...process.env, HADIR_SMOKE_NO_FETCH: '1', ELECTRON_OVERRIDE_DIST_PATH: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Electron is not available here \(.+\); nothing was tested\./);
    for (const [step, what] of SMOKE_STEPS) expect(r.stdout).toContain(`${step}: ${what}`);
    expect(fs.existsSync(path.join(ROOT, 'smoke-report', 'report.json'))).toBe(false);
  });

  it('has one smoke test per step of the issue’s list, in its order', () => {
    const spec = fs.readFileSync(path.join(ROOT, 'tests', 'electron', 'smoke.spec.ts'), 'utf8');
    const order = [...spec.matchAll(/^test\(title\((\d+)\)/gm)].map((m) => Number(m[1]));
    expect(order).toEqual(SMOKE_STEPS.map((_, i) => i + 1));
    expect(SMOKE_STEPS.map(([s]) => s.slice(3))).toEqual([
      'start',
      'database',
      'worker',
      'print desk',
      'print formats',
      'print dialog',
      'camera',
      'sound',
      'save dialog',
      'kiosk exit',
      'crash',
      'backup on quit',
    ]);
  });
});
