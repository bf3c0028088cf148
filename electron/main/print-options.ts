// Every decision about how a PDF goes to the printer, in one pure function (ELECTRON-NOTES 10).
// Silent printing has regressed often in Electron (tiny output: electron#39778, #50785;
// deviceName ignored: #28502; pageSize ignored on Windows: #31705; half-blank Dymo labels:
// #36067), so nothing here is left to a default that a future version may change.
//
// CHECKED AGAINST: Electron 45.5.0 (package.json pins ^45), by reading its typings
// (WebContentsPrintOptions, Margins, the 353-micron minimum) and release notes. NOT verified on a
// real printer: Electron cannot start on the machines this was written on. Re-check this file
// whenever Electron's major version changes, with a test sheet on the kiosk's printers.
import type { WebContentsPrintOptions } from 'electron';

export const PRINT_OPTIONS_CHECKED_AGAINST = '45.5.0';

/** The PDF's page, in PDF points (1/72 inch), as the print page reads it with pdf.js. */
export interface PdfPage {
  widthPt: number;
  heightPt: number;
}

export interface PrintDecisionInput {
  page: PdfPage;
  silent: boolean;
  /** The system name of the printer; null lets Electron use the system default (dialog only). */
  deviceName: string | null;
  copies: number;
}

/** Chromium refuses a custom page smaller than this on either side (Electron's print() docs). */
export const MIN_PAGE_MICRONS = 353;
const MICRONS_PER_POINT = 25_400 / 72;

export class PrintOptionsError extends Error {}

const micronsOf = (pt: number) => Math.round((pt * MICRONS_PER_POINT) / 10) * 10;

export function printOptions({ page, silent, deviceName, copies }: PrintDecisionInput): WebContentsPrintOptions {
  // To the nearest 10 microns: pdf-lib's A4 (595.28 × 841.89 pt) is then exactly 210 × 297 mm,
  // which a driver matches to its A4 media rather than to a "custom" size it may not support.
  const w = micronsOf(page.widthPt);
  const h = micronsOf(page.heightPt);
  if (!(Math.min(w, h) >= MIN_PAGE_MICRONS)) {
    throw new PrintOptionsError(`Page ${page.widthPt}×${page.heightPt} pt is below the ${MIN_PAGE_MICRONS}-micron minimum`);
  }
  return {
    silent,
    // Only a real name: an empty string has meant "system default" in some versions and
    // "no printer" in others. In silent mode the caller has already refused a missing printer.
    ...(deviceName ? { deviceName } : {}),
    // The media is given portrait (short side as width), as printers and IPP describe media, and
    // a page wider than tall (an A4 landscape certificate) sets `landscape`. Giving a landscape
    // media size instead is what drivers have rotated unpredictably (ELECTRON-NOTES 10). The
    // badge roll is laid out portrait, 62 mm wide, for this reason.
    pageSize: { width: Math.min(w, h), height: Math.max(w, h) },
    landscape: w > h,
    // The PDF already carries its own margins (cut marks, label edges): add none. Since
    // Electron 25 a missing pageSize means A4 (electron#39670); it is never missing here.
    margins: { marginType: 'none' },
    // 100%, never "fit": the QR on a badge is sized for the webcam; shrinking it costs scans.
    scaleFactor: 100,
    printBackground: true,
    color: true,
    // Badges and certificates are one-sided; an office printer that defaults to duplex would
    // otherwise print page 2 on the back of page 1.
    duplexMode: 'simplex',
    copies: Math.min(99, Math.max(1, Math.trunc(copies))),
    collate: true,
    // No `usePrinterDefaultPageSize`, not even `false`: since Electron 43 (electron#49523,
    // backported in #49812) print() throws "usePrinterDefaultPageSize cannot be combined with
    // pageSize" whenever the key is present (`!== undefined`) beside a pageSize, so every print
    // failed while it was here (ELECTRON-NOTES 13).
  };
}

/**
 * Where a print goes. 'desk' prints silently to the printer asked for, else to the desk printer
 * from settings, and refuses when there is neither: Electron would otherwise print silently to
 * the system default, which on a borrowed laptop may be a printer in another room.
 */
export function printTarget(
  mode: 'desk' | 'dialog',
  deviceName: string | null | undefined,
  deskPrinter: string | null,
): { silent: boolean; deviceName: string | null } | null {
  if (mode === 'dialog') return { silent: false, deviceName: deviceName || deskPrinter || null };
  const name = deviceName || deskPrinter;
  return name ? { silent: true, deviceName: name } : null;
}

/** What one webContents.print() callback means for the person at the desk. */
export type PrintCallbackOutcome = 'printed' | 'not_printed' | { failed: string };

/**
 * Reads print()'s callback. In the print dialog, Cancel is the operator's choice, not a fault:
 * it comes back as `success: false` with "Print job canceled" (Electron's wording; matched on the
 * stem so "cancelled" or a reworded reason is read the same way) and is reported as "not
 * printed", never as print_failed. In silent mode nobody can cancel, so the same reason there
 * means the job was dropped, and it is a failure.
 */
export function printCallbackOutcome(success: boolean, failureReason: string | undefined, silent: boolean): PrintCallbackOutcome {
  if (success) return 'printed';
  if (!silent && /cancel/i.test(failureReason ?? '')) return 'not_printed';
  return { failed: failureReason || 'Print job failed' };
}

/**
 * The hidden print window's options. A dialog print gets the kiosk window as parent: the system
 * dialog belongs to the print window, and on Windows an unparented hidden window's dialog can
 * open behind the fullscreen kiosk, where nobody sees it and nothing times out (electron#48612,
 * #48755). A silent print shows nothing, so it needs no parent.
 */
export function printWindowOptions<P>(silent: boolean, parent: P | undefined) {
  return {
    show: false,
    ...(!silent && parent ? { parent } : {}),
    // No preload: this window can never reach the app's IPC. Throttling off: a hidden window's
    // timers and animation frames may otherwise be slowed or paused while pdf.js renders.
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, backgroundThrottling: false },
  };
}
