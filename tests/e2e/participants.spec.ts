import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT, SHARED } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

const FIXTURE = path.join(SHARED, 'fixtures/peserta-psm-2022.csv');

test('imports the fixture through the UI, fixes a mapping, searches and exports', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  const sent = page.waitForRequest('**/api/participants.importPreview');
  await page.getByTestId('import-file').setInputFiles(FIXTURE);
  // The file travels as its own bytes (the body), not as base64 inside JSON.
  const req = await sent;
  expect(req.headers()['content-type']).toBe('application/octet-stream');
  expect(req.postDataBuffer()?.equals(fs.readFileSync(FIXTURE))).toBe(true);

  await expect(page.getByTestId('import-summary')).toHaveText(
    '66 baris: 66 siap (66 baru, 0 diperbarui, 0 tidak berubah, 0 tetap dihapus), 0 bermasalah.',
  );
  const noColumn = page.getByRole('combobox', { name: 'No', exact: true });
  await expect(noColumn).toHaveValue('');
  // The organiser decides the running number is the participant ID of the regency lists.
  await noColumn.selectOption('externalId');
  await expect(page.getByTestId('import-preview').locator('thead')).toContainText('ID peserta');
  await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toContainText('Yusuf Efendi, S.H.');
  // Phone numbers are masked in the preview, too.
  await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toContainText('0822••••465');
  await page.screenshot({ path: path.join(SHOTS, 'import-mapping-id.png'), fullPage: true });

  await page.getByRole('button', { name: 'Tambahkan 66 peserta baru' }).click();
  await expect(page.getByTestId('import-done')).toHaveText(
    'Selesai: 66 baru, 0 diperbarui, 0 tidak berubah, 0 tetap dihapus, 0 dilewati.',
  );
  const stored = host.ctx.db.prepare("SELECT external_id, phone FROM participant WHERE name = 'Yusuf Efendi, S.H.'").get();
  expect(stored).toEqual({ external_id: '1', phone: '08229959465' });

  // The same file again (an organiser unsure whether it went in): everyone is known, nothing changes.
  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  await page.getByTestId('import-file').setInputFiles(FIXTURE);
  await expect(page.getByTestId('import-summary')).toHaveText(
    '66 baris: 66 siap (0 baru, 0 diperbarui, 66 tidak berubah, 0 tetap dihapus), 0 bermasalah.',
  );
  // Nothing to write, and the button says so rather than offering to "import 66".
  await expect(page.getByTestId('import-commit')).toHaveText('Tidak ada yang perlu diimpor');
  await expect(page.getByTestId('import-commit')).toBeDisabled();

  await page.getByRole('button', { name: 'Peserta' }).first().click();
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta');
  await page.screenshot({ path: path.join(SHOTS, 'list-66-id.png'), fullPage: false });

  await page.getByRole('searchbox').fill('ni luh');
  await expect(page.getByTestId('list-count')).toHaveText('1 dari 66 peserta');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr .c-name')).toHaveText('Ni Luh Putu Ayu Kusumawati, A.Md.');
  // The fixture's 60-character name fits its cell: wrapped, never clipped or ellipsised.
  await page.getByRole('searchbox').fill('raden ajeng');
  const longName = page.locator('tbody tr .c-name');
  await expect(longName).toHaveText('Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.');
  expect(await longName.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.screenshot({ path: path.join(SHOTS, 'list-long-name-id.png') });
  await page.getByRole('searchbox').fill('');
  await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const file = path.join(host.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.trimEnd().split('\r\n')).toHaveLength(67);
  expect(text).toContain('Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.');
  expect(text).not.toContain('08229959465'); // personal data stays in unless ticked

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('list-count')).toHaveText('Showing 66 of 66');
  await page.screenshot({ path: path.join(SHOTS, 'list-66-en.png'), fullPage: false });
});

