// The shell operations from the renderer's side. In the web host (a browser) they do not exist:
// saving is a download and printing opens the PDF in a new tab. The Electron side is stood in
// for by a window.hadirShell defined before the app loads, recording what the renderer asks of
// it: what Electron then does is covered by tests/unit/shell-electron.test.ts, and unverified.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT, scope } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('in a browser, the test page opens in a new tab and "save PDF" downloads it', async ({ page, host, context }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara' }).click();
  const card = page.getByTestId('print-card');
  await expect(card).toContainText('Di peramban, PDF dibuka di tab baru');
  await expect(card.getByRole('combobox')).toHaveCount(0); // no printers to choose from in a browser

  const [tab] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: 'Buka halaman uji' }).click()]);
  await expect(card.getByTestId('print-done')).toContainText('Halaman uji dibuka di tab baru.');
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  // The tab holds the PDF itself, in Chromium's viewer (whose print button is the way on from
  // here). The CSP the app page passes on to its blob: URL does not stop the viewer.
  await tab.waitForLoadState();
  expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
  // An empty viewer is a few kB of flat grey; the drawn page is far larger.
  await expect.poll(async () => (await tab.screenshot()).length, { timeout: 20_000 }).toBeGreaterThan(40_000);
  await tab.screenshot({ path: path.join(SHOTS, 'print-tab-web.png') });
  await tab.close();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'print-card-web-id.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Simpan PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hadir-test-printer-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(card.getByTestId('print-done')).toHaveText(`Disimpan: ${download.suggestedFilename()}`);
  const file = path.join(host.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Halaman uji printer');

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(card).toContainText('In a browser, PDFs open in a new tab');
  await expect(card.getByRole('button', { name: 'Open a test page' })).toBeVisible();
  await card.screenshot({ path: path.join(SHOTS, 'print-card-web-en.png') });
});

/** Stands in for the preload's window.hadirShell; every call is recorded in window.shellCalls. */
function fakeShell(preset: string | null = null) {
  const calls: { name: string; input: unknown }[] = [];
  (window as unknown as { shellCalls: typeof calls }).shellCalls = calls;
  let deskPrinter: string | null = preset;
  const answer = (name: string, value: unknown) => (input: unknown) => {
    calls.push({ name, input });
    return Promise.resolve({ ok: true, value: typeof value === 'function' ? value(input) : value });
  };
  (window as unknown as { hadirShell: unknown }).hadirShell = {
    'shell.printers': answer('shell.printers', [
      { name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: 'Label' },
      { name: 'HP_LaserJet_M110w', displayName: 'HP LaserJet M110w', description: '' },
    ]),
    'shell.printSettings': answer('shell.printSettings', () => ({ deskPrinter })),
    'shell.setPrintSettings': answer(
      'shell.setPrintSettings',
      (i: { deskPrinter: string | null }) => ((deskPrinter = i.deskPrinter), i),
    ),
    'shell.print': answer('shell.print', (i: { deviceName: string | null }) => ({
      printed: true,
      deviceName: i.deviceName ?? deskPrinter,
    })),
    'shell.saveFile': answer('shell.saveFile', (i: { file: { fileName: string } }) => ({
      path: `/home/panitia/Documents/${i.file.fileName}`,
    })),
    'shell.chooseFolder': answer('shell.chooseFolder', null),
    'shell.showInFolder': answer('shell.showInFolder', true),
  };
}

