import path from 'node:path';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, PSM_FIXTURE, seedPsm } from './seed';

test.use(LAPTOP);

const FORMULAS = path.join(import.meta.dirname, '../fixtures/formula-name.csv');

test('a re-import shows each change before writing and keeps edits made in the app; deleted people are named (issue 9.2, 9.1)', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  // At the desk: Abdul Rozak's gender and phone are corrected, Kartini is deleted.
  await page.locator('tbody tr').filter({ hasText: 'Abdul Rozak' }).getByRole('button', { name: 'Ubah' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('select[name=gender]').selectOption('P');
  await dialog.locator('input[name=phone]').fill('+62 812-1111-2222');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await page.locator('tbody tr').filter({ hasText: 'Kartini' }).getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('65 dari 65 peserta');
  const kartini = host.ctx.db.prepare("SELECT code FROM participant WHERE name = 'Kartini'").get() as { code: string };

  // The organiser imports the original file again.
  await page.getByRole('button', { name: 'Impor' }).first().click();
  await page.getByTestId('import-file').setInputFiles(PSM_FIXTURE);
  const changes = page.getByTestId('import-changes');
  await expect(changes.getByRole('heading')).toHaveText('Perubahan pada peserta yang sudah ada (2)');
  await expect(changes.locator('tbody tr')).toHaveText([
    /^4Abdul RozakJenis kelaminPerempuan→ Laki-lakiTetap diubah di aplikasi$/,
    /^4Abdul RozakNo HP0812•••••222→ 0895•••••090Tetap diubah di aplikasi$/,
  ]);
  await expect(page.getByRole('radio', { name: 'Pertahankan nilai di kiosk (disarankan)' })).toBeChecked();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '66 baris: 66 siap (0 baru, 0 diperbarui, 65 tidak berubah, 1 tetap dihapus), 0 bermasalah.',
  );
  await expect(page.getByTestId('import-kept-deleted')).toContainText(`Kartini · kode ${kartini.code}, baris 21`);
  await expect(page.getByTestId('import-commit')).toHaveText('Tidak ada yang perlu diimpor');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('import-changes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'import-changes-id.png') });

  // Taking the file's values is a choice, and the button says what it will then do.
  await page.getByRole('radio', { name: 'Pakai nilai dari berkas' }).check();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '66 baris: 66 siap (0 baru, 1 diperbarui, 64 tidak berubah, 1 tetap dihapus), 0 bermasalah.',
  );
  await expect(changes.locator('tbody tr').first()).toContainText('Diganti');
  await expect(page.getByTestId('import-commit')).toHaveText('Perbarui 1 peserta');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-commit')).toHaveText('Update participants (1)');
  await expect(page.getByTestId('import-summary')).toHaveText(
    'Rows: 66. Ready: 66 (new: 0, updates: 1, unchanged: 64, staying deleted: 1). With problems: 0.',
  );
  await page.getByTestId('import-changes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'import-changes-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByRole('radio', { name: 'Pertahankan nilai di kiosk (disarankan)' }).check();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByRole('radio', { name: 'Pakai nilai dari berkas' }).check();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toHaveText(
    'Selesai: 0 baru, 1 diperbarui, 64 tidak berubah, 1 tetap dihapus, 0 dilewati.',
  );
  await expect(page.getByTestId('import-kept-deleted')).toContainText('Kartini');
  await page.screenshot({ path: path.join(SHOTS, 'import-done-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Done: 0 new, 1 updated, 64 unchanged, 1 staying deleted, 0 skipped.');
  await page.screenshot({ path: path.join(SHOTS, 'import-done-en.png') });
  expect(host.ctx.db.prepare("SELECT gender, phone FROM participant WHERE name = 'Abdul Rozak'").get()).toEqual({
    gender: 'L',
    phone: '089591849090',
  });
});

test('a column that does not look like its field is a warning, and so is adding everyone again (issue 9.3)', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  await page.getByTestId('import-file').setInputFiles(PSM_FIXTURE);
  await expect(page.getByTestId('import-warnings')).toHaveCount(0);
  // The running number mapped to Nama: names 1, 2, 3… and 66 "new" people.
  await page.getByRole('combobox', { name: 'No', exact: true }).selectOption('name');
  const warnings = page.getByTestId('import-warnings');
  await expect(warnings).toContainText(
    'Kolom “No” dipetakan ke Nama, tetapi 66 dari 66 isinya tanpa huruf (mis. “1”, “2”, “3”). Apakah ini kolom nomor urut?',
  );
  await expect(warnings).toContainText(
    '66 dari 66 baris akan ditambahkan sebagai peserta baru, padahal daftar sudah berisi 66 peserta.',
  );
  await expect(page.getByText('Tidak ada masalah ditemukan.')).toHaveCount(0);
  await expect(page.getByTestId('import-commit')).toHaveText('Tambahkan 66 peserta baru');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, 'import-warnings-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(warnings).toContainText('Column “No” is mapped to Name, but 66 of its 66 values have no letters');
  await page.screenshot({ path: path.join(SHOTS, 'import-warnings-en.png'), fullPage: true });
  await page.getByRole('checkbox', { name: 'Yes, these 66 people are new participants' }).check();
  await expect(page.getByTestId('import-commit')).toBeEnabled();
  // Mapping it back clears both warnings (and the acknowledgement).
  await page.getByRole('combobox', { name: 'Nama Lengkap' }).selectOption('name');
  await expect(page.getByTestId('import-warnings')).toHaveCount(0);
});

test('a formula-like name is an error the organiser can skip or override (issue 9.13)', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  await page.getByTestId('import-file').setInputFiles(FORMULAS);
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('tr').filter({ hasText: '=HYPERLINK' })).toContainText(
    'Galat Nilai tampak seperti rumus spreadsheet (diawali =, +, - atau @)',
  );
  // The rest of the row, so the organiser can find whose name it was (issue 16); the phone masked.
  await expect(problems.locator('tr').filter({ hasText: '=HYPERLINK' }).getByTestId('problem-row')).toHaveText(
    /^Instansi: Dinas Kominfo · No HP: 0812•+890 · Peran: Peserta$/,
  );
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, 'import-formula-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(problems.locator('tr').filter({ hasText: '=HYPERLINK' })).toContainText(
    'Error Value looks like a spreadsheet formula',
  );
  await page.screenshot({ path: path.join(SHOTS, 'import-formula-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'ID', exact: true }).click();

  // Override: the three formula rows become importable; the bad phone row still has to be skipped.
  await page.getByRole('checkbox', { name: /^Impor apa adanya 3 baris/ }).check();
  await expect(problems.locator('tr').filter({ hasText: '=HYPERLINK' })).toContainText('Peringatan');
  await page.getByRole('checkbox', { name: /^Lewati 1 baris bermasalah/ }).check();
  await expect(page.getByTestId('import-commit')).toHaveText('Tambahkan 4 peserta baru (lewati 1 baris bermasalah)');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('4 baru');
  expect(host.ctx.db.prepare("SELECT count(*) AS n FROM participant WHERE name LIKE '=HYPERLINK%'").get()).toEqual({ n: 1 });
});
