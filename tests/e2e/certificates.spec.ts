import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { dispatch } from '../../electron/core/dispatch';
import { scope, tempDir } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { checkIn, LAPTOP, seedPsm } from './seed';
import { blobBytes, recordBlobs } from './blobs';

test.use(LAPTOP);

const LONG = 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.';
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const codeOf = (ctx: Parameters<typeof checkIn>[0], name: string) =>
  (ctx.db.prepare('SELECT code FROM participant WHERE name = ?').get(name) as { code: string }).code;

test('certificates: who qualifies and why not, on demand by badge code, override, batch as a job, ZIP per person', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  for (const name of [LONG, 'Abdul Rozak', 'Mariana, A.Md.']) {
    checkIn(host.ctx, name, 1, '2022-09-07T01:00:00Z');
    checkIn(host.ctx, name, 2, '2022-09-08T01:00:00Z');
  }
  checkIn(host.ctx, 'Yusuf Efendi, S.H.', 1, '2022-09-07T01:00:00Z');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await expect(page.getByTestId('cert-summary')).toHaveText('3 dari 66 peserta memenuhi syarat · 0 sudah bernomor');
  const yusuf = page.getByTestId('cert-row').filter({ hasText: 'Yusuf Efendi, S.H.' });
  await expect(yusuf).toContainText('Tidak hadir hari 2 (hadir 1, wajib 2 dari 2)');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-people-id.png') });

  // On demand: a badge code typed (or scanned) gives the certificate at once, with its number.
  const code = page.getByRole('textbox', { name: 'Kode tanda pengenal' });
  await code.fill(codeOf(host.ctx, LONG));
  await page.getByRole('button', { name: 'Buat sertifikat' }).click();
  const issued = page.getByTestId('cert-issued');
  await expect(issued).toContainText('001/SERT/IX/2022');
  await expect(issued.getByRole('img')).toBeVisible();
  await expect.poll(() => issued.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300);
  await page.screenshot({ path: path.join(SHOTS, 'certificates-issued-id.png') });

  // Someone who does not qualify: the reason, and the organiser's override with a reason.
  await code.fill(codeOf(host.ctx, 'Yusuf Efendi, S.H.'));
  await page.getByRole('button', { name: 'Buat sertifikat' }).click();
  const refused = page.getByTestId('cert-refused');
  await expect(refused).toContainText('Yusuf Efendi, S.H. belum memenuhi syarat: hadir 1 dari 2 hari, wajib 2.');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-refused-id.png') });
  await refused.getByRole('button', { name: 'Izinkan…' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('Sakit hari kedua, ada surat dokter');
  await page.getByRole('dialog').getByRole('button', { name: 'Izinkan' }).click();
  await expect(yusuf).toContainText('Diizinkan: Sakit hari kedua, ada surat dokter');
  await expect(page.getByTestId('cert-summary')).toHaveText('4 dari 66 peserta memenuhi syarat · 1 sudah bernomor');

  // Batch: everyone who qualifies, as a job with its bar; one PDF.
  const dir = tempDir();
  const job = page.waitForRequest('**/api/jobs.start');
  await page.getByRole('button', { name: 'Cetak semua yang memenuhi syarat (4)' }).click();
  expect(JSON.parse((await job).postData()!)).toMatchObject({
    job: 'certificates.batch',
    input: { allEligible: true, split: false },
  });
  await expect(page.getByTestId('cert-batch-done')).toContainText('4 sertifikat siap');
  let dl = page.waitForEvent('download');
  await page.getByTestId('cert-batch-done').getByRole('button', { name: 'Simpan PDF' }).click();
  const all = path.join(dir, 'all.pdf');
  await (await dl).saveAs(all);
  expect(pdfPages(all)).toBe(4);
  expect(execFileSync('pdftotext', [all, '-'], { encoding: 'utf8' })).toContain(LONG);
  await expect(page.getByTestId('cert-summary')).toHaveText('4 dari 66 peserta memenuhi syarat · 4 sudah bernomor');

  // One file per person, in a ZIP, named "<number> <name>.pdf".
  await page.getByLabel('Satu berkas per peserta').check();
  await page.getByRole('button', { name: 'Cetak semua yang memenuhi syarat (4)' }).click();
  dl = page.waitForEvent('download');
  await page.getByTestId('cert-batch-done').getByRole('button', { name: 'Simpan ZIP' }).click();
  const zipFile = path.join(dir, 'each.zip');
  await (await dl).saveAs(zipFile);
  const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(zipFile))).files).sort();
  expect(names).toHaveLength(4);
  expect(names[0]).toMatch(/^001-SERT-IX-2022 Raden Ajeng/);
  await page.screenshot({ path: path.join(SHOTS, 'certificates-batch-id.png') });

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('cert-summary')).toHaveText('4 of 66 participants qualify · 4 numbered');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-people-en.png') });
});

