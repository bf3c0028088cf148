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
  await expect(total.locator('td')).toHaveText(['66', '12', '0', '0']);

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

  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByText(/Cadangan terakhir:/)).toBeVisible();
  await page.getByRole('button', { name: 'Lihat isi' }).first().click();
  await expect(page.getByText(/66 peserta, 13 kehadiran/)).toBeVisible();

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByText('13 of 66 present')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'reports-en.png'), fullPage: true });
});
