// Printing badges and certificates (ELECTRON-NOTES 4). Not wired to operations yet.
// Electron 45 carries the two fixes this relies on: printing a loaded PDF no longer gives a blank
// page (electron#43309) and silent printing of PDFs works (electron#47378 / #47624).
// Whatever fails here, the caller offers savePdf() instead.
import { BrowserWindow, dialog, type PrinterInfo, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PrintPdfOptions {
  /** Skip the system dialog (the desk printer is chosen in settings). */
  silent?: boolean;
  /** The system name of the printer, as listPrinters() gives it (not the display name). */
  deviceName?: string;
  copies?: number;
}

export type PrintOutcome = { ok: true } | { ok: false; reason: string };

/** Internal Electron event, emitted once the built-in PDF viewer can print; Electron's own
 *  printing tests wait for it. did-finish-load alone comes too early and prints blank pages. */
const PDF_READY_EVENT = '-pdf-ready-to-print';
const PDF_READY_TIMEOUT_MS = 15_000;

export async function listPrinters(wc: WebContents): Promise<PrinterInfo[]> {
  return wc.getPrintersAsync();
}

export async function printPdf(pdf: Uint8Array, opts: PrintPdfOptions = {}): Promise<PrintOutcome> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hadir-print-'));
  const file = path.join(dir, 'print.pdf');
  const win = new BrowserWindow({
    show: false,
    // plugins: the PDF viewer. No preload: this window can never reach the app's IPC (ipc.ts
    // also refuses any sender that is not app://hadir).
    webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await fs.writeFile(file, pdf);
    const ready = waitForPdfReady(win.webContents); // listen before loading: it may fire early
    ready.catch(() => undefined); // if loadFile throws first, do not leave this one unhandled
    await win.loadFile(file);
    await ready;
    return await new Promise<PrintOutcome>((resolve) => {
      win.webContents.print(
        {
          silent: opts.silent ?? false,
          deviceName: opts.deviceName || undefined,
          copies: Math.min(99, Math.max(1, Math.trunc(opts.copies ?? 1))),
          printBackground: true,
        },
        (success, failureReason) => resolve(success ? { ok: true } : { ok: false, reason: failureReason || 'print failed' }),
      );
    });
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  } finally {
    // A short grace period: closing the window the instant print() calls back has cut off
    // spooling on some drivers.
    setTimeout(() => {
      if (!win.isDestroyed()) win.destroy();
      void fs.rm(dir, { recursive: true, force: true });
    }, 2_000);
  }
}

function waitForPdfReady(wc: WebContents): Promise<void> {
  // The event is not in Electron's typings, hence the plain EventEmitter view.
  const events = wc as unknown as NodeJS.EventEmitter;
  return new Promise((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      events.removeListener(PDF_READY_EVENT, onReady);
      reject(new Error('The PDF did not become ready to print'));
    }, PDF_READY_TIMEOUT_MS);
    events.once(PDF_READY_EVENT, onReady);
  });
}

/** The fallback that always works: let the operator save the PDF and print it elsewhere. */
export async function savePdf(
  pdf: Uint8Array,
  opts: { parent?: BrowserWindow; defaultName: string; defaultDir?: string },
): Promise<string | null> {
  const options = {
    title: 'Simpan PDF',
    defaultPath: path.join(opts.defaultDir ?? os.homedir(), opts.defaultName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const { canceled, filePath } = opts.parent
    ? await dialog.showSaveDialog(opts.parent, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return null;
  await fs.writeFile(filePath, pdf);
  return filePath;
}
