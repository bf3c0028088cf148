/**
 * CLI start-up (issue 21): `hadir --version`, one check-in and `hadir doctor` (its default, and
 * --full, whose worker renders a PDF page) as whole processes, compiled (out/main/cli.js, needs
 * `npm run build`) and through tsx, against `node -e 0` in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Row } from './run';

function wall(args: string[], env: NodeJS.ProcessEnv = process.env, runs = 7): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    t.push(performance.now() - s);
    // A check-in of an unknown code exits 1 (a red verdict); the doctor exits 1 on a failed check.
    if (r.status !== 0 && !args.includes('checkin') && !args.includes('doctor'))
      throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

export async function benchCliStart(rows: Row[], root: string): Promise<void> {
  const cli = path.join(root, 'bin', 'hadir.mjs');
  if (!fs.existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
    console.log('cli-start: skipped, out/main/cli.js missing (run `npm run build` first)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-cli-'));
  // The demo event, so a check-in has an event (its answer is "not registered": a whole scan all the same).
  spawnSync(process.execPath, [cli, 'event', 'demo', '--data-dir', dir], { encoding: 'utf8' });
  const bare = wall(['-e', '0']);
  const version = wall([cli, '--version']);
  const checkin = wall([cli, 'checkin', 'HD0XXXXXXXXX', '--data-dir', dir]);
  const doctor = wall([cli, 'doctor', '--data-dir', dir]);
  const doctorFull = wall([cli, 'doctor', '--full', '--data-dir', dir]);
  const tsx = wall([cli, '--version'], { ...process.env, HADIR_CLI_FROM_SOURCE: '1' }, 3);
  rows.push({ name: 'CLI --version (compiled), wall', value: version, unit: 'ms', ref: 'node -e 0', refValue: bare });
  rows.push({ name: 'CLI one check-in (compiled), wall', value: checkin, unit: 'ms', ref: 'node -e 0', refValue: bare });
  rows.push({ name: 'CLI hadir doctor (compiled), wall', value: doctor, unit: 'ms', ref: 'node -e 0', refValue: bare });
  rows.push({
    name: 'CLI hadir doctor --full (compiled), wall',
    value: doctorFull,
    unit: 'ms',
    ref: 'node -e 0',
    refValue: bare,
  });
  rows.push({ name: 'CLI --version through tsx, wall', value: tsx, unit: 'ms', ref: 'compiled --version', refValue: version });
  fs.rmSync(dir, { recursive: true, force: true });
}
