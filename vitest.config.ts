import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: forks keep each test file in its own process.
    pool: 'forks',
    // Generous: the CLI tests start a dozen processes each, and CI machines are sometimes busy.
    // Nothing here measures time (benchmarks do); this only stops a test that hangs.
    testTimeout: 120_000,
    // The same for beforeAll: building an event with 66 participants took over the 10 s default under load.
    hookTimeout: 120_000,
    // A test needing a program that is missing is skipped with the reason printed (README).
    setupFiles: ['tests/helpers/vitest-setup.ts'],
  },
});