test('refuses a file with errors until told to skip, then deletes with undo', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  // A file cut off inside a quoted value: refused with the line, in the UI language.
  await page.getByTestId('import-file').setInputFiles(path.join(import.meta.dirname, '../fixtures/truncated.csv'));
  await expect(page.getByRole('alert')).toContainText('tanda kutip yang dibuka di baris');
  // A name split by an unquoted comma: the report says the columns shifted and shows the row as split.
  await page.getByTestId('import-file').setInputFiles(path.join(import.meta.dirname, '../fixtures/unquoted-comma.csv'));
  await expect(page.getByTestId('import-problems')).toContainText('Kolom bergeser');
  await expect(page.getByTestId('import-problems')).toContainText('Yusuf Efendi | S.H. | L');
  await page.screenshot({ path: path.join(SHOTS, 'import-shifted-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-problems')).toContainText('Shifted columns');
  await page.screenshot({ path: path.join(SHOTS, 'import-shifted-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByTestId('import-file').setInputFiles(path.join(import.meta.dirname, '../fixtures/empty-name.csv'));
  await expect(page.getByTestId('import-problems')).toContainText('Nama kosong');
  const commit = page.getByTestId('import-commit');
  await expect(commit).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, 'import-problems-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-problems')).toContainText('Empty name');
  await expect(page.getByTestId('import-detected')).toContainText('delimiter comma');
  await expect(page.getByRole('button', { name: 'Add new participants (1) (skipping 2 rows with problems)' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add new participants (1)' })).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, 'import-problems-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByRole('checkbox', { name: /Lewati/ }).check();
  await commit.click();
  await expect(page.getByTestId('import-done')).toContainText('dilewati');
  await page.getByRole('button', { name: 'Lihat daftar peserta' }).click();

  // Only "Agus Salim" survives the skip. Wait for the list to show him before acting:
  // counting rows straight after navigation raced the first load on a slow CI machine.
  const rows = page.locator('tbody tr');
  await expect(page.getByTestId('list-count')).toHaveText('1 dari 1 peserta');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('status')).toContainText('Agus Salim dihapus.');
  await expect(rows).toHaveCount(0);
  expect(host.ctx.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM participant').get()).toEqual({ gone: 1 });
  await page.getByRole('button', { name: 'Urungkan' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Agus Salim');
  expect(host.ctx.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM participant').get()).toEqual({ gone: 0 });
});

test('adds and edits a participant in the form; personal data is masked in the list', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('button', { name: '+ Add participant' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('.field-error').first()).toHaveText('Required');
  await dialog.locator('input[name=name]').fill('Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.');
  await dialog.locator('select[name=gender]').selectOption('P');
  await dialog.locator('select[name=role]').selectOption('Narasumber');
  await dialog.locator('input[name=regency]').fill('Kabupaten Lampung Tengah');
  await dialog.locator('input[name=nik]').fill('1802014507800003');
  await dialog.locator('input[name=phone]').fill('0812-77');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('.field-invalid .field-error')).toHaveText('Phone numbers have 8–15 digits');
  await dialog.locator('input[name=phone]').fill('0812-7788-9900');
  await page.screenshot({ path: path.join(SHOTS, 'participant-form-en.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const row = page.locator('tbody tr').filter({ hasText: 'Kusumawardhani' });
  await expect(row).toContainText('0812•••••900');
  await expect(row).not.toContainText('081277889900');
  expect(host.ctx.db.prepare('SELECT nik, phone, role, gender FROM participant').get()).toEqual({
    nik: '1802014507800003',
    phone: '081277889900',
    role: 'Narasumber',
    gender: 'P',
  });

  await row.getByRole('button', { name: 'Edit' }).click();
  await expect(dialog.locator('input[name=nik]')).toHaveValue('1802014507800003');
  await dialog.locator('input[name=district]').fill('Gunung Sugih');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(host.ctx.db.prepare('SELECT district FROM participant').get()).toEqual({ district: 'Gunung Sugih' });
});
