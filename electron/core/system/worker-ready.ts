import { createRequire } from 'node:module';

/**
 * The quick device check's job kind (`hadir doctor` without --full): the worker thread started
 * from the app's job entry, loaded its kinds, and can find fontkit, the one PDF library it loads
 * from node_modules at run time rather than from the app's own bundle (core/pdf/fonts.ts). Loading
 * pdf-lib and fontkit and rendering a page (doctor-page.ts, `--full` and the "Cek perangkat"
 * screen) costs several times a whole check-in (docs/engineering/cli-start.md).
 */
export function workerReadyKind(): { fontkit: string } {
  return { fontkit: createRequire(import.meta.url).resolve('fontkit') };
}
