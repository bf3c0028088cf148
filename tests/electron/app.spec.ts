// The real Electron shell, end to end: bridge shape, sandbox, navigation and pop-up blocking.
// Needs the Electron binary, which scripts/ensure-electron.mjs downloads from GitHub. Where that is
// impossible (machines without internet) the whole file is skipped, and the reason is printed.
// Run after `npm run build`: this launches out/main/index.js with node_modules' Electron, whose
// fuses still allow the inspector Playwright uses (a release build's do not).
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OP_NAMES } from '../../electron/shared/op-names';
import { SHELL_OP_NAMES } from '../../electron/shared/shell-op-names';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainJs = path.join(repoRoot, 'out', 'main', 'index.js');
/** The heading of the renderer's first-run screen (no event yet), as tests/e2e/setup.spec.ts sees it. */
const SETUP_HEADING = 'Selamat datang di Hadir';

// Fetch the binary first where there is internet (Electron 42+ no longer downloads it at install),
// then skip with the reason where it still cannot be had (offline machines such as CI here).
const ensured = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'ensure-electron.mjs')], { encoding: 'utf8' });
const electron = electronBinary();
const skipReason =
  'reason' in electron ? `Electron binary not available here: ${electron.reason}. ${(ensured.stderr ?? '').trim()}` : '';
if (skipReason) console.log(`[tests/electron] skipped. ${skipReason}`);
test.skip(!!skipReason, skipReason);

test.beforeAll(() => {
  if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: run \`npm run build\` first.`);
});

/** One app per test, each with its own data folder (and so its own Chromium profile and lock). */
async function launch(): Promise<{ app: ElectronApplication; page: Page; dataDir: string; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-electron-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE', 'HADIR_DATA_DIR'].includes(k)) env[k] = v;
  }
  const app = await _electron.launch({
    executablePath: (electron as { path: string }).path,
    args: [mainJs, '--data-dir', dataDir],
    cwd: repoRoot,
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    dataDir,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('serves the renderer from app://hadir and shows the setup screen', async () => {
  const { page, dataDir, close } = await launch();
  try {
    expect(page.url()).toBe('app://hadir/index.html');
    await expect(page.getByRole('heading', { name: SETUP_HEADING })).toBeVisible();
    // Chromium's caches live in the temp folder (sessionData), not beside hadir.db.
    const files = fs.readdirSync(dataDir);
    expect(files).toContain('hadir.db');
    expect(files.filter((f) => /cache|Local Storage|Session Storage|Cookies/i.test(f))).toEqual([]);
  } finally {
    await close();
  }
});

test('window.hadir has exactly one function per operation, and the renderer has no Node', async () => {
  const { page, close } = await launch();
  try {
    const shape = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const hadir = w.hadir as Record<string, unknown>;
      return {
        keys: Object.keys(hadir).sort(),
        allFunctions: Object.values(hadir).every((v) => typeof v === 'function'),
        ipcRenderer: 'ipcRenderer' in w || 'ipcRenderer' in hadir,
        electron: 'electron' in w,
        require: typeof (w as { require?: unknown }).require,
        process: typeof (w as { process?: unknown }).process,
        module: typeof (w as { module?: unknown }).module,
      };
    });
    expect(shape.keys).toEqual([...OP_NAMES].sort());
    expect(shape.allFunctions).toBe(true);
    expect(shape.ipcRenderer).toBe(false);
    expect(shape.electron).toBe(false);
    expect(shape.require).toBe('undefined');
    expect(shape.process).toBe('undefined');
    expect(shape.module).toBe('undefined');
  } finally {
    await close();
  }
});