test('a certificate on demand by badge code: Simpan PDF downloads the whole PDF (its QR verifies), Cetak gets the same bytes and only a print is counted', async ({
  page,
  host,
}) => {
  test.slow(); // a PDF made, drawn by pdf.js, rasterised and decoded: minutes on a loaded 2-core machine
  await seedPsm(host.ctx);
  checkIn(host.ctx, LONG, 1, '2022-09-07T01:00:00Z');
  checkIn(host.ctx, LONG, 2, '2022-09-08T01:00:00Z');
  const prints = () => (host.ctx.db.prepare('SELECT COUNT(*) AS n FROM certificate_print').get() as { n: number }).n;
  await recordBlobs(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('textbox', { name: 'Kode tanda pengenal' }).fill(codeOf(host.ctx, LONG));
  await page.getByRole('button', { name: 'Buat sertifikat' }).click();
  const issued = page.getByTestId('cert-issued');
  await expect(issued).toContainText('001/SERT/IX/2022');
  // The preview is drawn from the same bytes the buttons hand on (pdf.js once took them away).
  await expect
    .poll(() => issued.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 60_000 })
    .toBeGreaterThan(300);
  await expect(issued).toContainText('Dicetak 0 kali');

  // Simpan PDF: a real PDF, its text and its QR read back; a saved file is not a print.
  const dir = tempDir();
  const dl = page.waitForEvent('download');
  await issued.getByRole('button', { name: 'Simpan PDF' }).click();
  const saved = path.join(dir, 'saved.pdf');
  await (await dl).saveAs(saved);
  const bytes = fs.readFileSync(saved);
  expect(bytes.byteLength).toBeGreaterThan(10_000);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
  expect(text).toContain(LONG);
  expect(text).toContain('001/SERT/IX/2022');
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', saved, path.join(dir, 'front')]);
  const qr = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(dir, 'front-1.png')], {
    encoding: 'utf8',
  }).trim();
  const verdict = await dispatch(host.ctx, 'certificates.verify', { text: qr });
  expect(verdict.ok && verdict.value).toMatchObject({ verdict: 'authentic', claim: { name: LONG, number: '001/SERT/IX/2022' } });
  expect(prints()).toBe(0);

  // Cetak: the browser's PDF tab gets the very same bytes, and now it counts.
  const popup = page.waitForEvent('popup');
  await issued.getByRole('button', { name: 'Cetak', exact: true }).click();
  const tab = await popup;
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  expect((await blobBytes(page, tab.url())).equals(bytes)).toBe(true);
  await expect(issued).toContainText('Dicetak 1 kali');
  expect(prints()).toBe(1);
  await tab.close();
  await page.screenshot({ path: path.join(SHOTS, 'certificates-on-demand-printed-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(issued).toContainText('Printed 1 time(s)');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-on-demand-printed-en.png') });
});

test('certificate template editor: the real page as preview, a field dragged and saved, the wording per role', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('tab', { name: 'Templat' }).click();
  const pageImg = page.getByTestId('cert-page').getByRole('img');
  await expect
    .poll(() => pageImg.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 20_000 })
    .toBeGreaterThan(800);
  await page.screenshot({ path: path.join(SHOTS, 'certificates-template-id.png') });

  // Drag the name box 20 mm down: the inspector follows, and the saved template has it.
  const before = await pageImg.getAttribute('src');
  const box = page.locator('[data-field="name"]');
  const b = (await box.boundingBox())!;
  const pxPerMm = (await page.getByTestId('cert-page').boundingBox())!.width / 297;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 20 * pxPerMm, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('cert-box-mm')).toContainText('y 98');
  // The preview is drawn again from the edited template: a new page image arrives.
  await expect.poll(() => pageImg.getAttribute('src'), { timeout: 20_000 }).not.toBe(before);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pengaturan sertifikat disimpan' })).toBeVisible();
  const saved = await dispatch(host.ctx, 'certificates.settings', {});
  expect(saved.ok && saved.value.settings.template.fields.name.y).toBe(98);

  // The wording for speakers is its own.
  await page.locator('summary', { hasText: 'Kalimat' }).click();
  await expect(page.getByRole('textbox', { name: 'Kalimat untuk Narasumber' })).toHaveValue(/sebagai Narasumber/);

  // The office's verify page, which a phone camera opens from the QR (issue 16, defect 13).
  const office = 'https://dinsos.lampungprov.go.id/sertifikat/verify.html';
  await page.getByRole('textbox', { name: /^Alamat halaman verifikasi/ }).fill(office);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pengaturan sertifikat disimpan' }).last()).toBeVisible();
  const withUrl = await dispatch(host.ctx, 'certificates.settings', {});
  expect(withUrl.ok && withUrl.value.settings.template.verifyUrl).toBe(office);

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Template' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'certificates-template-en.png') });
});

