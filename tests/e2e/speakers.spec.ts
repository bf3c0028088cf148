// Issue 20 on screen, second round: the programme's moderators and the programme file on the
// event screen, a person's own tax rate in the participant form, the speakers' daftar hadir on
// the reports screen (translated buttons), the certificates' percent rule, surat keterangan and
// standard layout. Screenshots in both languages (test-results/screens/speakers-*.png).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { tempDir } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { checkIn, LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

const PROGRAMME = [
  'Materi;JP;Narasumber;Moderator',
  'Kebijakan Pemberdayaan PSM;4;"Drs. Aswarodi, M.Si.; Kementerian Sosial RI";Andi Saputra',
  'Kewirausahaan;2;Motivator;',
].join('\n');

test('the event screen takes the programme from a file, with moderators, and saves it', async ({ page, host }) => {
  test.slow(); // two languages, two files: room on a loaded CI machine
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara', exact: true }).click();
  const file = path.join(tempDir(), 'susunan.csv');
  fs.writeFileSync(file, PROGRAMME);
  await page.getByTestId('programme-file').setInputFiles(file);
  await expect(page.getByText('Susunan acara diambil dari berkas: 2 sesi. Periksa, lalu Simpan.')).toBeVisible();
  await expect(page.getByLabel('Moderator 1', { exact: true })).toHaveValue('Andi Saputra');
  await page.getByLabel('Moderator 1', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'speakers-programme-id.png') });
  await page.getByRole('button', { name: 'Simpan', exact: true }).first().click();
  await expect(page.getByTestId('saved-note')).toBeVisible();
  expect(host.ctx.db.prepare('SELECT material, jp, speaker, moderator FROM programme_item ORDER BY position').all()).toEqual([
    { material: 'Kebijakan Pemberdayaan PSM', jp: 4, speaker: 'Drs. Aswarodi, M.Si.; Kementerian Sosial RI', moderator: 'Andi Saputra' },
    { material: 'Kewirausahaan', jp: 2, speaker: 'Motivator', moderator: '' },
  ]);
  // A bad file: one worded line, the rows as they were.
  fs.writeFileSync(file, 'Kebijakan;empat;Drs. Aswarodi\n');
  await page.getByTestId('programme-file').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('baris 1: JP "empat" harus bilangan bulat 0–999');
  await expect(page.getByLabel('Moderator 1', { exact: true })).toHaveValue('Andi Saputra');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Moderator' })).toBeVisible();
  await page.getByLabel('Moderator 1', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'speakers-programme-en.png') });
});

test('the participant form sets and clears a person’s own tax rate', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  const row = page.getByRole('row', { name: /Abdul Rozak/ });
  await row.getByRole('button', { name: 'Ubah' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Data kepegawaian dan pembayaran').click();
  await dialog.getByLabel('PPh pribadi non-PNS (%)').fill('2,555');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Tarif PPh 0–100 %, paling banyak dua angka di belakang koma (mis. 2,5)')).toBeVisible();
  await dialog.getByLabel('PPh pribadi non-PNS (%)').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'speakers-taxrate-id.png') });
  await dialog.getByLabel('PPh pribadi non-PNS (%)').fill('2,5');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const rate = () => host.ctx.db.prepare("SELECT t.rate_bp AS bp FROM payment_tax t JOIN participant p ON p.id = t.participant_id WHERE p.name LIKE 'Abdul Rozak%'").get();
  await expect.poll(rate).toEqual({ bp: 250 });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await row.getByRole('button', { name: 'Edit' }).click();
  // Shown as stored; cleared, the person falls back to the event's rate.
  await expect(dialog.getByLabel('Own tax rate, non-civil-servant (%)')).toHaveValue('2,5');
  await dialog.getByLabel('Own tax rate, non-civil-servant (%)').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'speakers-taxrate-en.png') });
  await dialog.getByLabel('Own tax rate, non-civil-servant (%)').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(rate).toBeUndefined();
});