test('in the app, the desk printer is chosen from the printers, and printing and saving go through the shell', async ({
  page,
  host,
}) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await dispatch(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Agus Salim', role: 'Peserta' });
  await page.addInitScript(fakeShell);
  await page.goto(host.url);
  const calls = () => page.evaluate(() => (window as unknown as { shellCalls: { name: string; input: unknown }[] }).shellCalls);

  // Export: the save dialog, then "show in folder" for the file it wrote.
  await expect(page.getByTestId('list-count')).toHaveText('1 dari 1 peserta');
  await page.getByRole('button', { name: 'CSV' }).click();
  const toast = page.getByRole('status');
  await expect(toast).toContainText(/1 peserta diekspor ke \/home\/panitia\/Documents\/peserta-[^/]*\.csv/);
  const saved = (await calls()).find((c) => c.name === 'shell.saveFile')!.input as { file: { bytes: unknown; mime: string } };
  expect(saved.file.mime).toBe('text/csv');
  expect(
    await page.evaluate(() => {
      const c = (window as unknown as { shellCalls: { name: string; input: { file: { bytes: unknown } } }[] }).shellCalls;
      return c.find((x) => x.name === 'shell.saveFile')!.input.file.bytes instanceof Uint8Array;
    }),
  ).toBe(true); // bytes, never base64
  await toast.getByRole('button', { name: 'Tampilkan di folder' }).click();
  await expect
    .poll(async () => (await calls()).filter((c) => c.name === 'shell.showInFolder').map((c) => c.input))
    .toEqual([{ path: expect.stringMatching(/^\/home\/panitia\/Documents\/peserta-.*\.csv$/) }]);

  await page.getByRole('button', { name: 'Acara' }).click();
  const card = page.getByTestId('print-card');
  await expect(card).toContainText('Lencana peserta yang datang langsung dicetak ke printer meja');
  const select = card.getByRole('combobox', { name: 'Printer meja' });
  await expect(select.locator('option')).toHaveText(['— tanyakan setiap kali —', 'Brother QL-820NWB', 'HP LaserJet M110w']);

  // No desk printer yet: the test page goes through the print dialog.
  await card.getByRole('button', { name: 'Cetak halaman uji' }).click();
  await expect(card.getByTestId('print-done')).toContainText('Terkirim ke printer.');
  let print = (await calls()).filter((c) => c.name === 'shell.print').at(-1)!.input as Record<string, unknown>;
  expect(print).toMatchObject({ mode: 'dialog', copies: 1, file: { mime: 'application/pdf' } });

  await select.selectOption('Brother_QL_820NWB');
  await expect
    .poll(async () => (await calls()).filter((c) => c.name === 'shell.setPrintSettings').map((c) => c.input))
    .toEqual([{ deskPrinter: 'Brother_QL_820NWB' }]);
  await card.getByRole('button', { name: 'Cetak halaman uji' }).click();
  await expect(card.getByTestId('print-done')).toContainText('Terkirim ke Brother QL-820NWB.');
  print = (await calls()).filter((c) => c.name === 'shell.print').at(-1)!.input as Record<string, unknown>;
  expect(print).toMatchObject({ mode: 'desk' });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'print-card-app-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(card.getByTestId('print-done')).toContainText('Sent to Brother QL-820NWB.');
  await card.screenshot({ path: path.join(SHOTS, 'print-card-app-en.png') });
  expect(fs.existsSync(host.dataDir)).toBe(true);
});

test("in the app, a walk-in's tag prints silently to the desk printer, and a batch through the dialog", async ({
  page,
  host,
}) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await dispatch(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Agus Salim', role: 'Peserta' });
  await dispatch(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Siti Aminah', role: 'Peserta' });
  await page.addInitScript(fakeShell, 'Brother_QL_820NWB');
  await page.goto(host.url);
  const prints = () =>
    page.evaluate(() =>
      (window as unknown as { shellCalls: { name: string; input: { mode: string; file: { bytes: Uint8Array } } }[] }).shellCalls
        .filter((c) => c.name === 'shell.print')
        .map((c) => ({ mode: c.input.mode, pdf: String.fromCharCode(...c.input.file.bytes.subarray(0, 5)) })),
    );
  await page
    .getByRole('row', { name: /Agus Salim/ })
    .getByRole('button', { name: 'Tanda nama' })
    .click();
  await expect(page.getByTestId('badges-count')).toHaveText(/^1 tanda nama, 1 halaman$/);
  await page.getByRole('button', { name: 'Cetak', exact: true }).click();
  await expect.poll(prints).toEqual([{ mode: 'desk', pdf: '%PDF-' }]);

  await page.getByLabel(/^Semua peserta/).check();
  await expect(page.getByTestId('badges-count')).toHaveText(/^2 tanda nama/);
  await page.getByRole('button', { name: 'Cetak', exact: true }).click();
  await expect.poll(prints).toEqual([
    { mode: 'desk', pdf: '%PDF-' },
    { mode: 'dialog', pdf: '%PDF-' },
  ]);
});
