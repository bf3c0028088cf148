// `npm run smoke` (issue 17): the first real laptop, step by step in the order
// (smoke-steps.mjs), one test per step so the report (smoke-report/report.json, html/) says pass
// or fail for each, with a screenshot of the window after every step. Steps 06 and 09 need the
// person at the laptop (a system dialog cannot be clicked by a test): the console says what to do
// and the step waits; HADIR_SMOKE_UNATTENDED=1 skips them, saying so.
// It runs the packaged app scripts/smoke.mjs built (HADIR_SMOKE_APP), else the unpackaged
// out/main/index.js, where step 01's fuse check fails saying why.
// UNVERIFIED: written where Electron cannot start; every step skips here with the reason.
import { _electron, expect, test, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { SMOKE_STEPS } from './smoke-steps.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const electron = electronBinary();
const packaged = process.env.HADIR_SMOKE_APP ?? '';
const skipReason = 'reason' in electron && !packaged ? `Electron binary not available here: ${electron.reason}` : '';
if (skipReason) console.log(`[smoke] skipped. ${skipReason}`);
test.skip(!!skipReason, skipReason);
const attended = process.env.HADIR_SMOKE_UNATTENDED !== '1';
const PIN = '2468';
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

type Call = (i?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
type Bridges = { hadir: Record<string, Call>; hadirShell: Record<string, Call> };

let app: ElectronApplication;
let page: Page;
let dataDir = '';
let startedAt = 0;

/** The step's title from the shared list: the report and the console say the same. */
const title = (n: number) => `${SMOKE_STEPS[n - 1]![0]}: ${SMOKE_STEPS[n - 1]![1]}`;
/** An operation in the window, as the renderer calls it; throws its error. */
async function call(bridge: keyof Bridges, name: string, input: unknown = {}): Promise<unknown> {
  const r = await page.evaluate(([b, n, i]) => (window as unknown as Bridges)[b as keyof Bridges][n]!(i), [
    bridge,
    name,
    input,
  ] as const);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}
const say = (line: string) => console.log(`\n>>> [smoke] ${line}\n`);

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-smoke-'));
  startedAt = Date.now();
  const mainJs = path.join(repoRoot, 'out', 'main', 'index.js');
  app = await _electron.launch({
    executablePath: packaged || (electron as { path: string }).path,
    args: [...(packaged ? [] : [mainJs]), '--data-dir', dataDir, '--kiosk'],
    cwd: repoRoot,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async ({}, info: TestInfo) => {
  if (page && !page.isClosed())
    await info.attach('window', { body: await page.screenshot().catch(() => Buffer.alloc(0)), contentType: 'image/png' });
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
});

test(title(1), async () => {
  await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
  expect(packaged, 'HADIR_SMOKE_APP: the packaged app was not built, so its fuses could not be checked').not.toBe('');
  const exe = fs.readFileSync(packaged);
  const at = exe.indexOf(SENTINEL) + SENTINEL.length;
  const wire = exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('latin1');
  // runAsNode, cookies, NODE_OPTIONS, (inspect: on in the smoke build only), asar integrity, asar only
  expect({ runAsNode: wire[0], cookies: wire[1], nodeOptions: wire[2], integrity: wire[4], asarOnly: wire[5] }).toEqual({
    runAsNode: '0',
    cookies: '0',
    nodeOptions: '0',
    integrity: '1',
    asarOnly: '1',
  });
  expect(await app.evaluate(({ app: a }) => a.getAppPath())).toMatch(/app\.asar$/);
});

test(title(2), async () => {
  const info = (await call('hadir', 'app.info')) as { dataDir: string; runtime: string };
  expect(info.runtime).toBe('electron');
  expect(fs.existsSync(path.join(dataDir, 'hadir.db'))).toBe(true);
  // The shared objects the main process loaded: better-sqlite3's binary, from outside the asar.
  const libs = await app.evaluate(
    () => (process.report?.getReport() as unknown as { sharedObjects?: string[] })?.sharedObjects ?? [],
  );
  const sqlite = libs.filter((l) => /better[-_]sqlite3|better_sqlite3/.test(l));
  expect(sqlite.length, `loaded: ${libs.length} shared objects`).toBeGreaterThan(0);
  if (packaged) expect(sqlite.every((l) => l.includes('app.asar.unpacked'))).toBe(true);
});

test(title(3), async () => {
  const event = (await call('hadir', 'event.createDemo', { desk: 'Meja 1' })) as { id: number; days: unknown[] };
  const scope = { eventId: event.id, desk: 'Meja 1' };
  // One participant present every day: someone the certificate batch finds eligible.
  const first = ((await call('hadir', 'participants.list', { eventId: event.id, limit: 1 })) as { rows: { code: string }[] })
    .rows[0]!;
  for (let day = 1; day <= event.days.length; day++) await call('hadir', 'checkin.scan', { ...scope, text: first.code, day });
  const bytes = new TextEncoder().encode('Nama,Peran\nUji Asap Satu,Peserta\nUji Asap Dua,Peserta\n');
  const preview = (await call('hadir', 'participants.importPreview', { fileName: 'smoke.csv', bytes, eventId: event.id })) as {
    mapping: unknown[];
  };
  const jobs: [string, unknown][] = [
    ['participants.import', { ...scope, fileName: 'smoke.csv', bytes, mapping: preview.mapping, skipInvalid: true }],
    ['badges.render', { layout: 'a4-8', whom: { kind: 'all' }, eventId: event.id }],
    ['certificates.batch', { ...scope, allEligible: true }],
  ];
  for (const [job, input] of jobs) {
    let s = (await call('hadir', 'jobs.start', { job, input })) as {
      id: string;
      state: string;
      finishedAt: string | null;
      notice?: string;
      error?: unknown;
    };
    await expect
      .poll(async () => (s = (await call('hadir', 'jobs.status', { id: s.id })) as typeof s).finishedAt, { timeout: 120_000 })
      .not.toBeNull();
    expect(s, `${job}: ${JSON.stringify(s.error ?? '')}`).toMatchObject({ state: 'done' });
    expect(s.notice, `${job} ran without its worker`).toBeUndefined();
  }
  expect(((await call('hadir', 'app.info')) as { workerFallback: boolean }).workerFallback).toBe(false);
});

/** The printer every silent print goes to: a PDF printer (CUPS-PDF, Microsoft Print to PDF). */
async function pdfPrinter(): Promise<string> {
  const printers = (await call('hadirShell', 'shell.printers')) as { name: string; displayName: string }[];
  const p = printers.find((x) => /pdf/i.test(x.name) || /pdf/i.test(x.displayName));
  expect(
    p,
    `no PDF printer (printers: ${printers.map((x) => x.name).join(', ') || 'none'}); install CUPS-PDF or use Microsoft Print to PDF`,
  ).toBeTruthy();
  return p!.name;
}
async function printFile(file: { fileName: string; bytes: unknown }, mode: 'desk' | 'dialog', deviceName: string | null) {
  return call('hadirShell', 'shell.print', {
    file: { fileName: file.fileName, mime: 'application/pdf', bytes: file.bytes },
    mode,
    deviceName,
  });
}

test(title(4), async () => {
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(true);
  const printer = await pdfPrinter();
  const file = (await call('hadir', 'print.testPage')) as { fileName: string; bytes: unknown };
  expect(await printFile(file, 'desk', printer)).toEqual({ printed: true, deviceName: printer });
});

test(title(5), async () => {
  const printer = await pdfPrinter();
  const ev = (await call('hadir', 'event.get')) as { id: number };
  // The demo event's certificate (A4 landscape), for the first participant on its list.
  const cert = (await call('hadir', 'certificates.preview', { eventId: ev.id })) as { fileName: string; bytes: unknown };
  expect(await printFile(cert, 'desk', printer)).toMatchObject({ printed: true });
  const roll = (await call('hadir', 'badges.testSheet', { layout: 'roll-62' })) as { fileName: string; bytes: unknown };
  expect(await printFile(roll, 'desk', printer)).toMatchObject({ printed: true });
});

test(title(6), async () => {
  test.skip(!attended, 'HADIR_SMOKE_UNATTENDED=1: the print dialog needs the person at the laptop');
  test.setTimeout(300_000);
  const file = (await call('hadir', 'print.testPage')) as { fileName: string; bytes: unknown };
  say(
    'Dialog cetak terbuka di depan jendela kiosk? Pilih printer PDF dan klik Cetak. / Is the print dialog in front of the kiosk window? Choose the PDF printer and click Print.',
  );
  expect(await printFile(file, 'dialog', null)).toMatchObject({ printed: true });
  say('Sekali lagi: sekarang klik Batal. / Once more: now click Cancel.');
  expect(await printFile(file, 'dialog', null)).toEqual({ printed: false, deviceName: null });
});

test(title(7), async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Cek perangkat', exact: true }).click();
  const camera = page.getByTestId('devcheck-camera');
  await expect(camera.getByTestId('devcheck-decoder')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(camera.getByTestId('devcheck-fps')).toHaveText(/^[1-9]\d*$/, { timeout: 30_000 });
  console.log(
    `[smoke] camera: ${await camera.getByTestId('devcheck-resolution').textContent()}, ${await camera.getByTestId('devcheck-fps').textContent()} fps`,
  );
});

test(title(8), async () => {
  // Run as the page itself would, without a user gesture (executeJavaScript's userGesture false;
  // Playwright's own evaluate counts as one): the kiosk window's autoplayPolicy lets the
  // AudioContext run, and the person hears a short tone.
  const state = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScript(
      `(async () => {
        const a = new AudioContext();
        const o = a.createOscillator();
        o.frequency.value = 880;
        o.connect(a.destination);
        o.start();
        o.stop(a.currentTime + 0.2);
        await new Promise((r) => setTimeout(r, 400));
        return a.state;
      })()`,
      false,
    ),
  );
  expect(state).toBe('running');
});

test(title(9), async () => {
  test.skip(!attended, 'HADIR_SMOKE_UNATTENDED=1: the save dialog needs the person at the laptop');
  test.setTimeout(300_000);
  const file = (await call('hadir', 'print.testPage')) as { fileName: string; mime: string; bytes: unknown };
  say('Dialog simpan: pilih folder dan klik Simpan. / Save dialog: choose a folder and click Save.');
  const saved = (await call('hadirShell', 'shell.saveFile', {
    file: { fileName: file.fileName, mime: file.mime, bytes: file.bytes },
  })) as { path: string } | null;
  expect(saved, 'the save dialog was cancelled').not.toBeNull();
  expect(fs.readFileSync(saved!.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  say("Folder berkas itu terbuka sekarang. / The file's folder opens now.");
  expect(await call('hadirShell', 'shell.showInFolder', { path: saved!.path })).toBe(true);
});

test(title(10), async () => {
  await call('hadirShell', 'shell.setKioskPin', { pin: PIN });
  // Alt+F4 (or any close) is refused while the kiosk is on.
  const closed = await app.evaluate(async ({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!;
    w.close();
    await new Promise((r) => setTimeout(r, 1000));
    return w.isDestroyed();
  });
  expect(closed).toBe(false);
  expect(await call('hadirShell', 'shell.leaveKiosk', { pin: '0000' })).toEqual({ left: false, locked: false });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(true);
  expect(await call('hadirShell', 'shell.leaveKiosk', { pin: PIN })).toEqual({ left: true, locked: false });
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(false);
});

test(title(11), async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  await expect
    .poll(
      () =>
        app.evaluate(({ BrowserWindow }) => {
          const wc = BrowserWindow.getAllWindows()[0]!.webContents;
          return !wc.isCrashed() && !wc.isLoading() && wc.getURL();
        }),
      { timeout: 30_000 },
    )
    .toBe('app://hadir/index.html');
  page = await app.firstWindow();
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 30_000 });
});

test(title(12), async () => {
  await app.close();
  const dir = path.join(dataDir, 'backups');
  const fresh = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).mtimeMs >= startedAt) : [];
  expect(fresh.length, `backups written since the start in ${dir}`).toBeGreaterThan(0);
});