test('the reports screen saves the speakers’ daftar hadir; its buttons speak both languages', async ({ page, host }) => {
  await seedPsm(host.ctx);
  const eventId = (host.ctx.db.prepare('SELECT id FROM event').get() as { id: number }).id;
  const bytes = new Uint8Array(Buffer.from(PROGRAMME));
  const programme = await dispatch(host.ctx, 'payments.programmeFile', { bytes });
  expect(programme.ok).toBe(true);
  const e = await dispatch(host.ctx, 'event.get', {});
  const ev = e.ok ? e.value! : null;
  const up = await dispatch(host.ctx, 'event.update', {
    eventId,
    desk: 'Meja 1',
    name: ev!.name,
    organiser: ev!.organiser,
    venue: ev!.venue,
    city: ev!.city,
    days: ev!.days.map((d) => d.date),
    signatoryName: ev!.signatoryName,
    signatoryTitle: ev!.signatoryTitle,
    signatoryNip: ev!.signatoryNip,
    programme: programme.ok ? programme.value : [],
  });
  expect(up.ok).toBe(true);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Laporan' }).click();
  const card = page.getByTestId('receipts-card');
  await expect(card.getByRole('button', { name: 'Unduh daftar penerimaan (PDF)' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Unduh daftar penerimaan (Excel .xlsx)' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(SHOTS, 'speakers-reports-id.png') });
  const dl = page.waitForEvent('download');
  await card.getByTestId('speakers-pdf').click();
  const file = path.join(tempDir(), 'narasumber.pdf');
  await (await dl).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('DAFTAR HADIR NARASUMBER DAN MODERATOR');
  expect(text).toContain('Sesi 1: Kebijakan Pemberdayaan PSM (4 JP)');
  expect(text.split('\n').find((l) => l.includes('Andi Saputra'))).toMatch(/Moderator/);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(card.getByRole('button', { name: 'Download the receipt list (PDF)' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Download PDF per session' })).toBeVisible();
  await card.screenshot({ path: path.join(SHOTS, 'speakers-reports-en.png') });
});

test('the certificates screen: the percent rule, the surat keterangan, the standard layout', async ({ page, host }) => {
  test.slow(); // the live preview renders the certificate again after each change; a loaded CI machine needs the room
  await seedPsm(host.ctx);
  checkIn(host.ctx, 'Abdul Rozak', 1, '2022-09-07T00:30:00.000Z');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('tab', { name: 'Templat' }).click();
  await page.getByRole('button', { name: 'Pakai tata letak standar' }).click();
  await page.getByTestId('cert-statement-on').check();
  await page.getByRole('spinbutton', { name: 'Persen hari minimal' }).scrollIntoViewIfNeeded();
  await page.getByRole('radio').nth(2).check();
  await expect(page.getByRole('spinbutton', { name: 'Persen hari minimal' })).toHaveValue('80');
  await page.screenshot({ path: path.join(SHOTS, 'speakers-cert-template-id.png') });
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect.poll(() => (host.ctx.db.prepare('SELECT rule FROM cert_config').get() as { rule: string } | undefined)?.rule).toBe(
    '{"kind":"min_percent","percent":80}',
  );
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('cert-standard')).toContainText('Standard certificate (A4 portrait, identity)');
  await page.screenshot({ path: path.join(SHOTS, 'speakers-cert-template-en.png') });
  // The people: Abdul Rozak was there one day of two, below 80 %: the statement, not the certificate.
  await page.getByRole('tab', { name: 'Participants & printing' }).click();
  const row = page.getByRole('row', { name: /Abdul Rozak/ });
  await expect(row.getByTestId('cert-statement')).toHaveText('Statement');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'speakers-cert-people-en.png') });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(row.getByTestId('cert-statement')).toHaveText('Surat keterangan');
  await page.screenshot({ path: path.join(SHOTS, 'speakers-cert-people-id.png') });
  const dl = page.waitForEvent('download');
  await row.getByTestId('cert-statement').click();
  const file = path.join(tempDir(), 'sk.pdf');
  await (await dl).saveAs(file);
  expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('SURAT KETERANGAN');
});
