// Issue 21 item 3, the kiosk's path: the largest accepted file (50,000 rows x 20 columns,
// 1,000,000 cells) previewed then committed through the operations as the kiosk and the web host
// run them (tests/helpers/import-child.ts: dispatch, the job worker thread, rows streamed into
// the one transaction), with V8's default heap settings, costs the process at most
// KIOSK_EXTRA_MB more than a 1,000-row list of the same shape. Each import runs in a process of
// its own, same run, peak RSS (the lower of two runs for the large file: see below).
// (largest-import-memory.test.ts holds the CLI, which runs with its own V8 flags, to its bound.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as hostile from '../../helpers/hostile-files';
import { ROOT, tempDir } from '../../helpers/ctx';

/**
 * What 49,000 more rows may add to the kiosk path's peak. Measured (docs/engineering/
 * import-memory.md, fourth pass), against ~168-176 MB for 1,000 rows: before, CSV +150-170 MB
 * (324-347 MB), xlsx +120 MB (295-296 MB), so both fail; after, CSV +80-90 (253-257 MB), xlsx
 * +75-80 (248-249 MB). The ~25 MB left is for the machine's noise (peaks moved by ~20 MB
 * between runs at load 4 and 19), so the whole process stays under the 300 MB.
 */
const KIOSK_EXTRA_MB = 105;

interface Child {
  ok: boolean;
  inserted?: number;
  maxRssMb: number;
}

function importInChild(bytes: Buffer, ext: 'csv' | 'xlsx'): Child {
  const file = path.join(tempDir(), `peserta.${ext}`);
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/import-child.ts'), file, 'import'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Child;
}

describe("the largest accepted import through the kiosk's operations, preview then commit", () => {
  for (const ext of ['csv', 'xlsx'] as const) {
    it(`${ext}: 50,000 rows cost at most ${KIOSK_EXTRA_MB} MB more than 1,000`, () => {
      const make = ext === 'csv' ? hostile.largestCsv : hostile.largestXlsx;
      const small = importInChild(make(1_000, 20), ext);
      // The lower of two runs: when V8 collects moves a peak by 10-20 MB on a loaded machine, and
      // only ever upwards (CI failed once at +116 with xlsx while the same build measured +75-100).
      const bytes = make();
      const runs = [importInChild(bytes, ext), importInChild(bytes, ext)];
      const large = runs[0]!.maxRssMb <= runs[1]!.maxRssMb ? runs[0]! : runs[1]!;
      expect(small).toMatchObject({ ok: true, inserted: 1_000 });
      for (const run of runs) expect(run).toMatchObject({ ok: true, inserted: 49_999 });
      const extra = large.maxRssMb - small.maxRssMb;
      expect(extra, `${Math.round(large.maxRssMb)} MB against ${Math.round(small.maxRssMb)} MB`).toBeLessThanOrEqual(
        KIOSK_EXTRA_MB,
      );
    }, 600_000);
  }
});
