import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

test('the badges screen previews the real page, filters, and saves a PDF with the right page count', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();

  // The preview is the first page of the real PDF, drawn by pdf.js.
  const preview = page.getByTestId('badge-preview');
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(500);
  await expect(page.getByTestId('badges-count')).toHaveText('66 tanda nama, 9 halaman');
  await page.screenshot({ path: path.join(SHOTS, 'badges-a4-8-id.png') });

  // Everyone, A4 10-up: 7 pages.
  await page.getByLabel('A4, 10 kartu').check();
  await expect(page.getByTestId('badges-count')).toHaveText('66 tanda nama, 7 halaman');
  const dir = tempDir();
  let dl = page.waitForEvent('download');
  // 66 tags: more than a direct render takes, so they are made by the badges.render job.
  const job = page.waitForRequest('**/api/jobs.start');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  expect(JSON.parse((await job).postData()!)).toMatchObject({
    job: 'badges.render',
    input: { layout: 'a4-10', whom: { kind: 'all' } },
  });
  let file = path.join(dir, 'all.pdf');
  await (await dl).saveAs(file);
  expect(pdfPages(file)).toBe(7);
  await expect(page.getByRole('status')).toContainText('66 tanda nama (7 halaman) disimpan');

  // The speakers only, on A6: one page each.
  await page.getByLabel('A6, satu per halaman').check();
  await page.getByLabel('Hasil saringan').check();
  await page.getByRole('combobox', { name: 'Peran' }).selectOption('Narasumber');
  await expect(page.getByTestId('badges-count')).toHaveText('4 tanda nama, 4 halaman');
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalHeight / img.naturalWidth))
    .toBeCloseTo(148 / 105, 1);
  await page.screenshot({ path: path.join(SHOTS, 'badges-a6-filter-id.png') });
  dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  file = path.join(dir, 'speakers.pdf');
  await (await dl).saveAs(file);
  expect(pdfPages(file)).toBe(4);
  expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('Drs. Aswarodi, M.Si.');

  // English.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('badges-count')).toHaveText('4 name tag(s), 4 page(s)');
  await expect(page.getByRole('status')).toContainText('4 name tag(s) (4 page(s)) saved');
  await page.screenshot({ path: path.join(SHOTS, 'badges-a6-filter-en.png') });
  fs.rmSync(dir, { recursive: true, force: true });
});

test("reprints one participant's tag two clicks from the list, and replaces a lost card", async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  const row = page.getByRole('row', { name: /Abdul Rozak/ });
  // Click 1: the row's "Name tag"; click 2: Save PDF (Print opens the same file in a tab).
  await row.getByRole('button', { name: 'Tanda nama' }).click();
  await expect(page.getByTestId('badges-count')).toHaveText(/^1 tanda nama, 1 halaman$/);
  await expect(page.getByLabel(/Satu peserta: Abdul Rozak/)).toBeChecked();
  await page.getByLabel('Rol label 62 mm').check();
  await expect
    .poll(() => page.getByTestId('badge-preview').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(100);
  await page.screenshot({ path: path.join(SHOTS, 'badges-one-roll-id.png') });
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const file = path.join(tempDir(), 'one.pdf');
  await (await dl).saveAs(file);
  expect(pdfPages(file)).toBe(1);

  const before = host.ctx.db.prepare("SELECT code FROM participant WHERE name = 'Abdul Rozak'").get() as { code: string };
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Kartu hilang: buat kode baru' }).click();
  await expect(page.getByRole('status')).toContainText(`kode ${before.code} diganti`);
  const after = host.ctx.db.prepare("SELECT code FROM participant WHERE name = 'Abdul Rozak'").get() as { code: string };
  expect(after.code).not.toBe(before.code);
});

test('calibration: saves an offset for the layout and downloads the test sheet', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();
  await page.getByText('Kalibrasi printer').click();
  await page.getByLabel('X (mm)').fill('1.5');
  await page.getByLabel('Y (mm)').fill('-2');
  await page.getByRole('button', { name: 'Simpan geseran' }).click();
  await expect(page.getByRole('status')).toContainText('Geseran printer disimpan');
  const saved = host.ctx.db.prepare("SELECT value FROM setting WHERE key = 'badges.offset.a4-8'").get() as { value: string };
  expect(JSON.parse(saved.value)).toEqual({ x: 1.5, y: -2 });
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh lembar uji' }).click();
  const file = path.join(tempDir(), 'test.pdf');
  await (await dl).saveAs(file);
  expect(pdfPages(file)).toBe(1);
  await page.screenshot({ path: path.join(SHOTS, 'badges-calibrate-id.png') });
});
