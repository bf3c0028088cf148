import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';

// An American-set laptop: the browser's own date box showed mm/dd/yyyy here while the app spoke
// Bahasa Indonesia, and "07/09/2022" typed the Indonesian way became 9 July 2022.
test.use({ ...LAPTOP, locale: 'en-US' });

const days = (host: { ctx: { db: { prepare: (s: string) => { all: () => unknown[] } } } }) =>
  host.ctx.db.prepare('SELECT day_no, date FROM event_day ORDER BY day_no').all();

test('event days are typed day first, read back in words, and an empty day is refused (issue 9.4)', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara' }).click();
  await expect(page.getByLabel('Hari 1', { exact: true })).toHaveValue('07/09/2022');
  await expect(page.getByLabel('Hari 1', { exact: true })).toHaveAttribute('placeholder', 'hh/bb/tttt');
  await expect(page.locator('#day-1-read')).toHaveText('Rabu, 7 September 2022');

  await page.getByRole('button', { name: '+ Tambah hari' }).click();
  await page.getByLabel('Hari 3', { exact: true }).fill('09/09/2022');
  await expect(page.locator('#day-3-read')).toHaveText('Jumat, 9 September 2022');
  // A fourth row added and left empty: refused with a message, not dropped.
  await page.getByRole('button', { name: '+ Tambah hari' }).click();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.locator('#day-4-read')).toHaveText('Tanggal belum diisi. Isi, atau hapus baris ini.');
  await expect(page.getByTestId('saved-note')).toHaveCount(0);
  expect(days(host)).toHaveLength(2);
  await page.getByLabel('Hari 4', { exact: true }).fill('31/02/2022');
  await expect(page.locator('#day-4-read')).toHaveText('Tanggal ini tidak ada di kalender.');
  await page.locator('.days').screenshot({ path: path.join(SHOTS, 'event-days-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.locator('#day-4-read')).toHaveText('This date does not exist.');
  await expect(page.locator('#day-3-read')).toHaveText('Friday, 9 September 2022');
  await expect(page.getByLabel('Day 4', { exact: true })).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await page.locator('.days').screenshot({ path: path.join(SHOTS, 'event-days-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  await page.getByRole('button', { name: 'Hapus hari 4' }).click();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  // The confirmation sits beside the button the organiser just pressed, on screen (issue 9.12).
  await expect(page.getByTestId('saved-note')).toHaveText('✓ Data acara disimpan.');
  await expect(page.getByTestId('saved-note')).toBeInViewport();
  await page.screenshot({ path: path.join(SHOTS, 'event-saved-id.png') });
  expect(days(host)).toEqual([
    { day_no: 1, date: '2022-09-07' },
    { day_no: 2, date: '2022-09-08' },
    { day_no: 3, date: '2022-09-09' },
  ]);
  // Typing again takes the confirmation away: it never describes an unsaved form.
  await page.locator('input[name=venue]').fill('Hotel Novotel');
  await expect(page.getByTestId('saved-note')).toHaveCount(0);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('saved-note')).toHaveText('✓ Event details saved.');
  await expect(page.getByTestId('saved-note')).toBeInViewport();
  await page.screenshot({ path: path.join(SHOTS, 'event-saved-en.png') });
});

test('the first-start form takes day-first dates too, in both languages (issue 9.4)', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('Hari 1', { exact: true }).fill('07/09/2022');
  await expect(page.locator('#day-1-read')).toHaveText('Rabu, 7 September 2022');
  await page.getByRole('button', { name: '+ Tambah hari' }).click();
  await page.getByRole('button', { name: 'Buat acara' }).click();
  await expect(page.locator('#day-2-read')).toHaveText('Tanggal belum diisi. Isi, atau hapus baris ini.');
  await page.screenshot({ path: path.join(SHOTS, 'setup-days-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.locator('#day-2-read')).toHaveText('No date yet. Fill it in, or remove this row.');
  await page.screenshot({ path: path.join(SHOTS, 'setup-days-en.png') });
  expect(host.ctx.db.prepare('SELECT count(*) AS n FROM event').get()).toEqual({ n: 0 });
});
