// Issue 21 item 3: the largest file the bounds accept (50,000 rows x 20 columns, 1,000,000
// cells), previewed then committed as an organiser does it from a terminal (`hadir participants
// import`: parsing in the job worker, rows streamed into the one transaction), costs the process
// at most LARGEST_EXTRA_MB more than an ordinary 1,000-row list of the same shape, each in a
// process of its own, peak RSS, same run (memory does not depend on the machine's load; time does,
// so none is asserted). Through bin/hadir.mjs as users run it: compiled after `npm run build`
// (as in CI, where the build comes before the unit tests), the sources through tsx otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as hostile from '../../helpers/hostile-files';
import { cliImport } from '../../helpers/cli-import';
import { tempDir } from '../../helpers/ctx';

/**
 * What 49,000 more rows may add to the peak. Compiled CLI, same run each. Before this bound:
 * +184 MB (CSV, 341 against 157) and +141 MB (xlsx, 300 against 159); with V8's heap kept small
 * for the import (bin/hadir.mjs): +109 and +96; with the commit taking its preview's read
 * (last-read.ts): +94 (229 against 135) and +82 (219 against 137), then ~+100–108 once the old
 * generation's growth was set to 50 % instead of 20 % (for CPU time). With the 1,000-row import at
 * ~135–160 MB, this holds the whole process under the issue's 300 MB.
 */
const LARGEST_EXTRA_MB = 125;

function write(bytes: Buffer, ext: 'csv' | 'xlsx'): string {
  const file = path.join(tempDir(), `peserta.${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the largest accepted import through the CLI, preview then commit', () => {
  for (const ext of ['csv', 'xlsx'] as const) {
    it(`${ext}: 50,000 rows cost at most ${LARGEST_EXTRA_MB} MB more than 1,000`, () => {
      const make = ext === 'csv' ? hostile.largestCsv : hostile.largestXlsx;
      const small = cliImport(write(make(1_000, 20), ext));
      const large = cliImport(write(make(), ext));
      expect(small, small.said).toMatchObject({ ok: true, inserted: 1_000 });
      expect(large, large.said).toMatchObject({ ok: true, inserted: 49_999 });
      const extra = large.maxRssMb - small.maxRssMb;
      expect(extra, `${Math.round(large.maxRssMb)} MB against ${Math.round(small.maxRssMb)} MB`).toBeLessThanOrEqual(
        LARGEST_EXTRA_MB,
      );
    }, 600_000);
  }
});
