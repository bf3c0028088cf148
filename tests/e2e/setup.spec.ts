import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import type { EventInput } from '../../electron/shared/event';
import { expect, SHOTS, test } from './fixtures';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT, ROOT } from '../helpers/ctx';

/** Types an event into the setup/event form the way an organiser would (Indonesian UI). */
async function fillEventForm(page: Page, e: EventInput) {
  for (const k of ['name', 'organiser', 'venue', 'city', 'signatoryName', 'signatoryTitle', 'signatoryNip'] as const) {
    await page.locator(`input[name=${k}]`).fill(e[k]);
  }
  for (const [i, day] of e.days.entries()) {
    if (i > 0) await page.getByRole('button', { name: '+ Tambah hari' }).click();
    await page.locator(`input[name=day-${i + 1}]`).fill(day);
  }
}

test('creates an event in the UI, keeps it across a reload, and switches language', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'setup-id.png'), fullPage: true });

  // Submitting the empty form shows field errors in Indonesian and stores nothing.
  await page.getByRole('button', { name: 'Buat acara' }).click();
  await expect(page.locator('.field-error').first()).toBeVisible();
  await expect(page.locator('.field-error').first()).toHaveText('Wajib diisi');

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Hadir' })).toBeVisible();
  // Errors already on screen follow the language switch.
  await expect(page.locator('.field-error').first()).toHaveText('Required');
  await page.locator('input[name=name]').fill('ab');
  await expect(page.locator('.field-error').first()).toContainText('Too small');
  await page.screenshot({ path: path.join(SHOTS, 'setup-en-errors.png'), fullPage: true });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.locator('.field-error').first()).toContainText('Terlalu kecil');

  await fillEventForm(page, {
    name: 'Rapat Koordinasi PSM Kabupaten Pesawaran',
    organiser: 'Dinas Sosial Kabupaten Pesawaran',
    venue: 'Aula Dinas Sosial',
    city: 'Gedong Tataan',
    days: ['2026-12-01', '2026-12-02'],
    signatoryName: 'Dra. Sri Wahyuni, M.M.',
    signatoryTitle: 'Kepala Dinas Sosial',
    signatoryNip: '19700101 199003 2 004',
  });
  await page.getByRole('button', { name: 'Buat acara' }).click();

  await expect(page.locator('.brand-sub')).toHaveText('Rapat Koordinasi PSM Kabupaten Pesawaran');
  await expect(page.getByText('Belum ada peserta')).toBeVisible();

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Participants' })).toBeVisible();
  await page.reload();
  // Both the event and the language choice survive a reload: they live in SQLite, not the page.
  await expect(page.locator('.brand-sub')).toHaveText('Rapat Koordinasi PSM Kabupaten Pesawaran');
  await expect(page.getByRole('button', { name: 'Participants' })).toBeVisible();

  const db = new Database(path.join(host.dataDir, 'hadir.db'), { readonly: true });
  expect(db.prepare('SELECT name, organiser, venue, city, signatory_name, signatory_nip FROM event').all()).toEqual([
    {
      name: 'Rapat Koordinasi PSM Kabupaten Pesawaran',
      organiser: 'Dinas Sosial Kabupaten Pesawaran',
      venue: 'Aula Dinas Sosial',
      city: 'Gedong Tataan',
      signatory_name: 'Dra. Sri Wahyuni, M.M.',
      signatory_nip: '197001011990032004',
    },
  ]);
  expect(db.prepare('SELECT day_no, date FROM event_day ORDER BY day_no').all()).toEqual([
    { day_no: 1, date: '2026-12-01' },
    { day_no: 2, date: '2026-12-02' },
  ]);
  expect(db.prepare("SELECT value FROM setting WHERE key = 'lang'").get()).toEqual({ value: 'en' });
  db.close();

  // The CLI reads the same file.
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), 'event', 'show', '--data-dir', host.dataDir], {
    encoding: 'utf8',
  });
  expect(out).toContain('Rapat Koordinasi PSM Kabupaten Pesawaran');
  expect(out).toContain('2026-12-01');

  await page.getByRole('button', { name: 'Event' }).click();
  await page.screenshot({ path: path.join(SHOTS, 'event-en.png'), fullPage: true });
});