test('an operation round-trips over IPC; the same better-sqlite3 binary opened the database in main', async () => {
  const { page, dataDir, close } = await launch();
  try {
    const info = await page.evaluate(() =>
      (window as unknown as { hadir: Record<string, (i?: unknown) => Promise<unknown>> }).hadir['app.info']!({}),
    );
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', dataDir: path.resolve(dataDir) } });
    const bad = await page.evaluate(() =>
      (window as unknown as { hadir: Record<string, (i?: unknown) => Promise<unknown>> }).hadir['settings.set']!({ lang: 'xx' }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The main process ran the migrations with node_modules/better-sqlite3 (Node-API: one binary
    // for Node and Electron); Node reads the file it wrote.
    const db = new Database(path.join(dataDir, 'hadir.db'), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  } finally {
    await close();
  }
});

test('window.hadirShell has one function per shell operation; files cross IPC as Uint8Array', async () => {
  const { page, close } = await launch();
  try {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { hadirShell: object }).hadirShell).sort());
    expect(keys).toEqual([...SHELL_OP_NAMES].sort());
    const out = await page.evaluate(async () => {
      type Call = (i?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
      const w = window as unknown as { hadirShell: Record<string, Call> };
      const printers = await w.hadirShell['shell.printers']!({});
      const set = await w.hadirShell['shell.setPrintSettings']!({ deskPrinter: 'Hadir_Test' });
      const got = await w.hadirShell['shell.printSettings']!({});
      return { printers: printers.ok && Array.isArray(printers.value), set: set.ok, got: got.value };
    });
    expect(out).toMatchObject({ printers: true, set: true, got: { deskPrinter: 'Hadir_Test' } });
  } finally {
    await close();
  }
});

/**
 * A PDF printer of this machine (CUPS-PDF's "PDF", Windows' "Microsoft Print to PDF"), or null.
 * A print that ends in print_failed is never accepted: that outcome is exactly how every print
 * failing in Electron 43+ (usePrinterDefaultPageSize beside pageSize) stayed hidden.
 */
const PDF_PRINTER = /pdf/i;

test('the test page prints silently, start to finish, to a PDF printer', async () => {
  const { page, close } = await launch();
  try {
    type Call = (i?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
    const printers = (await page.evaluate(async () => {
      const w = window as unknown as { hadirShell: Record<string, Call> };
      return (await w.hadirShell['shell.printers']!({})).value;
    })) as { name: string; displayName: string }[];
    const pdfPrinter = printers.find((p) => PDF_PRINTER.test(p.name) || PDF_PRINTER.test(p.displayName));
    test.skip(!pdfPrinter, `No PDF printer on this machine (printers: ${printers.map((p) => p.name).join(', ') || 'none'}); install CUPS-PDF (printer-driver-cups-pdf) to run this test.`);
    const print = await page.evaluate(async (deviceName) => {
      const w = window as unknown as { hadir: Record<string, Call>; hadirShell: Record<string, Call> };
      await w.hadir['event.createDemo']!({});
      const testPage = (await w.hadir['print.testPage']!({})) as { ok: boolean; value: { bytes: unknown; fileName: string } };
      if (!(testPage.value.bytes instanceof Uint8Array)) return { ok: false, error: 'bytes did not cross IPC as Uint8Array' };
      return w.hadirShell['shell.print']!({
        file: { fileName: testPage.value.fileName, mime: 'application/pdf', bytes: testPage.value.bytes },
        mode: 'desk',
        deviceName,
      });
    }, pdfPrinter!.name);
    expect(print).toEqual({ ok: true, value: { printed: true, deviceName: pdfPrinter!.name } });
  } finally {
    await close();
  }
});

test('window.open is denied and navigation away is blocked', async () => {
  const { app, page, close } = await launch();
  try {
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    expect(await page.evaluate(() => window.open('app://hadir/index.html') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);

    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('app://hadir/index.html');

    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://hadir/index.html');
  } finally {
    await close();
  }
});

test('the CSP header is applied and the camera is the only permission granted', async () => {
  const { page, close } = await launch();
  try {
    const states = await page.evaluate(async () => {
      const q = async (name: string) => {
        try {
          return (await navigator.permissions.query({ name } as PermissionDescriptor)).state;
        } catch {
          return 'unsupported';
        }
      };
      return { geolocation: await q('geolocation'), notifications: await q('notifications'), microphone: await q('microphone') };
    });
    expect(states.geolocation).not.toBe('granted');
    expect(states.notifications).not.toBe('granted');
    expect(states.microphone).not.toBe('granted');

    // An inline script must not run under the production CSP.
    const inlineRan = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
  } finally {
    await close();
  }
});
