import { defineConfig } from 'vitest/config';

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
    // Two test files at a time. Vitest's default is one fewer than the cores, so one at a time on
    // the 2-core CI machines, which left a core idle while a test waited on a child process, fsync
    // or Chromium; the unit phase took 12-14 min. Every test waits on conditions, never on time.
    maxWorkers: 2,
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
