// The unit phase starts its longest files first (vitest.config.ts):
// on a clean clone Vitest orders by file size, which put the small crash.test ~115th of 170 and
// badges-scan last, ending the phase on one worker.
import fs from 'node:fs';
import path from 'node:path';
import type { TestSpecification, Vitest } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ctx';
import config, { LONGEST_FIRST, LongestFirst } from '../../vitest.config';

/** What BaseSequencer reads of a file: its project, its path; and of Vitest: the root and a cache with nothing in it (a clean clone). */
function sequencer(root = ROOT) {
  const ctx = {
    config: { root },
    cache: {
      getFileTestResults: () => undefined,
      getFileStats: (key: string) => ({ size: fs.statSync(path.join(ROOT, key.split(':')[1]!)).size }),
    },
  };
  return new LongestFirst(ctx as unknown as Vitest);
}
const spec = (file: string, project = 'unit', isolate = false) =>
  ({
    moduleId: path.join(ROOT, file),
    project: { name: project, config: { isolate, sequence: { groupOrder: 0 } } },
  }) as unknown as TestSpecification;
const names = (files: TestSpecification[]) => files.map((f) => path.relative(ROOT, f.moduleId));

describe('the unit phase order', () => {
  it('is the sequencer vitest.config.ts runs with', () => {
    expect((config as { test?: { sequence?: { sequencer?: unknown } } }).test?.sequence?.sequencer).toBe(LongestFirst);
  });

  it('starts the listed files first, longest first, then the rest in Vitest order (isolated project first, then larger files)', async () => {
    const rest = ['tests/unit/phone.test.ts', 'tests/unit/reports.test.ts'];
    const isolated = spec('tests/unit/security.test.ts', 'isolated', true);
    const files = [...rest.map((f) => spec(f)), ...[...LONGEST_FIRST].reverse().map((f) => spec(f)), isolated];
    const sorted = names(await sequencer().sort(files));
    expect(sorted.slice(0, LONGEST_FIRST.length)).toEqual(LONGEST_FIRST);
    // The rest: Vitest's own order (isolated first, then the larger file).
    const bigger = [...rest].sort((a, b) => fs.statSync(path.join(ROOT, b)).size - fs.statSync(path.join(ROOT, a)).size);
    expect(sorted.slice(LONGEST_FIRST.length)).toEqual(['tests/unit/security.test.ts', ...bigger]);
  });

  it('fails the run when a listed file no longer exists (renamed or removed), naming it', async () => {
    const elsewhere = fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache/longest-first-'));
    try {
      await expect(sequencer(elsewhere).sort([spec('tests/unit/phone.test.ts')])).rejects.toThrow(
        'tests/unit/checkin/crash.test.ts',
      );
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
