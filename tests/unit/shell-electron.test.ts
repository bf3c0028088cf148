// The Electron half of the shell operations (print.ts, shell.ts), with `electron` replaced by a
// recording stand-in: the real package cannot load under Node. What this proves is the order of
// calls and the wiring; what Electron then does with them is unverified here (see print.ts).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchShell } from '../../electron/main/shell-dispatch';
import { ok, PSM_EVENT, tempCtx, tempDir } from '../helpers/ctx';

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as FakeWindow[],
    doc: (): Promise<unknown> => Promise.resolve({ pages: [{ widthPt: 595.28, heightPt: 841.89 }] }),
    render: (_code: string): Promise<unknown> => Promise.resolve({ rendered: 1 }),
    printResult: [true, ''] as [boolean, string],
    saveTo: null as string | null,
    revealed: [] as string[],
    served: [] as (Uint8Array | null)[],
    takeJob: null as ((url: string) => Uint8Array | null) | null,
    /** What BrowserWindow.fromWebContents(sender) returns: the kiosk window. */
    kioskWindow: null as unknown,
  };
  class FakeWindow {
    destroyed = false;
    url = '';
    printed: unknown = null;
    prints: unknown[] = [];
    scripts: string[] = [];
    constructor(readonly options: unknown) {
      state.windows.push(this);
    }
    webContents = {
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      executeJavaScript: (code: string) => (
        this.scripts.push(code),
        code === 'window.printDoc' ? state.doc() : state.render(code)
      ),
      print: (options: unknown, cb: (ok: boolean, reason: string) => void) => {
        this.printed = options;
        this.prints.push(options);
        cb(...state.printResult);
      },
      getPrintersAsync: async () => [
        { name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: 'Label', options: {} },
      ],
    };
    async loadURL(url: string) {
      this.url = url;
      // What the print page does first: fetch its job through app://.
      state.served.push(state.takeJob ? state.takeJob(url) : null);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    static fromWebContents() {
      return state.kioskWindow;
    }
  }
  return { state, FakeWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  app: { getPath: () => '/home/panitia/Documents' },
  dialog: {
    showSaveDialog: async () => (fake.state.saveTo ? { canceled: false, filePath: fake.state.saveTo } : { canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  shell: { showItemInFolder: (p: string) => fake.state.revealed.push(p) },
}));

const { printPdf, printJobs } = await import('../../electron/main/print');
const { shellHandlers } = await import('../../electron/main/shell');

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
const pdfFile = { fileName: 'badges.pdf', mime: 'application/pdf', bytes: PDF };

beforeEach(() => {
  fake.state.windows.length = 0;
  fake.state.served.length = 0;
  fake.state.printResult = [true, ''];
  fake.state.doc = () => Promise.resolve({ pages: [{ widthPt: 595.28, heightPt: 841.89 }] });
  fake.state.render = () => Promise.resolve({ rendered: 1 });
  fake.state.takeJob = (url) => printJobs.take(url.split('#job=')[1]!);
});

describe('printPdf (electron stood in for)', () => {
  it('serves the PDF to a hidden print page, awaits its readiness, then prints with printOptions', async () => {
    vi.useFakeTimers();
    await printPdf(PDF, { silent: true, deviceName: 'Brother_QL_820NWB', copies: 2 });
    const win = fake.state.windows[0]!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, backgroundThrottling: false } });
    expect((win.options as { webPreferences: object }).webPreferences).not.toHaveProperty('plugins');
    expect(win.url).toMatch(/^app:\/\/hadir\/print\.html#job=[0-9a-f]{32}$/);
    expect(fake.state.served).toEqual([PDF]);
    expect(win.scripts).toEqual(['window.printDoc', 'window.renderForPrint(1, 1, 300)']);
    expect(win.printed).toMatchObject({
      silent: true,
      deviceName: 'Brother_QL_820NWB',
      copies: 2,
      pageSize: { width: 210_000, height: 297_000 },
      margins: { marginType: 'none' },
    });
    expect(win.destroyed).toBe(false); // spooling gets its grace period
    vi.advanceTimersByTime(2_000);
    expect(win.destroyed).toBe(true);
    expect(printJobs.size).toBe(0);
    vi.useRealTimers();
  });

  it('turns a failed print, or a print page that could not render, into print_failed', async () => {
    fake.state.printResult = [false, 'Print job failed'];
    await expect(printPdf(PDF, { silent: false, deviceName: null, copies: 1 })).rejects.toMatchObject({
      code: 'print_failed',
      params: { reason: 'Print job failed' },
    });
    fake.state.doc = () => Promise.reject(new Error('Invalid PDF structure'));
    await expect(printPdf(PDF, { silent: false, deviceName: null, copies: 1 })).rejects.toMatchObject({
      code: 'print_failed',
      params: { reason: 'Invalid PDF structure' },
    });
    expect(fake.state.windows[1]!.printed).toBeNull(); // never printed a page that did not render
    expect(printJobs.size).toBe(0);
  });
});

