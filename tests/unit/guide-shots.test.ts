// Issue 16: the event-day e2e rewrote the guide's committed PNGs on every run, leaving the tree
// dirty after `npm test`. It writes them into docs/guide/img only when asked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ctx';
import { GUIDE_IMG, guideShotsDir } from '../e2e/guide-shots';

describe('the guide screenshots of the event-day spec', () => {
  it('go to the test output folder unless HADIR_GUIDE_SHOTS=1', () => {
    expect(guideShotsDir({})).toBe(path.join(ROOT, 'test-results', 'guide-shots'));
    expect(guideShotsDir({ HADIR_GUIDE_SHOTS: '0' })).not.toBe(GUIDE_IMG);
    expect(guideShotsDir({ HADIR_GUIDE_SHOTS: '1' })).toBe(GUIDE_IMG);
  });

  it('the spec takes its guide folder from guideShotsDir, and writes nowhere else under docs/', () => {
    const spec = fs.readFileSync(path.join(ROOT, 'tests/e2e/event-day.spec.ts'), 'utf8');
    expect(spec).toMatch(/const GUIDE = guideShotsDir\(\);/);
    expect(spec).not.toMatch(/['"`]docs\/guide/);
  });
});
