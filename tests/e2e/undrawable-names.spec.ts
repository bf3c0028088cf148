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
  for (const name of ['محمد علي', '王小明']) {
    const res = await dispatch(host.ctx, 'participants.create', { eventId, desk: 'Meja 1', name, role: 'Peserta' });
    if (!res.ok) throw new Error(res.error.message);
  }
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();
  const warning = page.getByTestId('undrawable-names');
  await expect(warning).toContainText('2 peserta memiliki huruf');
  await expect(warning).toContainText('محمد علي');
  await expect(warning).toContainText('王小明 — 王 (U+738B)');
  await page.screenshot({ path: path.join(SHOTS, 'badges-undrawable-id.png') });

  await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
  await expect(page.getByTestId('undrawable-names')).toContainText('王小明');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-undrawable-id.png') });

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('undrawable-names')).toContainText('2 participant(s) have characters');
  await page.screenshot({ path: path.join(SHOTS, 'certificates-undrawable-en.png') });
  await page.getByRole('button', { name: 'Name tags', exact: true }).click();
  await expect(page.getByTestId('undrawable-names')).toContainText('محمد علي');
  await page.screenshot({ path: path.join(SHOTS, 'badges-undrawable-en.png') });
});

test('the import names the rows whose names would print as boxes, and refuses invisible names', async ({ page, host }) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  const csv = ['Nama,Peran', 'محمد علي,Peserta', '\u3164,Peserta', 'Budi Santoso,Peserta'].join('\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'nama.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-warnings')).toContainText('1 nama berisi huruf yang tidak ada di huruf cetak');
  await expect(page.getByTestId('import-warnings')).toContainText('2: محمد علي');
  await expect(page.getByText('Nama hanya berisi karakter tak terlihat').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'import-undrawable-id.png'), fullPage: true });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('import-warnings')).toContainText("1 name(s) have characters that Hadir's fonts do not have");
  await page.screenshot({ path: path.join(SHOTS, 'import-undrawable-en.png'), fullPage: true });
});
