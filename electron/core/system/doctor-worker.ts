// The device check's job-worker measurement, in a module of its own: `hadir doctor` starts it
// before anything else loads (cli/doctor-early.ts), so that the worker's start-up runs beside the
// main thread's own loading and checks instead of after them. It imports only the pool and node
// built-ins.
//
// Two depths (issue 21 item 5, measured in docs/engineering/cli-start.md):
// - full (`hadir doctor --full`, the "Cek perangkat" screen): the worker renders a page as a tag
//   is rendered (doctor-page.ts): pdf-lib, fontkit, the tag font as a subset, a QR. Loading
//   pdf-lib and fontkit alone costs a worker about three times a bare Node start, so this cannot
//   fit in the 250 ms a command has.
// - quick (`hadir doctor`): the worker starts from the same entry, loads its kinds and finds
//   fontkit (worker-ready.ts), and the tag font is read here and must be a TrueType font.
import fs from 'node:fs';
import path from 'node:path';
import { WorkerPool } from '../jobs/run-kind';
import type { WorkerEntry } from '../jobs/worker-entry';

/** `rendered`: the worker made the test page (full), or only started and answered (quick). */
export type WorkerMeasure = { ok: true; ms: number; rendered: boolean } | { ok: false; error: string };

/** The tag font the page is set in (core/pdf/fonts.ts loadBadgeFonts reads it too, with the others). */
export const DOCTOR_FONT = 'NotoSans-Regular.ttf';

/** TrueType's version tag, the first four bytes of the bundled Noto fonts. */
const isTrueType = (b: Uint8Array) => b.length > 12 && b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0;

/**
 * Starts a fresh job worker from `entry`: quick, it answers; full, it renders the device-check
 * page. Resolves with the time it took, or why it failed; never rejects.
 */
export async function measureWorker(entry: WorkerEntry, resourcesDir: string, o: { full: boolean }): Promise<WorkerMeasure> {
  const t = performance.now();
  let pool: WorkerPool | null = null;
  try {
    const regular = new Uint8Array(fs.readFileSync(path.join(resourcesDir, 'fonts', DOCTOR_FONT)));
    if (!isTrueType(regular)) return { ok: false, error: `${DOCTOR_FONT} is not a TrueType font` };
    pool = new WorkerPool(entry);
    if (!o.full) {
      await pool.run('system.workerReady', null);
      return { ok: true, ms: performance.now() - t, rendered: false };
    }
    const bytes = await pool.run('system.doctorPage', { fonts: { regular } });
    const ok = bytes instanceof Uint8Array && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
    return ok ? { ok: true, ms: performance.now() - t, rendered: true } : { ok: false, error: 'no PDF came back' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await pool?.close();
  }
}
