import fs from 'node:fs';
import path from 'node:path';
import { expect, SHOTS, test } from './fixtures';
import { checkIn, LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

test('reports: live counts and charts, the daftar hadir and recap downloads, a backup previewed', async ({ page, host }) => {
  await seedPsm(host.ctx);
  const names = (host.ctx.db.prepare('SELECT name FROM participant ORDER BY id LIMIT 12').all() as { name: string }[]).map(
    (r) => r.name,
  );
  names.forEach((n, i) => checkIn(host.ctx, n, 1, `2022-09-07T0${i < 6 ? 0 : 1}:${String(10 + i * 3).padStart(2, '0')}:00.000Z`));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Laporan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan' })).toBeVisible();
  await expect(page.getByText('12 dari 66 hadir')).toBeVisible();
  await expect(page.locator('.chart canvas')).toHaveCount(2);
  const total = page.locator('table').first().locator('tr.total');
  // Registered, day 1, day 2, present on both days, qualify for a certificate (both days by default).
  await expect(page.locator('table').first().locator('thead th').last()).toHaveText('Berhak sertifikat');
  await expect(total.locator('td')).toHaveText(['66', '12', '0', '0', '0']);

  // Live: a check-in made at the desk shows up without touching the screen.
  checkIn(
    host.ctx,
    (host.ctx.db.prepare('SELECT name FROM participant ORDER BY id LIMIT 1 OFFSET 20').get() as { name: string }).name,
    1,
    '2022-09-07T02:00:00.000Z',
  );
  await expect(page.getByText('13 dari 66 hadir')).toBeVisible({ timeout: 12_000 });
  await page.screenshot({ path: path.join(SHOTS, 'reports-id.png'), fullPage: true });

  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Daftar hadir (yang hadir, urut jam)' }).click();
  const file = await (await pdf).path();
  const head = fs.readFileSync(file).subarray(0, 5).toString();
  expect(head).toBe('%PDF-');
  expect((await pdf).suggestedFilename()).toMatch(/^daftar-hadir-.+-2022-09-07-hari-1-hadir\.pdf$/);

  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh Excel (.xlsx)' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^rekap-.*\.xlsx$/);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh CSV (yang berhak sertifikat)' }).click();
  const lines = fs
    .readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  // (trim() also drops the BOM)
  expect(lines[0]).toBe('No;Nama;Kabupaten/Kota;Peran;Hari hadir;Berhak sertifikat;Keterangan');
  expect(lines).toHaveLength(67);
  expect(lines.filter((l) => l.includes(';Tidak;'))).toHaveLength(66);

  // A desk in a browser cannot choose a folder on the kiosk laptop: it is told where that is done.
  await expect(page.getByText(/dipilih di aplikasi Hadir pada laptop kiosk/)).toBeVisible();

  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByText(/Cadangan terakhir:/)).toBeVisible();
  await page.getByRole('button', { name: 'Lihat isi' }).first().click();
  await expect(page.getByText(/66 peserta, 13 kehadiran/)).toBeVisible();

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByText('13 of 66 present')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'reports-en.png'), fullPage: true });
});
