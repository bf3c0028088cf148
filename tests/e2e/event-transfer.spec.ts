// Moving an event between laptops from the event screen: a .hadir file made on another kiosk is
// taken in as a new event, refused as a second copy, merged into itself, and exported again.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { dispatch } from '../../electron/core/dispatch';
import { ok, PSM_EVENT, tempCtx } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';

test.use(LAPTOP);

test('an event file from another kiosk: added, refused twice, merged, exported again', async ({ page, host }) => {
  // The other kiosk: the demo event with three check-ins.
  const other = tempCtx();
  const demo = await ok(other, 'event.createDemo', {});
  const people = (await ok(other, 'participants.list', { limit: 3 })).rows;
  for (const p of people) await ok(other, 'checkin.scan', { eventId: demo.id, desk: 'Meja 1', text: p.code, day: 1 });
  const exported = await ok(other, 'event.exportFile', {});
  other.db.close();
  const file = { name: exported.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(exported.bytes) };

  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara' }).click();
  const card = page.getByRole('region', { name: 'Pindahkan acara ke laptop lain' });
  await card.getByTestId('event-import-file').setInputFiles(file);
  await expect(card.getByTestId('event-imported')).toHaveText(
    'Acara ditambahkan: 66 peserta, 3 catatan pindai. Buka dari daftar acara di atas.',
  );
  await expect(page.locator('.event-list li')).toHaveCount(2);
  await expect(page.locator('.event-list')).toContainText(demo.name);

  // The same file again as a new event: two copies would share badge codes.
  await card.getByTestId('event-import-file').setInputFiles(file);
  await expect(card.getByRole('alert')).toContainText('Acara ini sudah ada di kiosk ini');
  await expect(page.locator('.event-list li')).toHaveCount(2);

  // Into the same event: nothing new.
  await card.getByRole('radio', { name: /Ke acara yang sama/ }).check();
  await card.getByTestId('event-import-file').setInputFiles(file);
  await expect(card.getByTestId('event-imported')).toHaveText(
    'Digabung ke acara yang sama: 0 peserta baru, 0 catatan pindai baru.',
  );
  await card.getByRole('radio', { name: /Ganti acara yang sama/ }).check();
  await card.getByTestId('event-import-file').setInputFiles(file);
  await expect(card.getByTestId('event-imported')).toHaveText(
    'Acara diganti dengan isi berkas: 0 peserta diperbarui, 0 peserta baru, 0 catatan pindai baru.',
  );
  await card.screenshot({ path: path.join(SHOTS, 'event-transfer-id.png') });

  // Export the desk's own event: a gzip of the event document.
  const download = page.waitForEvent('download');
  await card.getByTestId('event-export').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^acara-.*\.hadir$/);
  const doc = JSON.parse(zlib.gunzipSync(fs.readFileSync(await saved.path())).toString('utf8'));
  expect(doc).toMatchObject({ format: 'hadir-event', event: { name: PSM_EVENT.name } });

  // By keyboard alone: Tab reaches the export button, the mode radios (arrows move between
  // them) and the file button, in reading order.
  await card.getByTestId('event-export').focus();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('radio', { name: /Ganti acara yang sama/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(card.getByRole('radio', { name: /Ke acara yang sama/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Pilih berkas .hadir…' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(card.getByTestId('event-export')).toBeFocused();
  const byKey = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await byKey).suggestedFilename()).toMatch(/\.hadir$/);
  await page.screenshot({ path: path.join(SHOTS, 'event-screen-id.png'), fullPage: true });

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.screenshot({ path: path.join(SHOTS, 'event-screen-en.png'), fullPage: true });
  await expect(page.getByRole('region', { name: 'Move an event to another laptop' })).toBeVisible();
  await page
    .getByRole('region', { name: 'Move an event to another laptop' })
    .screenshot({ path: path.join(SHOTS, 'event-transfer-en.png') });
});
