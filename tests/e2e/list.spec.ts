import fs from 'node:fs';
import path from 'node:path';
import { expect, SHOTS, test } from './fixtures';
import { checkIn, LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

test('the counter says "2 dari 66", and search ignores apostrophes (issue 9.9, 9.10)', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta');
  await page.getByRole('searchbox').fill('maruf');
  await expect(page.locator('tbody tr .c-name')).toHaveText(["Ma'ruf Hasibuan"]);
  await expect(page.getByTestId('list-count')).toHaveText('1 dari 66 peserta');
  await page.getByRole('searchbox').fill('sri');
  await expect(page.getByTestId('list-count')).toHaveText('2 dari 66 peserta');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('list-count')).toHaveText('Showing 2 of 66');
});

test('attendance reads like a sign-in sheet: a column per day, with the check-in time (issue 9.11)', async ({ page, host }) => {
  await seedPsm(host.ctx);
  checkIn(host.ctx, 'Abdul Rozak', 1, '2022-09-07T01:05:00.000Z');
  checkIn(host.ctx, 'Abdul Rozak', 2, '2022-09-08T00:52:00.000Z');
  checkIn(host.ctx, 'Agus Salim, S.Pd.', 1, '2022-09-07T01:31:00.000Z');
  await page.goto(host.url);
  const days = page.locator('thead th.c-day');
  const row = (name: string) => page.locator('tbody tr').filter({ hasText: name }).locator('td.c-day');
  await expect(days).toHaveText(['Hari 1Rab, 7 Sep', 'Hari 2Kam, 8 Sep']);
  await expect(row('Abdul Rozak')).toHaveText(['✓ hadir, masuk pukul 08.05 WIB', '✓ hadir, masuk pukul 07.52 WIB']);
  await expect(row('Agus Salim')).toHaveText(['✓ hadir, masuk pukul 08.31 WIB', '–belum hadir']);
  await page.screenshot({ path: path.join(SHOTS, 'list-attendance-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(days).toHaveText(['Day 1Wed 7 Sept', 'Day 2Thu 8 Sept']);
  await expect(row('Agus Salim')).toHaveText(['✓ present, checked in at 08:31 WIB', '–not yet checked in']);
  await page.screenshot({ path: path.join(SHOTS, 'list-attendance-en.png') });
});

test('a deleted participant stays findable under "Dihapus" and comes back with the same badge code (issue 9.1)', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  const code = (host.ctx.db.prepare("SELECT code FROM participant WHERE name = 'Abdul Rozak'").get() as { code: string }).code;
  await page.goto(host.url);
  for (const name of ['Abdul Rozak', 'Kartini']) {
    await page.locator('tbody tr').filter({ hasText: name }).getByRole('button', { name: 'Hapus' }).click();
    await expect(page.getByRole('status')).toContainText(`${name} dihapus.`);
  }
  await expect(page.getByTestId('list-count')).toHaveText('64 dari 64 peserta');
  // Long after the undo message is gone:
  await page.reload();
  await page.getByRole('combobox', { name: 'Kehadiran' }).selectOption('deleted');
  await expect(page.getByTestId('list-count')).toHaveText('2 dari 2 peserta yang dihapus');
  await expect(page.locator('tbody tr .c-name')).toHaveText(['Abdul Rozak', 'Kartini']);
  await page.screenshot({ path: path.join(SHOTS, 'list-deleted-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('list-count')).toHaveText('Showing 2 of 2 deleted');
  await page.screenshot({ path: path.join(SHOTS, 'list-deleted-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  await page.getByRole('searchbox').fill('abdul');
  await page.locator('tbody tr').filter({ hasText: 'Abdul Rozak' }).getByRole('button', { name: 'Pulihkan' }).click();
  await expect(page.getByRole('status')).toHaveText(`Abdul Rozak dipulihkan, dengan kode badge ${code}.`);
  await expect(page.getByTestId('list-count')).toHaveText('0 dari 1 peserta yang dihapus');
  await page.getByRole('combobox', { name: 'Kehadiran' }).selectOption('all');
  await expect(page.locator('tbody tr').filter({ hasText: 'Abdul Rozak' })).toContainText(code);
  await expect(page.getByTestId('list-count')).toHaveText('1 dari 65 peserta');
});

test('exports open in Indonesian Excel: ";" by default, digits kept as text, named after the event (issue 9.5)', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  const save = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const file = path.join(host.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  };
  await expect(page.getByRole('combobox', { name: 'Pemisah kolom CSV' })).toHaveValue(';');
  await page.getByRole('checkbox', { name: 'Sertakan data pribadi (NIK, HP, email)' }).check();
  const csv = await save('CSV');
  expect(csv.name).toBe('peserta-PSM-2022-09-07-dengan-data-pribadi.csv');
  const yusuf = csv.text.split('\r\n').find((l) => l.includes('Yusuf Efendi'))!;
  expect(yusuf).toContain(';"Yusuf Efendi, S.H.";L;Kabupaten Lampung Barat;Gedong Tataan;;Peserta;;"=""08229959465""";;');
  expect((await save('Excel')).name).toBe('peserta-PSM-2022-09-07-dengan-data-pribadi.xlsx');
  await page.getByRole('checkbox', { name: 'Sertakan data pribadi (NIK, HP, email)' }).uncheck();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  // The English interface suggests the comma; a choice, once made, stays.
  await expect(page.getByRole('combobox', { name: 'CSV column separator' })).toHaveValue(',');
  const en = await save('CSV');
  expect(en.name).toBe('peserta-PSM-2022-09-07.csv');
  expect(en.text.split('\r\n')[0]).toMatch(/^\uFEFFKode Badge,ID Peserta,Nama,/);
  await page.getByRole('combobox', { name: 'CSV column separator' }).selectOption(';');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Pemisah kolom CSV' })).toHaveValue(';');
});
