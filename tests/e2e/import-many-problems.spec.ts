import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

// Issue 8, defect 10: a file with a problem on every row. The report lists the first problems,
// each value cut short, and says how many more there are, instead of repeating every value in full.
test('a report of 1,400 problems lists the first ones, values cut short, and counts the rest', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  const lines = ['Nama,Kabupaten/Kota,No HP'];
  for (let i = 1; i <= 700; i++) lines.push(`Peserta ${i},${'Kabupaten Sangat Panjang '.repeat(20)}${i},12`);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'peserta-rusak.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n')),
  });
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('tbody tr')).toHaveCount(200);
  // 1,400 problems (a regency too long and a bad phone on each row): 200 shown here, the rest counted.
  await expect(page.getByTestId('import-more-problems')).toHaveText(
    '…dan 1200 masalah lain. Perbaiki yang tercantum dulu, lalu pilih berkas lagi.',
  );
  const value = await problems.locator('td.value').first().textContent();
  expect(value!.length).toBeLessThanOrEqual(160);
  expect(value).toMatch(/…$/);
  await page.screenshot({ path: path.join(SHOTS, 'import-many-problems-id.png'), fullPage: false });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-more-problems')).toHaveText(
    '…and 1200 more problems. Fix the ones listed first, then choose the file again.',
  );
  await page.getByTestId('import-more-problems').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'import-many-problems-en.png'), fullPage: false });
});
