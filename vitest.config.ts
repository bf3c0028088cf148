import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit files that take longest, longest first (unit phase of 2026-12-07 17:22 on the current
 * CI machine, 2 workers, load 8-10; docs/engineering/ci-time.md). Vitest orders a clean clone's
 * files by size, largest first, and these are mostly small files around one long test: crash.test
 * (110 desk processes killed, its time mostly waiting on them) came ~115th of 170 and badges-scan
 * last, so the phase ended with one worker on them and the other cores idle. Started first, they
 * run beside the many short files instead. A file not listed keeps Vitest's order after them; an
 * entry that no longer exists fails the run (so a rename is seen). Kept here, not imported:
 * Vite's coming native config loader refuses an extensionless import (it warns on every run).
 */
export const LONGEST_FIRST = [
  'tests/unit/checkin/crash.test.ts',
  'tests/unit/checkin/decoder-views.test.ts',
  'tests/unit/badges-scan.test.ts',
  'tests/unit/badges-webcam.test.ts',
  'tests/unit/cli-storage.test.ts',
  'tests/unit/packaging-build.test.ts',
  'tests/unit/certificates/qr-names.test.ts',
  'tests/unit/pdf-memory.test.ts',
  'tests/unit/export.test.ts',
  'tests/unit/import/hostile-xlsx.test.ts',
  'tests/unit/import-job.test.ts',
  'tests/unit/certificates/pdf.test.ts',
  'tests/unit/event-transfer.test.ts',
  'tests/unit/web-host-hardening.test.ts',
  'tests/unit/report-pdf-memory.test.ts',
  'tests/unit/import/largest-import-memory.test.ts',
  'tests/unit/concurrent-writers.test.ts',
  'tests/unit/import/kiosk-import-memory.test.ts',
  'tests/unit/cli.test.ts',
  'tests/unit/badges-ops.test.ts',
  'tests/unit/import/hostile-csv.test.ts',
  'tests/unit/checkin/cli.test.ts',
];

/** Vitest's own order (isolated project first, then by size), with LONGEST_FIRST moved to the front. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const missing = LONGEST_FIRST.filter((f) => !fs.existsSync(path.join(root, f)));
    if (missing.length) throw new Error(`vitest.config.ts LONGEST_FIRST names files that do not exist: ${missing.join(', ')}`);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(path.relative(root, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: files of equal rank keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * Test files that replace modules (vi.mock of 'electron') or set process-wide state
 * (HADIR_TEST_HIDE_PROGRAMS): each runs in a fresh process of its own.
 */
const ISOLATED = [
  'tests/unit/protocol.test.ts',
  'tests/unit/programs.test.ts',
  'tests/unit/shell-electron.test.ts',
  'tests/unit/security.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // better-sqlite3 is a native module: test files run in child processes (forks).
    pool: 'forks',
    // Four test files at a time on the 2-core CI machines (UNIT_WORKERS to change it; the CLI's
    // --maxWorkers does not reach the projects below). A worker spends much of its time waiting:
    // on a SIGKILLed desk's start, a lock held for 30 s, a timer, fsync. With two, the phase's
    // processes wanted no CPU in 8 % of the samples and one CPU in 35 % (load 8-10), and the
    // phase took about (CPU + waits) / 2; with four they wanted two or more in 92 % and the
    // phase is about CPU / 2, for the same CPU (463 s against 454-477 s): docs/engineering/ci-time.md.
    // Every test waits on conditions, never on time, and memory bounds are measured in children
    // (peak-rss.ts), so a busier machine changes no verdict.
    maxWorkers: Number(process.env.UNIT_WORKERS ?? 4),
    // The longest files start first, so the phase does not end on one of them with a core idle.
    sequence: { sequencer: LongestFirst },
    // Generous: the CLI tests start a dozen processes each, and CI machines are sometimes busy
    // (at load 20-25 the CLI-heavy files ran 2-3x over the old 120 s). Nothing here measures
    // time (benchmarks do); this only stops a test that hangs. Tests set no shorter timeouts.
    testTimeout: 600_000,
    // The same for beforeAll: building an event with 66 participants took over the 10 s default under load.
    hookTimeout: 600_000,
    // A test needing a program that is missing is skipped with the reason printed (README).
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    projects: [
      {
        extends: true,
        // The rest share their worker processes: every test makes its own temporary data folder
        // and database, mocks nothing and leaves no global state, and loading the core's modules
        // once per worker instead of once per file (~150 files) was a quarter of the phase's CPU.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ISOLATED, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
