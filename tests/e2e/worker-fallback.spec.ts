// Issue 17, finding 5: when the job worker cannot start, jobs run on the main thread and the
// desks are told so. Forced for real: the host's worker entry is a file that does not exist
// (as a broken app.asar would leave it); the badge sheet is still made, and every screen says why
// the desk is slow, from the job that ran without its worker and again after a reload.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openContext } from '../../electron/core/open-context';
import { logFile } from '../../electron/core/log/logger';
import { createWebHost } from '../../electron/web/server';
import { RESOURCES, ROOT, tempDir } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

test('a host whose job worker cannot start: the badge PDF still comes, and the desk shows the notice', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = tempDir('hadir-e2e-');
  // The event is made with a working worker; the host then starts with a broken one.
  const seeding = openContext(dataDir, 'cli', RESOURCES);
  await seedPsm(seeding);
  seeding.db.close();
  const missing = path.join(tempDir(), 'out', 'main', 'jobs-worker.js');
  const ctx = openContext(dataDir, 'web', RESOURCES, { jobsWorker: { file: missing, execArgv: [] } });
  const server = createWebHost({ ctx, staticDir: path.join(ROOT, 'out/renderer') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('worker-notice')).toHaveCount(0);

    await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();
    await expect(page.getByTestId('badges-count')).toHaveText('66 tanda nama, 9 halaman');
    // 66 tags: the badges.render job, which finds no worker and runs on the host's main thread.
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan PDF' }).click();
    const file = path.join(tempDir(), 'tags.pdf');
    await (await dl).saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const notice = page.getByTestId('worker-notice');
    await expect(notice).toContainText('Proses latar tidak dapat dimulai');
    expect(ctx.jobs.workerFellBack).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'worker-notice-id.png') });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(notice).toContainText('The background worker could not start');
    await page.screenshot({ path: path.join(SHOTS, 'worker-notice-en.png') });
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // A reload (or another desk) learns it from the host at start.
    await page.reload();
    await expect(page.getByTestId('worker-notice')).toContainText('Proses latar tidak dapat dimulai');
    expect(fs.readFileSync(logFile(dataDir), 'utf8').match(/job worker could not start/g)).toHaveLength(1);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    ctx.db.close();
  }
});
