// Mutation testing of the rules that decide who is checked in and what is authentic
// (docs/engineering/mutation-testing.md). One group of modules per run, against its own tests
// only, so a run takes minutes: `npm run mutate` loops the groups (scripts/mutate.mjs);
// `MUTATE_GROUP=checkin npx stryker run` runs one.
import fs from 'node:fs';
import path from 'node:path';

const groups = JSON.parse(fs.readFileSync(new URL('./tests/mutation/groups.json', import.meta.url), 'utf8'));
const name = process.env.MUTATE_GROUP ?? 'checkin';
const group = groups[name];
if (!group) throw new Error(`MUTATE_GROUP ${name}: not one of ${Object.keys(groups).join(', ')}`);
// Read by vitest.mutate.config.ts in Stryker's test-runner processes, which inherit the environment.
// Files that do not exist yet are left out, so a group still runs before its new tests are written.
// The sandbox is two folders deeper than the checkout: the fixtures beside it are named outright.
process.env.HADIR_SHARED ??= path.resolve('../shared');
process.env.MUTATE_TESTS = group.tests.filter((t) => fs.existsSync(t)).join(',');

// The TypeScript checker type-checks its project once per batch of mutants: the whole project
// (renderer and tests too) made it the slowest part of a run, so each group checks a project of
// its own modules and what they import (written here, gitignored). A mutant that breaks only a
// test's types then runs and fails (killed) rather than being set aside as a compile error.
const tsconfigFile = `tsconfig.mutate-${name}.json`;
// The project's ambient declarations come along (fontkit has no types of its own).
const ambient = ['electron/core/pdf/fontkit.d.ts', 'renderer/src/features/checkin/assets.d.ts', 'renderer/src/vite-env.d.ts'];
fs.writeFileSync(
  tsconfigFile,
  JSON.stringify({ extends: './tsconfig.json', include: [], files: [...ambient, ...group.mutate] }, null, 2),
);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: group.mutate,
  // The machine is shared (2 cores); MUTATE_CONCURRENCY raises it on a bigger one.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // Beyond the test's own time x 3: a mutant that loops forever (i < length -> true) is cut off
  // (and counted as caught) without stalling the run; loose enough for a loaded machine.
  timeoutMS: 15_000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // One sandbox folder per group, so groups can run side by side and one's cleanup spares the other.
  tempDirName: `.stryker-tmp-${name}`,
  // Anchored (/reports): electron/core/reports must be copied.
  ignorePatterns: [
    '/.stryker-tmp*',
    '/out',
    '/dist',
    '/reports',
    '/test-results',
    '/playwright-report',
    '/tests/e2e',
    '/.native',
  ],
  cleanTempDir: 'always',
  // MUTATE_INCREMENTAL=1: mutants whose code and covering tests did not change since the last run
  // keep their result, so a re-run after new tests takes minutes. A full run (the default) is
  // what the scores in docs/engineering/mutation-testing.md come from.
  incremental: process.env.MUTATE_INCREMENTAL === '1',
  incrementalFile: `reports/mutation/${name}-incremental.json`,
};