test('certificate template editor: the preview follows a new number pattern (and after Simpan); a clicked or dragged box takes focus and moves with the arrow keys', async ({
  page,
  host,
}) => {
  test.slow(); // every edit draws the real page again: slow on a loaded 2-core machine
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('tab', { name: 'Templat' }).click();
  const pageImg = page.getByTestId('cert-page').getByRole('img');
  await expect
    .poll(() => pageImg.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 60_000 })
    .toBeGreaterThan(800);

  // Defect 6: the page drawn with the new pattern, without a reload.
  const dir = tempDir();
  const previewText = async (res: import('@playwright/test').Response) => {
    const file = path.join(dir, `preview-${Date.now()}.pdf`);
    fs.writeFileSync(file, await res.body());
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };
  const redrawn = page.waitForResponse(
    (r) => r.url().endsWith('/api/certificates.preview') && (r.request().postData() ?? '').includes('SERT-{seq:04}/{year}'),
    { timeout: 60_000 },
  );
  const shown = await pageImg.getAttribute('src');
  await page.getByRole('textbox', { name: /^Pola nomor/ }).fill('SERT-{seq:04}/{year}');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pengaturan sertifikat disimpan' })).toBeVisible();
  expect(await previewText(await redrawn)).toContain('SERT-0001/2022');
  await expect.poll(() => pageImg.getAttribute('src'), { timeout: 60_000 }).not.toBe(shown);
  await page.screenshot({ path: path.join(SHOTS, 'certificates-template-pattern-id.png') });

  // Defect 7: a click selects the box and gives it the keyboard; so does a drag.
  const mm = page.getByTestId('cert-box-mm');
  const at = async () => {
    const m = /x ([\d.]+) · y ([\d.]+)/.exec((await mm.textContent()) ?? '')!;
    return { x: Number(m[1]), y: Number(m[2]) };
  };
  const box = page.locator('[data-field="title"]');
  await box.click();
  await expect(box).toBeFocused();
  const before = await at();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(mm).toContainText(`x ${before.x + 2} · y ${before.y + 5}`);

  const name = page.locator('[data-field="name"]');
  const b = (await name.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 30, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(name).toBeFocused();
  const dragged = await at();
  await page.keyboard.press('ArrowUp');
  await expect(mm).toContainText(`x ${dragged.x} · y ${dragged.y - 1}`);
  await page.screenshot({ path: path.join(SHOTS, 'certificates-template-keys-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Template' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'certificates-template-keys-en.png') });
});

