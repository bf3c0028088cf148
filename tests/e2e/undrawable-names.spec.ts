import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { activeEventId } from '../../electron/db/repositories/events';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

// Issue 18, defect 9: the badge and certificate screens name each person whose name has
// characters the bundled fonts cannot draw (they would print as empty boxes).
test('the badge and certificate screens name the people whose names would print as boxes', async ({ page, host }) => {
  await seedPsm(host.ctx);
  const eventId = activeEventId(host.ctx.db)!;
  for (const name of ['Ahmad محمد', '王小明']) {
    const res = await dispatch(host.ctx, 'participants.create', { eventId, desk: 'Meja 1', name, role: 'Peserta' });
    if (!res.ok) throw new Error(res.error.message);
  }
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();
  const warning = page.getByTestId('undrawable-names');
  await expect(warning).toContainText('2 peserta memiliki huruf');
  await expect(warning).toContainText('Ahmad محمد');
  await expect(warning).toContainText('王小明 — 王 (U+738B)');
  await page.screenshot({ path: path.join(SHOTS, 'badges-undrawable-id.png') });

  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await expect(page.getByTestId('undrawable-names')).toContainText('王小明');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-undrawable-id.png') });

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('undrawable-names')).toContainText('2 participant(s) have characters');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-undrawable-en.png') });
  await page.getByRole('button', { name: 'Name tags', exact: true }).click();
  await expect(page.getByTestId('undrawable-names')).toContainText('Ahmad محمد');
  await page.screenshot({ path: path.join(SHOTS, 'badges-undrawable-en.png') });
});

test('the import names the rows whose names would print as boxes, and refuses invisible names', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  const csv = ['Nama,Peran', 'Ahmad محمد,Peserta', '\u3164,Peserta', 'Budi Santoso,Peserta'].join('\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'nama.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-warnings')).toContainText('1 nama berisi huruf yang tidak ada di huruf cetak');
  await expect(page.getByTestId('import-warnings')).toContainText('2: Ahmad محمد');
  await expect(page.getByText('Nama hanya berisi karakter tak terlihat').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'import-undrawable-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-warnings')).toContainText("1 name(s) have characters that Hadir's fonts do not have");
  await page.screenshot({ path: path.join(SHOTS, 'import-undrawable-en.png'), fullPage: true });
});

test('after a badge batch and a certificate batch, the result names whose names printed with boxes', async ({ page, host }) => {
  test.slow(); // 67 tags and two certificates rendered: slow on a loaded 2-core machine
  await seedPsm(host.ctx);
  const eventId = activeEventId(host.ctx.db)!;
  const scope = { eventId, desk: 'Meja 1' };
  const created = await dispatch(host.ctx, 'participants.create', { ...scope, name: '王小明', role: 'Peserta' });
  if (!created.ok) throw new Error(created.error.message);
  const abdul = host.ctx.db.prepare("SELECT id FROM participant WHERE name = 'Abdul Rozak'").get() as { id: number };
  for (const participantId of [created.value.id, abdul.id]) {
    const r = await dispatch(host.ctx, 'certificates.override', { ...scope, participantId, reason: 'hadir penuh' });
    if (!r.ok) throw new Error(r.error.message);
  }
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  await download;
  const tags = page.getByTestId('batch-undrawn');
  await expect(tags).toContainText('Periksa hasil cetak orang berikut');
  await expect(tags).toContainText('1 nama berisi huruf');
  await expect(tags).toContainText('王小明 — 王 (U+738B), 小 (U+5C0F), 明 (U+660E)');
  await tags.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'badges-batch-undrawn-id.png') });

  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await page.getByRole('button', { name: 'Cetak semua yang memenuhi syarat (2)' }).click();
  await expect(page.getByTestId('cert-batch-done')).toContainText('2 sertifikat siap');
  const certs = page.getByTestId('batch-undrawn');
  await expect(certs).toContainText('王小明 — 王 (U+738B)');
  await certs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'certificates-batch-undrawn-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(certs).toContainText('Check the paper of these people');
  await expect(certs).toContainText('王小明');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-batch-undrawn-en.png') });
});
