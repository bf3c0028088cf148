import path from 'node:path';
import { ROOT } from '../helpers/ctx';

/** The organiser's guide's screenshots, committed and shown by docs/guide/panduan.md and guide.en.md. */
export const GUIDE_IMG = path.join(ROOT, 'docs/guide/img');

/**
 * Where the event-day spec writes the guide's screenshots: into the guide only when asked
 * (`HADIR_GUIDE_SHOTS=1`, docs/engineering/event-day-test.md), else into the test output folder.
 * Every `npm test` rewrote the committed PNGs (new bytes each run) and left the tree dirty.
 */
export function guideShotsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HADIR_GUIDE_SHOTS === '1' ? GUIDE_IMG : path.join(ROOT, 'test-results', 'guide-shots');
}
