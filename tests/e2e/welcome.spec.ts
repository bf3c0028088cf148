// A fresh laptop (issue 16, item 11): the welcome screen takes an event file made on another
// laptop, and the demo event is marked (name and colour) wherever it is named, so it is never
// taken for the real event of the same name.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { ok, tempCtx } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

/** A screen's button in the main menu (rows on the screens have buttons of the same names). */
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

test('a fresh laptop imports an event file from the welcome screen, without opening the demo', async ({ page, host }) => {
  // The other laptop: the real PSM event with its 66 participants and one check-in.
  const other = tempCtx();
  await seedPsm(other);
  const first = (await ok(other, 'participants.list', { limit: 1 })).rows[0]!;
  const ev = (await ok(other, 'event.get', {}))!;
  await ok(other, 'checkin.scan', { eventId: ev.id, desk: 'Meja 1', text: first.code, day: 1 });
  const exported = await ok(other, 'event.exportFile', {});
  other.db.close();

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sudah punya berkas acara?' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'welcome-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Import an event file (.hadir)…' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'welcome-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  await page.getByTestId('welcome-import-file').setInputFiles({
    name: exported.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(exported.bytes),
  });
  // Straight into the imported event: its name in the title bar, not marked as a demo.
  await expect(page.locator('.brand-sub')).toHaveText(ev.name, { timeout: 60_000 });
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta', { timeout: 60_000 });
  await expect(page.locator('.header')).not.toHaveClass(/header-demo/);
  await expect(page.getByTestId('demo-tag')).toHaveCount(0);

  // One event on the kiosk (no demo beside it), the kiosk's default, with the other laptop's check-in.
  const db = new Database(path.join(host.dataDir, 'hadir.db'), { readonly: true });
  expect(db.prepare('SELECT id, name FROM event').all()).toEqual([{ id: expect.any(Number), name: ev.name }]);
  const id = (db.prepare('SELECT id FROM event').get() as { id: number }).id;
  expect(db.prepare("SELECT value FROM setting WHERE key = 'active_event_id'").get()).toEqual({ value: String(id) });
  expect(db.prepare("SELECT COUNT(*) AS n FROM scan WHERE verdict = 'ok'").get()).toEqual({ n: 1 });
  db.close();
});

test('a file that is not an event file is refused on the welcome screen, and nothing is created', async ({ page, host }) => {
  await page.goto(host.url);
  await page
    .getByTestId('welcome-import-file')
    .setInputFiles({ name: 'peserta.hadir', mimeType: 'application/octet-stream', buffer: Buffer.from('No,Nama\n1,Ani\n') });
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
  const db = new Database(path.join(host.dataDir, 'hadir.db'), { readonly: true });
  expect(db.prepare('SELECT COUNT(*) AS n FROM event').get()).toEqual({ n: 0 });
  db.close();
});

test('the demo event is marked in the title bar, the event list and the printing screens', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta', { timeout: 60_000 });
  // Title bar: the DEMO pill before the name, and the bar in the demo's colour.
  await expect(page.locator('.brand-sub')).toHaveText(/^DEMO\s*Peningkatan Kemampuan/);
  await expect(page.locator('.header')).toHaveClass(/header-demo/);
  const bar = await page.locator('.header').evaluate((e) => getComputedStyle(e).backgroundImage);
  expect(bar).toContain('repeating-linear-gradient');

  // The printing screens say what comes out of them is sample data.
  await nav(page, 'Tanda Nama').click();
  await expect(page.getByTestId('demo-banner')).toContainText('Ini acara DEMO dengan 66 peserta contoh');
  await page.screenshot({ path: path.join(SHOTS, 'demo-badges-id.png') });
  await nav(page, 'Sertifikat').click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('demo-banner')).toContainText('This is the DEMO event with 66 sample participants');
  await page.screenshot({ path: path.join(SHOTS, 'demo-certificates-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  // A real event beside it: the list marks only the demo; the real one has no mark anywhere.
  await nav(page, 'Acara').click();
  await page.getByRole('button', { name: '+ Buat acara baru' }).click();
  await expect(page.getByTestId('demo-tag')).toHaveCount(2); // the title bar and the demo card
  await page.locator('input[name=name]').fill('Pelatihan PSM Lampung 2026');
  await page.locator('input[name=organiser]').fill('Dinas Sosial Provinsi Lampung');
  await page.locator('input[name=venue]').fill('Hotel Horison Bandar Lampung');
  await page.locator('input[name=city]').fill('Bandar Lampung');
  await page.locator('input[name=day-1]').fill('2026-12-08');
  await page.locator('input[name=signatoryName]').fill('Drs. Aswarodi, M.Si.');
  await page.locator('input[name=signatoryTitle]').fill('Kepala Dinas Sosial Provinsi Lampung');
  await page.getByRole('button', { name: 'Buat acara' }).click();
  await expect(page.locator('.brand-sub')).toHaveText('Pelatihan PSM Lampung 2026');
  await expect(page.locator('.header')).not.toHaveClass(/header-demo/);
  await nav(page, 'Tanda Nama').click();
  await expect(page.getByRole('heading').first()).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await nav(page, 'Acara').click();
  const demoRow = page.locator('.event-list li').filter({ hasText: 'Pekerja Sosial' });
  await expect(demoRow.getByTestId('demo-tag')).toHaveText('DEMO');
  await expect(page.locator('.event-list li').filter({ hasText: 'Lampung 2026' }).getByTestId('demo-tag')).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'demo-events-id.png'), fullPage: true });
});
