// Failures on the participants screen reach the operator as messages, never as a silently lost
// change or an unhandled promise rejection (the console guard in fixtures.ts fails on those).
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT, scope } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const agus = { name: 'Agus Salim', role: 'Peserta', gender: 'L' as const, regency: 'Kota Metro' };
const refusal = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

test('a failed undo says why, and the participant stays deleted', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await dispatch(host.ctx, 'participants.create', { ...scope(host.ctx), ...agus });
  await page.goto(host.url);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('status')).toContainText('Agus Salim dihapus.');
  // Meanwhile another desk registers him again: restoring the deleted record would duplicate him.
  await dispatch(host.ctx, 'participants.create', { ...scope(host.ctx), ...agus });
  await page.getByRole('button', { name: 'Urungkan' }).click();
  const toast = page.getByRole('status');
  await expect(toast).toHaveText('Tidak dapat dipulihkan. “Agus Salim” sudah ada di daftar peserta.');
  await expect(page.getByRole('button', { name: 'Urungkan' })).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'undo-failed-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(toast).toHaveText('Could not restore. “Agus Salim” is already on the participant list.');
  await page.screenshot({ path: path.join(SHOTS, 'undo-failed-en.png') });
  expect(host.ctx.db.prepare('SELECT count(*) AS n FROM participant WHERE deleted_at IS NULL').get()).toEqual({ n: 1 });
});

test('opening a participant that cannot be read shows the error instead of an unhandled rejection', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await dispatch(host.ctx, 'participants.create', { ...scope(host.ctx), ...agus });
  await page.goto(host.url);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  // The host's own answer when the record is gone (another desk switched event, say).
  await page.route('**/api/participants.get', (r) =>
    r.fulfill({ contentType: 'application/json', body: refusal('not_found', 'gone') }),
  );
  await page.getByRole('button', { name: 'Ubah' }).click();
  await expect(page.getByRole('status')).toContainText('tidak ditemukan');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the participant form still opens when its roles cannot be loaded', async ({ page, host }) => {
  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await expect(page.getByTestId('list-count')).toHaveText('0 dari 0 peserta');
  await page.route('**/api/participants.facets', (r) =>
    r.fulfill({ contentType: 'application/json', body: refusal('internal', 'x') }),
  );
  await page.getByRole('button', { name: '+ Tambah peserta' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('select[name=role]')).toHaveValue('Peserta');
  await expect(dialog.getByRole('alert')).toBeVisible();
});
