// The compiled CLI (out/main/cli.js, an input of the electron-vite main build), which bin/hadir.mjs
// runs once the build is current. Here rather than in tests/unit because it needs `npm run build`.
// Each heavy library (exceljs, fontkit, pdf-lib) is loaded on first use, so every command that
// needs one must still find it from inside the bundle: a check-in, a PDF and an XLSX are run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { ROOT, tempDir } from '../helpers/ctx';

const CLI = path.join(ROOT, 'out/main/cli.js');
const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 });

test('the compiled CLI checks a badge in, prints tags, checks the machine (its job worker) and writes the recap XLSX', async () => {
  const dir = tempDir('hadir-cli-built-');
  try {
    expect(run(dir, 'event', 'demo').status).toBe(0);
    const code = run(dir, 'participants', 'list').stdout.split('\n')[0]!.split(/\s+/)[0]!;
    expect(code).toMatch(/^[0-9A-Z]{8}$/);

    const scan = run(dir, 'checkin', code, '--day', '1');
    expect(scan.stderr).toBe('');
    expect(JSON.parse(scan.stdout)).toMatchObject({ verdict: 'green', reason: 'checked_in', participant: { code } });

    const pdf = path.join(dir, 'tags.pdf');
    expect(run(dir, 'badges', '--layout', 'a4-8', '--only', code, '--out', pdf).status).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // hadir doctor starts the built job worker, not the sources' worker.ts (there is none in out/).
    const doctor = JSON.parse(run(dir, 'doctor', '--json').stdout) as { checks: { check: string; state: string; message: string }[] };
    expect(doctor.checks.find((c) => c.check === 'worker')).toMatchObject({ state: 'ok' });

    const xlsx = path.join(dir, 'recap.xlsx');
    const recap = run(dir, 'report', 'recap', '--format', 'xlsx', '--out', xlsx);
    expect(recap.stderr).toBe('');
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