test('opens the demo event with its 66 participants', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Hadir' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'setup-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta', { timeout: 60_000 }); // 66 rows imported: slow on a loaded machine
  await expect(page.locator('.brand-sub')).toContainText('Pekerja Sosial Masyarakat');
  await page.getByRole('button', { name: 'Acara' }).click();
  await expect(page.locator('input[name=venue]')).toHaveValue('Hotel Horison Bandar Lampung');
  await expect(page.locator('.day-long').first()).toHaveText('Rabu, 7 September 2022');
  await page.screenshot({ path: path.join(SHOTS, 'event-id.png'), fullPage: true });

  // From the demo to a real event, and back: a kiosk keeps every event it has run.
  await page.getByRole('button', { name: '+ Buat acara baru' }).click();
  await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
  await fillEventForm(page, {
    name: 'Bimbingan Teknis PSM 2026',
    organiser: 'Dinas Sosial Provinsi Lampung',
    venue: 'Hotel Novotel',
    city: 'Bandar Lampung',
    days: ['2026-12-08'],
    signatoryName: 'Drs. Aswarodi, M.Si.',
    signatoryTitle: 'Kepala Dinas Sosial Provinsi Lampung',
    signatoryNip: '',
  });
  await page.getByRole('button', { name: 'Buat acara' }).click();
  await expect(page.locator('.brand-sub')).toHaveText('Bimbingan Teknis PSM 2026');
  await expect(page.getByTestId('list-count')).toHaveText('0 dari 0 peserta');
  await page.getByRole('button', { name: 'Acara' }).click();
  await expect(page.locator('.event-list li')).toHaveCount(2);
  await expect(page.locator('.event-list li').filter({ hasText: 'Pekerja Sosial' })).toContainText(
    'Bandar Lampung · 7–8 September 2022 · 66 peserta',
  );
  await expect(page.locator('.event-list li').filter({ hasText: 'Bimbingan' })).toContainText('8 Desember 2026');
  await page.screenshot({ path: path.join(SHOTS, 'events-id.png'), fullPage: true });
  await page.locator('.event-list li').filter({ hasText: 'Pekerja Sosial' }).getByRole('button', { name: 'Buka' }).click();
  await expect(page.locator('input[name=venue]')).toHaveValue('Hotel Horison Bandar Lampung');
  await page.getByRole('button', { name: 'Peserta' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta');
});

test('sets the organiser logo on the event screen; a GIF is refused and the logo kept', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara' }).click();
  await expect(page.getByTestId('logo-preview')).toHaveText('Belum ada logo');
  const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures', name);

  await page.getByTestId('logo-file').setInputFiles(fixture('logo.png'));
  const preview = page.getByTestId('logo-preview').getByRole('img', { name: 'Logo Dinas Sosial Provinsi Lampung' });
  await expect(preview).toBeVisible();
  // The image really decoded (a broken data: URL would leave naturalWidth at 0), in the header too.
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await expect(page.locator('.brand-mark img')).toBeVisible();
  expect(host.ctx.db.prepare('SELECT length(logo) AS n FROM event').get()).toEqual({ n: fs.statSync(fixture('logo.png')).size });

  await page.getByTestId('logo-file').setInputFiles(fixture('logo.gif'));
  await expect(page.getByRole('alert')).toHaveText(
    'Logo harus berupa gambar PNG atau JPEG. Simpan ulang gambarnya dalam salah satu format itu.',
  );
  await expect(preview).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'event-logo-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Organiser’s logo' })).toBeVisible();
  // The message already on screen is reworded too: screens keep the error, not its text.
  await expect(page.getByRole('alert')).toHaveText(
    'The logo must be a PNG or JPEG image. Save the image again in one of those formats.',
  );
  await page.screenshot({ path: path.join(SHOTS, 'event-logo-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  await page.getByRole('button', { name: 'Hapus logo' }).click();
  await expect(page.getByTestId('logo-preview')).toHaveText('Belum ada logo');
  await expect(page.locator('.brand-mark img')).toHaveCount(0);
  expect(host.ctx.db.prepare('SELECT logo FROM event').get()).toEqual({ logo: null });
});
