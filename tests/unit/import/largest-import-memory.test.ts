// Issue 21 item 3: the largest file the bounds accept (50,000 rows x 20 columns, 1,000,000
// cells), previewed then committed as a desk does it (parsing in the job worker, rows streamed
// into the write), costs the process at most LARGEST_EXTRA_MB more than an ordinary 1,000-row
// list of the same shape, measured the same way in the same run: each in a process of its own
// (tests/helpers/import-child.ts), peak RSS. Before the rows were streamed and the worker's young
// generation bounded, the 50,000 rows cost ~420 MB more.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as hostile from '../../helpers/hostile-files';
import { ROOT, tempDir } from '../../helpers/ctx';

/**
 * What 49,000 more rows may add to the peak. Measured on the shared machine, same run each:
 * first, +421 MB (CSV) and +423 MB (xlsx); after the rows were streamed, +199–213 and +277–312;
 * after the walk stopped keeping inserted rows, parsed rows were kept at their exact size and let
 * go as validated, and a thread left big by a parse was no longer kept idle: +156 and +109.
 * Issue 21 asks 300 MB for the whole process (docs/engineering/import-memory.md).
 */
const LARGEST_EXTRA_MB = 190;

function importInChild(bytes: Buffer, ext: 'csv' | 'xlsx'): { ok: boolean; inserted?: number; maxRssMb: number } {
  const file = path.join(tempDir(), `list.${ext}`);
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/import-child.ts'), file, 'import'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('the largest accepted import, preview then commit', () => {
  for (const ext of ['csv', 'xlsx'] as const) {
    it(`${ext}: 50,000 rows cost at most ${LARGEST_EXTRA_MB} MB more than 1,000`, () => {
      const make = ext === 'csv' ? hostile.largestCsv : hostile.largestXlsx;
      const small = importInChild(make(1_000, 20), ext);
      const large = importInChild(make(), ext);
      expect(small).toMatchObject({ ok: true, inserted: 1_000 });
      expect(large).toMatchObject({ ok: true, inserted: 49_999 });
      expect(large.maxRssMb - small.maxRssMb).toBeLessThanOrEqual(LARGEST_EXTRA_MB);
    }, 600_000);
  }
});
