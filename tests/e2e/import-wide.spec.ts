import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import * as hostile from '../helpers/hostile-files';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

// Issue 8, defect 9, on the import screen: a sheet as wide as Excel allows with four columns in
// use is previewed as four columns and committed (through jobs.start) as previewed; a sheet
// with more titled columns than an import may map is refused saying so, not "too large".
test('a sheet with a value in column XFD imports as its four columns; 300 titled columns are refused by name', async ({
  page,
  host,
}) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'peserta-lebar.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: hostile.wideFewUsed(50, 'XFD'),
  });
  await expect(page.getByTestId('import-summary')).toHaveText(
    '50 baris: 50 siap (50 baru, 0 diperbarui, 0 tidak berubah, 0 tetap dihapus), 0 bermasalah.',
  );
  // The line number, then the four fields mapped: name, gender, regency, phone (from column XFD).
  await expect(page.getByTestId('import-preview').locator('thead th')).toHaveCount(5);
  await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toContainText('0812');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toHaveText(
    'Selesai: 50 baru, 0 diperbarui, 0 tidak berubah, 0 tetap dihapus, 0 dilewati.',
  );
  const phones = host.ctx.db.prepare('SELECT count(*) AS n FROM participant WHERE phone IS NOT NULL').get();
  expect(phones).toEqual({ n: 50 });

  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'terlalu-lebar.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: hostile.wideHeader(300),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'Lembar ini memakai 300 kolom; maksimal 200 kolom dapat diimpor. Hapus kolom yang tidak diperlukan (kolom kosong tidak dihitung), lalu pilih berkas lagi.',
  );
  await page.screenshot({ path: path.join(SHOTS, 'import-too-many-columns-id.png'), fullPage: false });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The sheet uses 300 columns; at most 200 can be imported. Delete the columns you do not need (empty ones do not count), then choose the file again.',
  );
  await page.screenshot({ path: path.join(SHOTS, 'import-too-many-columns-en.png'), fullPage: false });
});
