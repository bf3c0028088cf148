// Printing a PDF (ELECTRON-NOTES 4 and 10), through documented APIs only:
//   1. the PDF waits in `printJobs` for app://hadir/print-jobs/<token> (protocol.ts serves it once);
//   2. a hidden window loads app://hadir/print.html#job=<token> (renderer/src/print/), which
//      reads the PDF with pdf.js and exposes `window.printDoc`, a promise of its page sizes;
//   3. print-plan.ts cuts the pages into jobs; for each, main calls the page's
//      `window.renderForPrint(from, to, dpi)`, whose promise resolves once those pages are drawn
//      at print resolution. Main awaits both promises through webContents.executeJavaScript
//      (documented: it "resolves with the result of the executed code or is rejected if the
//      result of the code is a rejected promise");
//   4. webContents.print() with the options from print-options.ts, once per job.
// This replaces waiting on Electron's internal `-pdf-ready-to-print` event, which is
// undocumented and never fires for a PDF that forbids printing. No `plugins: true`: Chromium's
// PDF viewer is not involved. The print page itself is tested in Chromium (tests/e2e/print-page).
//
// UNVERIFIED (Electron cannot start where this was written): that the hidden window's canvases
// render while it is not shown (backgroundThrottling is off to be safe), that print() honours
// the options on each platform, and the 2 s grace before closing. Whatever fails, the caller
// offers "save PDF" instead (shell.saveFile).
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '../host/app-origin';
import { HadirError } from '../shared/errors';
import { printCallbackOutcome, printOptions, printWindowOptions, type PdfPage } from './print-options';
import { PrintJobs } from './print-jobs';
import { printPlan } from './print-plan';

/** What the print page reports once it has read the PDF. */
interface PrintDoc {
  pages: PdfPage[];
}

export const printJobs = new PrintJobs();
export const PRINT_PAGE_URL = `${APP_ORIGIN}/print.html`;
/** Rendering 100 A4 pages at print resolution takes a while on an old laptop; a stuck page does not. */
const READY_TIMEOUT_MS = 180_000;

export interface PrintJobOptions {
  silent: boolean;
  deviceName: string | null;
  copies: number;
}

/** True when printed; false when the operator cancelled the print dialog ("not printed"). */
export async function printPdf(pdf: Uint8Array, opts: PrintJobOptions, parent?: BrowserWindow): Promise<boolean> {
  const token = printJobs.add(pdf);
  const win = new BrowserWindow(printWindowOptions(opts.silent, parent));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await win.loadURL(`${PRINT_PAGE_URL}#job=${token}`);
    const doc = (await withTimeout(win.webContents.executeJavaScript('window.printDoc'), READY_TIMEOUT_MS)) as PrintDoc;
    const plan = printPlan(doc.pages, opts.silent);
    if (!plan) {
      throw new HadirError('print_failed', 'Too many pages for the print dialog.', { tooLarge: doc.pages.length });
    }
    // One job per chunk (print-plan.ts), each printed once its pages are rendered: the page's
    // promise is the readiness signal, awaited through the documented executeJavaScript.
    for (const chunk of plan.chunks) {
      const render = `window.renderForPrint(${chunk.from}, ${chunk.to}, ${plan.dpi})`; // integers only
      await withTimeout(win.webContents.executeJavaScript(render), READY_TIMEOUT_MS);
      const options = printOptions({ page: chunk.page, ...opts });
      const outcome = await new Promise<ReturnType<typeof printCallbackOutcome>>((resolve) => {
        win.webContents.print(options, (success, failureReason) => resolve(printCallbackOutcome(success, failureReason, opts.silent)));
      });
      if (outcome === 'not_printed') return false; // Cancel: the later chunks are not printed either
      if (outcome !== 'printed') throw printFailed(outcome.failed);
    }
    return true;
  } catch (e) {
    throw e instanceof HadirError ? e : printFailed(e instanceof Error ? e.message : String(e));
  } finally {
    printJobs.drop(token);
    // A short grace period: closing the window the instant print() calls back has cut off
    // spooling on some drivers.
    setTimeout(() => {
      if (!win.isDestroyed()) win.destroy();
    }, 2_000);
  }
}

const printFailed = (reason: string) => new HadirError('print_failed', `Printing failed: ${reason}`, { reason });

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The print page did not finish rendering')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
