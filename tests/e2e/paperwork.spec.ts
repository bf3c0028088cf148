// Issue 20 on screen: the paperwork fields in the participant form, the rates and signatories on
// the event screen, the daftar penerimaan and the 20-JP record on the reports screen. Screenshots
// in both languages (test-results/screens/paperwork-*.png).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { tempDir } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { checkIn, LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

test('the participant form takes the paperwork fields and checks them in both languages', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  const row = page.getByRole('row', { name: /Abdul Rozak/ });
  await row.getByRole('button', { name: 'Ubah' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Data kepegawaian dan pembayaran').click();
  await dialog.getByLabel('NIP').fill('19750817 200012 1 001');
  await dialog.getByLabel('Pangkat/Golongan').fill('Penata (III/c)');
  await dialog.getByLabel('Tanggal lahir').fill('31-02-1975');
  await dialog.getByLabel('No rekening').fill('3801 2345 6789 0123');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Tanggal lahir: TTTT-BB-HH atau HH-BB-TTTT (mis. 17-08-1975)')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'paperwork-form-id.png') });
  // The dialog is modal: close it to switch the language, then the same in English.
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await row.getByRole('button', { name: 'Edit' }).click();
  await dialog.getByText('Employment and payment details').click();
  await dialog.getByLabel('NIP').fill('19750817 200012 1 001');
  await dialog.getByLabel('Rank/grade').fill('Penata (III/c)');
  await dialog.getByLabel('Date of birth').fill('31-02-1975');
  await dialog.getByLabel('Account number').fill('3801 2345 6789 0123');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Date of birth: YYYY-MM-DD or DD-MM-YYYY (e.g. 17-08-1975)')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'paperwork-form-en.png') });
  await dialog.getByLabel('Date of birth').fill('17-08-1975');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(host.ctx.db.prepare("SELECT nip, rank, birth_date, account_no FROM participant WHERE name LIKE 'Abdul Rozak%'").get()).toEqual({
    nip: '197508172000121001',
    rank: 'Penata (III/c)',
    birth_date: '1975-08-17',
    account_no: '3801234567890123',
  });
});

test('the event screen sets the rates and the signatories; a fraction of a rupiah is refused', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara', exact: true }).click();
  const card = page.getByTestId('payments-card');
  await expect(card.getByRole('heading', { name: 'Pembayaran (daftar penerimaan)' })).toBeVisible();
  await card.getByRole('button', { name: 'Tambah tarif' }).click();
  await card.getByRole('button', { name: 'Tambah tarif' }).click();
  const amounts = card.getByRole('textbox', { name: 'Jumlah (Rp, bulat)' });
  await amounts.nth(0).fill('150.000');
  await card.getByRole('combobox', { name: 'Jenis' }).nth(1).selectOption('uang-saku');
  await card.getByRole('textbox', { name: 'Kabupaten/Kota (kosong = semua)' }).nth(1).fill('Kabupaten Way Kanan');
  await amounts.nth(1).fill('100000,50');
  await card.getByTestId('pay-save').click();
  await expect(card.getByText('Jumlah harus rupiah bulat (tanpa koma), paling banyak Rp 100.000.000')).toBeVisible();
  await amounts.nth(1).fill('100000');
  await card.getByTestId('pay-save').click();
  await expect(card.getByRole('status')).toHaveText('Tarif tersimpan.');
  await card.getByRole('textbox', { name: 'Nama' }).first().fill('Ir. Bambang Wijaya, M.M.');
  await card.getByRole('button', { name: 'Simpan penanda tangan' }).click();
  await expect(card.getByRole('status')).toHaveText('Penanda tangan tersimpan.');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(SHOTS, 'paperwork-rates-id.png') }); // the card whole, taller than the window
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(card.getByRole('heading', { name: 'Payments (receipt lists)' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(SHOTS, 'paperwork-rates-en.png') }); // the card whole, taller than the window
  expect(host.ctx.db.prepare('SELECT kind, role, regency, amount FROM payment_rate ORDER BY kind').all()).toEqual([
    { kind: 'transport', role: 'Peserta', regency: '', amount: 150_000 },
    { kind: 'uang-saku', role: 'Peserta', regency: 'Kabupaten Way Kanan', amount: 100_000 },
  ]);
});

test('the reports screen saves the daftar penerimaan as a PDF that adds up', async ({ page, host }) => {
  await seedPsm(host.ctx);
  const eventId = (host.ctx.db.prepare('SELECT id FROM event').get() as { id: number }).id;
  const r = await dispatch(host.ctx, 'payments.setRates', {
    eventId,
    desk: 'Meja 1',
    rates: [{ kind: 'transport', role: 'Peserta', regency: '', amount: 150_000 }],
  });
  expect(r.ok).toBe(true);
  for (const name of ['Abdul Rozak', 'Agus Salim, S.Pd.', 'Ahmad Fauzi']) {
    const row = host.ctx.db.prepare('SELECT name FROM participant WHERE name LIKE ?').get(`${name}%`) as { name: string } | undefined;
    if (row) checkIn(host.ctx, row.name, 1, '2022-09-07T00:30:00.000Z');
  }
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Laporan' }).click();
  const card = page.getByTestId('receipts-card');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(SHOTS, 'paperwork-receipts-id.png') }); // the card whole, taller than the window
  const dl = page.waitForEvent('download');
  await card.getByTestId('receipts-pdf').click();
  const file = path.join(tempDir(), 'dp.pdf');
  await (await dl).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('DAFTAR PENERIMAAN UANG TRANSPORT');
  expect(text.replace(/\s+/g, ' ')).toMatch(/Terbilang: (Tiga ratus|Empat ratus lima puluh) ribu rupiah/);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(card.getByRole('heading', { name: 'Receipt lists (daftar penerimaan)' })).toBeVisible();
  await card.screenshot({ path: path.join(SHOTS, 'paperwork-receipts-en.png') }); // the card whole, taller than the window
});
