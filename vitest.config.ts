import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: forks keep each test file in its own process.
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
  },
});
