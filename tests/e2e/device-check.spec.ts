// Issue 17: "Cek perangkat", the evening-before device check. In Chromium with a fake webcam that
// shows the printer test page the app itself makes (print.testPage, rendered by pdftoppm at a
// webcam's scale): the screen opens from the welcome screen and from the menu, lists the
// `hadir doctor` checks from the real host, reads the test page's QR through the desk's own
// camera and decoder, plays the verdict sounds and opens the test page through the print path.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ok, PSM_EVENT, tempDir } from '../helpers/ctx';
import { WEBCAM_DPI, webcamVideo, browserWithFakeCamera } from './checkin/badge-video';
import { expect, SHOTS, test } from './fixtures';
import type { Ctx } from '../../electron/core/context';
import { LAPTOP } from './seed';
import { expectAccessible } from './axe';

/** The printer test page, as a webcam 40 cm away sees it: in the middle of a grey 1280×720 room. */
async function testPageVideo(ctx: Ctx): Promise<string> {
  const dir = tempDir('hadir-devcheck-');
  const pdf = path.join(dir, 'test-page.pdf');
  fs.writeFileSync(pdf, (await ok(ctx, 'print.testPage', {})).bytes);
  execFileSync('pdftoppm', ['-png', '-singlefile', '-r', String(WEBCAM_DPI), pdf, path.join(dir, 'page')]);
  return webcamVideo(path.join(dir, 'page.png'), path.join(dir, 'page.y4m'));
}

async function browserWithCamera(video: string): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  const browser = await browserWithFakeCamera(video);
  // A context of its own (not browser.newPage): axe-core needs one.
  const page = await (await browser.newContext(LAPTOP)).newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { browser, page, problems };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

test('the device check: from the welcome screen, system checks, camera reads the test page, sounds, test page', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const { browser, page, problems } = await browserWithCamera(await testPageVideo(host.ctx));
  try {
    await page.goto(host.url);
    // A fresh laptop: no event yet, and the device check is one click from the welcome screen.
    await page.screenshot({ path: path.join(SHOTS, 'welcome-device-check-id.png') });
    await page.getByRole('button', { name: 'Buka Cek perangkat' }).click();
    await expect(page.getByRole('heading', { name: 'Cek perangkat', level: 1 })).toBeVisible();

    // The system checks, from the host (system.doctor): five lines in the order of the issue.
    const system = page.getByTestId('devcheck-system');
    const items = system.locator('li.devcheck-item');
    await expect(items).toHaveCount(5, { timeout: 60_000 });
    expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-check')))).toEqual([
      'database',
      'disk',
      'backup',
      'worker',
      'clock',
    ]);
    await expect(system.locator('[data-check="database"]')).toHaveAttribute('data-state', 'ok');
    await expect(system.locator('[data-check="worker"]')).toHaveAttribute('data-state', 'ok');
    await expect(system.locator('[data-check="worker"]')).toContainText('Proses latar membuat halaman uji PDF');
    // No event yet: the clock cannot be compared, a warning, not a failure.
    await expect(system.locator('[data-check="clock"]')).toHaveAttribute('data-state', 'warn');
    // The sentence in the UI's language only.
    await expect(system.locator('[data-check="database"]')).not.toContainText('The database');

    // The camera: live at what it was asked for, frames counted, the decoder ready, the test code read.
    const camera = page.getByTestId('devcheck-camera');
    await expect(camera.getByTestId('devcheck-resolution')).toHaveText('1280×720', { timeout: 30_000 });
    await expect(camera.getByTestId('devcheck-decoder')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await expect(camera.getByTestId('devcheck-read')).toHaveAttribute('data-read', 'test', { timeout: 30_000 });
    await expect(camera.getByTestId('devcheck-read')).toContainText('Kode uji terbaca');
    await expect(camera.getByTestId('devcheck-fps')).toHaveText(/^\d+$/, { timeout: 30_000 });
    // Read on the device check only: nothing reached the check-in log.
    expect((host.ctx.db.prepare('SELECT count(*) AS n FROM scan').get() as { n: number }).n).toBe(0);

    // The sounds: each button plays the desk's tone and says so.
    await page.getByRole('button', { name: '♪ Hadir (hijau)' }).click();
    await expect(page.getByTestId('devcheck-sound-played')).toContainText('Dimainkan: Hadir (hijau)');

    // The printer: the ruler advice, and the test page through the print path (a tab in a browser).
    await expect(page.getByTestId('print-note')).toContainText('tepat 100 mm');
    const tab = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Buka halaman uji' }).click();
    await (await tab).close();
    await expect(page.getByTestId('print-done')).toContainText('Halaman uji dibuka di tab baru');

    await expectAccessible(page, 'the device check with a live camera');
    await page.screenshot({ path: path.join(SHOTS, 'device-check-id.png'), fullPage: true });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Device check', level: 1 })).toBeVisible();
    await expect(page.getByTestId('devcheck-read')).toContainText('Test code read');
    await expect(system.locator('[data-check="database"]')).toContainText('The database opens and passes quick_check');
    await page.screenshot({ path: path.join(SHOTS, 'device-check-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // Back to the welcome screen, which is still there to make the event.
    await page.getByRole('button', { name: '← Kembali' }).click();
    await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the device check is in the main menu, and compares the clock with the desk’s event', async ({ page, host }) => {
  await page.setViewportSize(LAPTOP.viewport);
  await ok(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await nav(page, 'Cek perangkat').click();
  await expect(page.getByRole('heading', { name: 'Cek perangkat', level: 1 })).toBeVisible();
  await expect(nav(page, 'Cek perangkat')).toHaveAttribute('aria-current', 'page');
  // The event ran in 2022: the laptop's date today is far off it, a warning naming both.
  const clock = page.getByTestId('devcheck-system').locator('[data-check="clock"]');
  await expect(clock).toHaveAttribute('data-state', 'warn', { timeout: 60_000 });
  await expect(clock).toContainText('2022-09-07');
  // No camera in this browser: said in one sentence, and the rest of the screen still works.
  await expect(page.getByTestId('devcheck-camera').getByTestId('camera-problem')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'the device check without a camera');
  await page.screenshot({ path: path.join(SHOTS, 'device-check-menu-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(nav(page, 'Device check')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'device-check-menu-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
});
