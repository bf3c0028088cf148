import path from 'node:path';
import type { Page } from '@playwright/test';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

// Two desks on one web host: two browser contexts (two laptops at the registration table), each
// with its own localStorage. Each chooses its own event; neither follows the other.

const csv = (names: string[]) => ({
  name: 'peserta-a.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['Nama,Kabupaten/Kota,Peran', ...names.map((n) => `${n},Kota Metro,Peserta`)].join('\n')),
});

async function renameDesk(page: Page, name: string) {
  await page.getByTestId('desk-name').click();
  await page.getByLabel('Nama meja').fill(name);
  await page.getByRole('button', { name: 'Simpan' }).first().click();
  await expect(page.getByTestId('desk-name')).toContainText(name);
}

test('two desks on two events import and add at once, each into its own event', async ({ browser, host }) => {
  const a = await dispatch(host.ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan PSM Angkatan A' });
  const b = await dispatch(host.ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan PSM Angkatan B' });
  if (!a.ok || !b.ok) throw new Error('setup');

  const one = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const two = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const p1 = await one.newPage();
  const p2 = await two.newPage();
  for (const p of [p1, p2]) {
    await p.goto(host.url);
    // A new desk starts on the kiosk's default event (the newest) under the default name.
    await expect(p.locator('.brand-sub')).toHaveText('Pelatihan PSM Angkatan B');
    await expect(p.getByTestId('desk-name')).toContainText('Meja 1');
  }
  await renameDesk(p1, 'Meja Registrasi 1');
  await renameDesk(p2, 'Meja Registrasi 2');

  // Desk 1 switches to event A; desk 2 stays on B.
  await p1.getByRole('button', { name: 'Acara' }).click();
  await p1.locator('.event-list li').filter({ hasText: 'Angkatan A' }).getByRole('button', { name: 'Buka' }).click();
  await expect(p1.locator('.brand-sub')).toHaveText('Pelatihan PSM Angkatan A');
  await expect(p1.locator('.event-list li').filter({ hasText: 'Angkatan A' })).toContainText('Dibuka di meja ini');
  await p1.screenshot({ path: path.join(SHOTS, 'desks-events-id.png') });
  await p2.reload();
  await expect(p2.locator('.brand-sub')).toHaveText('Pelatihan PSM Angkatan B');

  // At once: desk 1 imports a file into A while desk 2 adds someone by hand into B.
  await p1.getByRole('button', { name: 'Impor' }).first().click();
  await p1.getByTestId('import-file').setInputFiles(csv(['Rina Marlina', 'Joko Susilo', 'Dewi Lestari']));
  await expect(p1.getByRole('button', { name: 'Tambahkan 3 peserta baru' })).toBeEnabled();
  await p2.getByRole('button', { name: '+ Tambah peserta' }).click();
  await p2.getByRole('dialog').locator('input[name=name]').fill('Budi Hartono');
  await Promise.all([
    p1.getByRole('button', { name: 'Tambahkan 3 peserta baru' }).click(),
    p2.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click(),
  ]);
  await expect(p1.getByTestId('import-done')).toHaveText(
    'Selesai: 3 baru, 0 diperbarui, 0 tidak berubah, 0 tetap dihapus, 0 dilewati.',
  );
  await expect(p2.getByRole('dialog')).toBeHidden();

  const stored = host.ctx.db
    .prepare('SELECT e.name AS event, p.name FROM participant p JOIN event e ON e.id = p.event_id ORDER BY p.name')
    .all();
  expect(stored).toEqual([
    { event: 'Pelatihan PSM Angkatan B', name: 'Budi Hartono' },
    { event: 'Pelatihan PSM Angkatan A', name: 'Dewi Lestari' },
    { event: 'Pelatihan PSM Angkatan A', name: 'Joko Susilo' },
    { event: 'Pelatihan PSM Angkatan A', name: 'Rina Marlina' },
  ]);
  const audit = host.ctx.db
    .prepare("SELECT action, desk, event_id AS eventId FROM audit WHERE action LIKE 'participants.%' ORDER BY action")
    .all();
  expect(audit).toEqual([
    { action: 'participants.create', desk: 'Meja Registrasi 2', eventId: b.value.id },
    { action: 'participants.import', desk: 'Meja Registrasi 1', eventId: a.value.id },
  ]);

  // Each list shows its own event; a reload keeps each desk's name and event (localStorage).
  await p1.getByRole('button', { name: 'Lihat daftar peserta' }).click();
  await expect(p1.getByTestId('list-count')).toHaveText('3 dari 3 peserta');
  await expect(p2.getByTestId('list-count')).toHaveText('1 dari 1 peserta');
  await p1.reload();
  await expect(p1.locator('.brand-sub')).toHaveText('Pelatihan PSM Angkatan A');
  await expect(p1.getByTestId('desk-name')).toContainText('Meja Registrasi 1');
  await expect(p1.getByTestId('list-count')).toHaveText('3 dari 3 peserta');
  await p1.screenshot({ path: path.join(SHOTS, 'desks-list-id.png') });
  await p1.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(p1.getByTestId('desk-name')).toContainText('Desk');
  await p1.screenshot({ path: path.join(SHOTS, 'desks-list-en.png') });
  await one.close();
  await two.close();
});

test('a desk on an archived event can read it but not record into it, and is told why', async ({ page, host }) => {
  const old = await dispatch(host.ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan PSM 2022' });
  if (!old.ok) throw new Error('setup');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await expect(page.locator('.brand-sub')).toHaveText('Pelatihan PSM 2022');
  await page.getByRole('button', { name: '+ Tambah peserta' }).click();
  await page.getByRole('dialog').locator('input[name=name]').fill('Rina Marlina');

  // Meanwhile, at another desk (here: the operation itself), the organiser archives the event.
  await dispatch(host.ctx, 'event.archive', { id: old.value.id, archived: true });
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    'Acara “Pelatihan PSM 2022” sudah diarsipkan: tidak ada data baru yang dapat dicatat. Pilih acara yang sedang berjalan untuk meja ini.',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
  expect(host.ctx.db.prepare('SELECT count(*) AS n FROM participant').get()).toEqual({ n: 0 });

  // The banner says so once the desk reads its event again; the event list offers the way back.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'diarsipkan' })).toBeVisible();
  await page.getByRole('button', { name: 'Acara' }).click();
  const row = page.locator('.event-list li').filter({ hasText: 'Pelatihan PSM 2022' });
  await expect(row).toContainText('Diarsipkan');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'desks-archived-id.png') });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(row).toContainText('Archived');
  await page.screenshot({ path: path.join(SHOTS, 'desks-archived-en.png') });
  await row.getByRole('button', { name: 'Take out of archive' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'archived' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Participants' }).click();
  await page.getByRole('button', { name: '+ Add participant' }).click();
  await page.getByRole('dialog').locator('input[name=name]').fill('Rina Marlina');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(host.ctx.db.prepare('SELECT count(*) AS n FROM participant').get()).toEqual({ n: 1 });
});
