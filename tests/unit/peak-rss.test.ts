// The memory-bound tests read a child's peak memory from the child itself (tests/helpers/peak-rss.ts,
// max-rss.mjs). process.resourceUsage().maxRSS was the wrong figure there: Linux carries the RSS
// the parent had when it forked across exec into the child's maxRSS, so once the unit phase ran
// its longest files first (vitest.config.ts), hostile-xlsx's children reported their 570 MB test
// worker (8 failures, "571.5 to be less than 500") whatever they read. Here the parent holds
// 600 MB on purpose; each child must report its own peak.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED, tempDir } from '../helpers/ctx';

const HELD_MB = 600;

/** Runs `node args…` from a parent process that holds HELD_MB resident; returns the child's stdout. */
function fromABigParent(args: string[], env: Record<string, string> = {}): string {
  const parent = `
    const held = Buffer.alloc(${HELD_MB} * 1024 * 1024, 1);
    const r = require('node:child_process').spawnSync(process.execPath, ${JSON.stringify(args)}, { cwd: ${JSON.stringify(ROOT)}, encoding: 'utf8' });
    if (r.status !== 0) { process.stderr.write(r.stderr); process.exit(1); }
    process.stdout.write(r.stdout + '\\n' + Math.round(process.memoryUsage().rss / 1048576) + ' ' + held.length);
  `;
  const r = spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  // The parent really held the memory while the child ran.
  expect(Number(lines.at(-1)!.split(' ')[0])).toBeGreaterThan(HELD_MB);
  return lines.slice(0, -1).join('\n');
}

describe("a child's peak memory is its own, not its parent's", () => {
  it('import-child.ts (the hostile import files, the import memory bounds)', () => {
    const out = fromABigParent([
      '--import',
      'tsx',
      path.join(ROOT, 'tests/helpers/import-child.ts'),
      path.join(SHARED, 'fixtures/peserta-psm-2022.csv'),
      'read',
    ]);
    const result = JSON.parse(out) as { ok: boolean; rows: number; maxRssMb: number };
    expect(result).toMatchObject({ ok: true, rows: 66 });
    expect(result.maxRssMb).toBeGreaterThan(20);
    expect(result.maxRssMb).toBeLessThan(HELD_MB / 2);
  });

  it('max-rss.mjs (the CLI memory bounds)', () => {
    const dir = tempDir();
    const script = path.join(dir, 'small.mjs');
    fs.writeFileSync(script, 'console.log("small");\n');
    const file = path.join(dir, 'rss.json');
    expect(fromABigParent([path.join(ROOT, 'tests/helpers/max-rss.mjs'), script], { MAX_RSS_FILE: file }).trim()).toBe('small');
    const { maxRssMb } = JSON.parse(fs.readFileSync(file, 'utf8')) as { maxRssMb: number };
    expect(maxRssMb).toBeGreaterThan(20);
    expect(maxRssMb).toBeLessThan(HELD_MB / 2);
  });
});
