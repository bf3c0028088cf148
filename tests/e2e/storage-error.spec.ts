import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

// Issue 8, defect 12: a storage failure on screen names the file and says what to do, in the
// desk's language. Here the database is held by another program (a second connection with a
// write transaction open) for longer than the host waits (5 s).
test('a save while another program holds the database says so, names the file, and works once it is free', async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('button', { name: '+ Add participant' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name=name]').fill('Siti Nurhasanah');
  const holder = new Database(host.ctx.dbPath);
  holder.exec('BEGIN IMMEDIATE');
  try {
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(`Another program is still writing to ${host.ctx.dbPath}`, { timeout: 20_000 });
    await expect(alert).toContainText('close the other Hadir programs using this data folder');
    await page.screenshot({ path: path.join(SHOTS, 'storage-busy-en.png') });
    // The same in Indonesian (the header is out of reach while the dialog is open).
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.getByRole('button', { name: '+ Tambah peserta' }).click();
    await dialog.locator('input[name=name]').fill('Siti Nurhasanah');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(alert).toContainText(`Program lain masih menulis ke ${host.ctx.dbPath}`, { timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'storage-busy-id.png') });
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tbody tr').filter({ hasText: 'Siti Nurhasanah' })).toHaveCount(1);
});