describe('printPdf: the print dialog (issue 17, finding 6)', () => {
  it('reads Cancel in the dialog as "not printed", and prints no later chunk', async () => {
    fake.state.printResult = [false, 'Print job canceled'];
    fake.state.doc = () => Promise.resolve({ pages: Array(40).fill({ widthPt: 595.28, heightPt: 841.89 }) });
    expect(await printPdf(PDF, { silent: false, deviceName: null, copies: 1 })).toBe(false);
    expect(fake.state.windows[0]!.prints).toHaveLength(1);
    expect(printJobs.size).toBe(0);
  });

  it('still fails a silent print that comes back "canceled": nobody could have cancelled it', async () => {
    fake.state.printResult = [false, 'Print job canceled'];
    await expect(printPdf(PDF, { silent: true, deviceName: 'HP', copies: 1 })).rejects.toMatchObject({ code: 'print_failed' });
  });

  it('gives a dialog print the kiosk window as parent, so the dialog is not hidden behind it', async () => {
    const kiosk = new fake.FakeWindow({ kiosk: true });
    fake.state.windows.length = 0;
    fake.state.kioskWindow = kiosk;
    try {
      const h = shellHandlers(tempCtx());
      const sender = kiosk.webContents as never;
      fake.state.printResult = [false, 'Print job canceled'];
      const cancelled = await dispatchShell(h, 'shell.print', { file: pdfFile, mode: 'dialog' }, sender);
      expect(cancelled).toEqual({ ok: true, value: { printed: false, deviceName: null } });
      expect((fake.state.windows[0]!.options as { parent?: unknown }).parent).toBe(kiosk);

      fake.state.printResult = [true, ''];
      const desk = await dispatchShell(h, 'shell.print', { file: pdfFile, mode: 'desk', deviceName: 'HP' }, sender);
      expect(desk).toEqual({ ok: true, value: { printed: true, deviceName: 'HP' } });
      expect(fake.state.windows[1]!.options).not.toHaveProperty('parent'); // silent: nothing to show
    } finally {
      fake.state.kioskWindow = null;
    }
  });
});

describe('printPdf in several jobs', () => {
  it('prints a large silent batch as consecutive jobs, rendering each before printing it', async () => {
    const A4L = { widthPt: 841.89, heightPt: 595.28 };
    fake.state.doc = () => Promise.resolve({ pages: Array(40).fill(A4L) });
    await printPdf(PDF, { silent: true, deviceName: 'HP_LaserJet', copies: 1 });
    const win = fake.state.windows[0]!;
    expect(win.scripts).toEqual([
      'window.printDoc',
      'window.renderForPrint(1, 18, 300)',
      'window.renderForPrint(19, 36, 300)',
      'window.renderForPrint(37, 40, 300)',
    ]);
    expect(win.prints).toHaveLength(3);
    expect(win.prints[0]).toMatchObject({ landscape: true, pageSize: { width: 210_000, height: 297_000 } });
  });

  it('refuses a batch too large for the print dialog, before rendering anything', async () => {
    fake.state.doc = () => Promise.resolve({ pages: Array(500).fill({ widthPt: 595.28, heightPt: 841.89 }) });
    await expect(printPdf(PDF, { silent: false, deviceName: null, copies: 1 })).rejects.toMatchObject({
      code: 'print_failed',
      params: { tooLarge: 500 },
    });
    expect(fake.state.windows[0]!.scripts).toEqual(['window.printDoc']);
  });
});

describe('shell handlers (electron stood in for)', () => {
  const sender = new fake.FakeWindow({}).webContents as never;

  it('lists printers by system and display name', async () => {
    const h = shellHandlers(tempCtx());
    expect(await dispatchShell(h, 'shell.printers', {}, sender)).toEqual({
      ok: true,
      value: [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: 'Label' }],
    });
  });

  it('refuses a silent desk print with no desk printer, and uses the one set in settings', async () => {
    fake.state.doc = () => Promise.resolve({ pages: [{ widthPt: 175.75, heightPt: 283.46 }] });
    const ctx = tempCtx();
    const h = shellHandlers(ctx);
    const none = await dispatchShell(h, 'shell.print', { file: pdfFile, mode: 'desk' }, sender);
    expect(none).toMatchObject({ ok: false, error: { code: 'print_failed', params: { noPrinter: 1 } } });
    expect(fake.state.windows).toHaveLength(0);

    await dispatchShell(h, 'shell.setPrintSettings', { deskPrinter: 'Brother_QL_820NWB' }, sender);
    // Kept in the kiosk's database: a restart keeps the desk printer.
    expect(await dispatchShell(shellHandlers(ctx), 'shell.printSettings', {}, sender)).toEqual({
      ok: true,
      value: { deskPrinter: 'Brother_QL_820NWB' },
    });
    const printed = await dispatchShell(h, 'shell.print', { file: pdfFile, mode: 'desk' }, sender);
    expect(printed).toEqual({ ok: true, value: { printed: true, deviceName: 'Brother_QL_820NWB' } });
    expect(fake.state.windows[0]!.printed).toMatchObject({ silent: true, pageSize: { width: 62_000, height: 100_000 } });
  });

  it('saves through the dialog, byte for byte; cancelling saves nothing', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const h = shellHandlers(ctx);
    fake.state.saveTo = null;
    expect(await dispatchShell(h, 'shell.saveFile', { file: pdfFile }, sender)).toEqual({ ok: true, value: null });
    const target = path.join(tempDir(), 'lencana.pdf');
    fake.state.saveTo = target;
    expect(await dispatchShell(h, 'shell.saveFile', { file: pdfFile }, sender)).toEqual({ ok: true, value: { path: target } });
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF);

    // Show in folder: the file just saved, yes; anything else the renderer names, no.
    expect(await dispatchShell(h, 'shell.showInFolder', { path: target }, sender)).toEqual({ ok: true, value: true });
    const refused = await dispatchShell(h, 'shell.showInFolder', { path: '/etc/passwd' }, sender);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.state.revealed).toEqual([target]);
  });
});
