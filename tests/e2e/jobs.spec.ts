import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { expectAccessible } from './axe';

test.use(LAPTOP);
// Large files: the preview alone walks every row, and the write takes seconds on a slow machine.
test.setTimeout(180_000);

/** A participant list of `n` rows, made here (large files are not committed). */
function list(n: number): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['Nama Lengkap,NIK,Kabupaten/Kota,Peran'];
  for (let i = 0; i < n; i++) lines.push(`Peserta Nomor ${i + 1},${1871000000000000 + i},Kota Metro,Peserta`);
  return { name: `peserta-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) };
}
const count = (ctx: { db: { prepare: (s: string) => { get: () => unknown } } }) =>
  (ctx.db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n;

test('a large import runs as a job with a progress bar, and lands', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  await page.getByTestId('import-file').setInputFiles(list(30_000));
  await expect(page.getByTestId('import-summary')).toContainText('30000 baris', { timeout: 60_000 });
  const started = page.waitForRequest('**/api/jobs.start');
  await page.getByTestId('import-commit').click();
  await started;
  const bar = page.getByRole('progressbar', { name: 'Mengimpor peserta-30000.csv' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('job-phase')).toContainText(/Membaca berkas|Menyimpan peserta/);
  await page.getByTestId('job-progress').screenshot({ path: path.join(SHOTS, 'import-progress-id.png') });
  await page.screenshot({ path: path.join(SHOTS, 'import-progress-page-id.png') });
  await expectAccessible(page, 'import running as a job');
  await expect(page.getByTestId('import-done')).toContainText('30000 baru', { timeout: 120_000 });
  await expect(bar).toHaveCount(0);
  expect(count(host.ctx)).toBe(30_000);
});

test('cancelling a large import stops it and leaves the list as it was', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  // The write must still be running when Stop lands, on any machine: on an idle one 20,000 rows
  // are written in about a second, faster than a click. A temporary trigger on this connection
  // (the host runs in this process) holds each insert for 2 ms, so the write takes 40 s and the
  // slices still yield to the event loop in between, as they do for a real slow disk.
  const hold = new Int32Array(new SharedArrayBuffer(4));
  host.ctx.db.function('hold_insert', () => (Atomics.wait(hold, 0, 0, 2), 0));
  host.ctx.db.exec('CREATE TEMP TRIGGER hold_insert AFTER INSERT ON main.participant BEGIN SELECT hold_insert(); END');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('button', { name: 'Import' }).first().click();
  await page.getByTestId('import-file').setInputFiles(list(20_000));
  await expect(page.getByTestId('import-summary')).toContainText('Rows: 20000.', { timeout: 90_000 });
  await page.getByTestId('import-commit').click();
  const bar = page.getByRole('progressbar', { name: 'Importing peserta-20000.csv' });
  // Wait for the write itself: cancelling then has to roll back rows already written.
  await expect(page.getByTestId('job-phase')).toContainText('Saving participants', { timeout: 60_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/);
  await page.getByTestId('job-progress').screenshot({ path: path.join(SHOTS, 'import-progress-en.png') });
  await page.getByTestId('job-progress').getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('import-cancelled')).toHaveText('Stopped. Nothing was changed.');
  await expect(bar).toHaveCount(0);
  expect(count(host.ctx)).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'import-cancelled-en.png') });
});