test('certificate background: a portrait Canva PDF turns the template to portrait without the white panel; a landscape photo turns it back with the panel', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  const doc = await PDFDocument.create();
  const p = doc.addPage([595.28, 841.89]);
  p.drawRectangle({ x: 0, y: 0, width: 595.28, height: 841.89, color: rgb(0.93, 0.88, 0.78) });
  p.drawRectangle({ x: 30, y: 30, width: 535.28, height: 781.89, borderColor: rgb(0.55, 0.1, 0.1), borderWidth: 8 });
  const pdf = Buffer.from(await doc.save());
  const photo = path.join(tempDir(), 'foto.jpg');
  execFileSync('convert', ['-size', '1200x848', '-seed', '5', 'plasma:fractal', '-quality', '85', photo]);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('tab', { name: 'Templat' }).click();
  const orientation = page.getByRole('combobox', { name: 'Arah kertas A4' });
  const panel = page.getByRole('checkbox', { name: /Bidang putih/ });
  const pageImg = page.getByTestId('cert-page').getByRole('img');
  const shape = () => pageImg.evaluate((img: HTMLImageElement) => Math.sign(img.naturalWidth - img.naturalHeight));
  await expect(orientation).toHaveValue('landscape');

  await page.getByLabel('Pilih latar belakang…').setInputFiles({ name: 'desain-canva.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(orientation).toHaveValue('portrait');
  await expect(panel).not.toBeChecked();
  await expect.poll(shape, { timeout: 20_000 }).toBe(-1);
  await page.screenshot({ path: path.join(SHOTS, 'certificates-background-pdf-id.png') });
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pengaturan sertifikat disimpan' })).toBeVisible();
  const saved = await dispatch(host.ctx, 'certificates.settings', {});
  expect(saved.ok && saved.value.settings.template).toMatchObject({ orientation: 'portrait', background: 'custom', panel: false });

  await page.getByLabel('Ganti latar belakang…').setInputFiles(photo);
  await expect(orientation).toHaveValue('landscape');
  await expect(panel).toBeChecked();
  await expect.poll(shape, { timeout: 20_000 }).toBe(1);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Template' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'certificates-background-photo-en.png') });
});

test('certificate verify mode: pasted QR text answers authentic, forged and revoked', async ({ page, host }) => {
  await seedPsm(host.ctx);
  checkIn(host.ctx, 'Abdul Rozak', 1, '2022-09-07T01:00:00Z');
  checkIn(host.ctx, 'Abdul Rozak', 2, '2022-09-08T01:00:00Z');
  const id = (host.ctx.db.prepare("SELECT id FROM participant WHERE name = 'Abdul Rozak'").get() as { id: number }).id;
  const r = await dispatch(host.ctx, 'certificates.issue', { ...scope(host.ctx), participantId: id });
  if (!r.ok) throw new Error(r.error.message);
  const claim = r.value.claim;

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('tab', { name: 'Verifikasi' }).click();
  const text = page.getByRole('textbox', { name: 'Teks kode QR' });
  const verdict = page.getByTestId('cert-verdict');
  await text.fill(claim);
  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'authentic');
  await expect(verdict).toContainText('Abdul Rozak');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-verify-id.png') });

  await text.fill(claim.replace('Abdul', 'Abdur'));
  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'forged');
  await expect(verdict).toContainText('isi sertifikat telah diubah');

  await dispatch(host.ctx, 'certificates.revoke', { ...scope(host.ctx), participantId: id, reason: 'Dicetak ganda' });
  await text.fill(claim);
  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'revoked');
  await expect(verdict).toContainText('Dicetak ganda');

  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan verify.html' }).click();
  expect((await dl).suggestedFilename()).toMatch(/^verify-[0-9A-Z]{4}\.html$/);

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(verdict).toContainText('REVOKED');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-verify-en.png') });
});

test('event form: the signatory rank and the programme (materials, JP, speakers) for the back page', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara', exact: true }).click();
  await page.getByRole('textbox', { name: 'Pangkat/golongan' }).fill('Pembina Utama Muda (IV/c)');
  const rows: [string, string, string][] = [
    ['Peningkatan Kapasitas Pelaksana SLRT', '3', 'Kementerian Sosial RI'],
    ['Motivasi terhadap SDM', 'dua', 'Motivator'],
  ];
  for (const [i, [m, jp, s]] of rows.entries()) {
    await page.getByRole('button', { name: '+ Tambah materi' }).click();
    await page.getByRole('textbox', { name: `Materi ${i + 1}` }).fill(m);
    await page.getByRole('textbox', { name: `JP ${i + 1}` }).fill(jp);
    await page.getByLabel(`Narasumber ${i + 1}`, { exact: true }).fill(s); // a combobox: it offers the registered speakers
  }
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  // "dua" is not a number of hours: refused with a message at the cell, nothing saved.
  await expect(page.getByRole('textbox', { name: 'JP 2' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'JP 2' }).fill('2');
  await expect(page.getByTestId('programme-total')).toHaveText('5');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByTestId('saved-note')).toBeVisible();
  const e = await dispatch(host.ctx, 'event.get', {});
  expect(e.ok && e.value).toMatchObject({
    signatoryRank: 'Pembina Utama Muda (IV/c)',
    programme: [
      { material: 'Peningkatan Kapasitas Pelaksana SLRT', jp: 3, speaker: 'Kementerian Sosial RI' },
      { material: 'Motivasi terhadap SDM', jp: 2, speaker: 'Motivator' },
    ],
  });
  await page.getByRole('heading', { name: /Materi kegiatan/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'event-programme-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.screenshot({ path: path.join(SHOTS, 'event-programme-en.png') });
});
