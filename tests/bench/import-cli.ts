// Issue 21 item 3: the largest accepted import (50,000 rows x 20 columns, 1,000,000 cells, CSV and
// xlsx) as an organiser runs it from a terminal, `hadir participants import` through bin/hadir.mjs
// (compiled after `npm run build`), each run a process of its own (tests/helpers/cli-import.ts):
// its preview alone (--dry-run) and its preview then commit. Peak memory (bound 300 MB), CPU time
// and wall time (bound 2.5 s), each against the same of a 1,000-row list of the same shape in the
// same run. The machine's load average is printed beside: wall time on a shared machine measures
// the machine; memory does not depend on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as hostile from '../helpers/hostile-files';
import { cliImport, type CliImport } from '../helpers/cli-import';
import type { Row } from './run';

const load = () => os.loadavg()[0]!.toFixed(1);

export async function benchImportCli(rows: Row[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-import-cli-'));
  for (const ext of ['csv', 'xlsx'] as const) {
    const make = ext === 'csv' ? hostile.largestCsv : hostile.largestXlsx;
    const small = path.join(dir, `biasa.${ext}`);
    const large = path.join(dir, `terbesar.${ext}`);
    fs.writeFileSync(small, make(1_000, 20));
    fs.writeFileSync(large, make());
    for (const dryRun of [true, false]) {
      const what = dryRun ? 'preview (--dry-run)' : 'preview, then commit';
      const ref = cliImport(small, { dryRun });
      const out = cliImport(large, { dryRun });
      const check = (r: CliImport, n: number) => {
        if (!r.ok || (!dryRun && r.inserted !== n)) throw new Error(`hadir participants import ${ext}: ${r.said}`);
      };
      check(ref, 1_000);
      check(out, 49_999);
      const label = `CLI import, 50,000 rows x 20 columns ${ext}, ${what} (load ${load()})`;
      const refName = `the same, 1,000 rows`;
      rows.push({ name: `${label}: peak memory (bound 300 MB)`, value: out.maxRssMb, unit: 'MB', ref: refName, refValue: ref.maxRssMb });
      rows.push({ name: `${label}: CPU time, all threads`, value: out.cpuMs, unit: 'ms', ref: refName, refValue: ref.cpuMs });
      rows.push({ name: `${label}: wall time (bound 2.5 s)`, value: out.ms, unit: 'ms', ref: refName, refValue: ref.ms });
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
