import path from 'node:path';
import { localDate } from '../../electron/shared/time-zone';
import { PSM_EVENT, scope } from '../helpers/ctx';
import { op, sendKeys, usKeys } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';

test.use(LAPTOP);

const wib = (daysFromNow: number) => localDate(new Date(Date.now() + daysFromNow * 86_400_000), 'Asia/Jakarta');

test('the desk keeps its screen, its chosen day and its last undo across screens and reloads (issue 16, defect 12)', async ({
  page,
  host,
}) => {
  const event = await op(host.ctx, 'event.create', { ...PSM_EVENT, days: [wib(-1), wib(0)] });
  const add = (name: string) => op(host.ctx, 'participants.create', { ...scope(host.ctx), name, role: 'Peserta' });
  const siti = await add('Siti Aminah');
  const budi = await add('Budi Santoso');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Kehadiran' }).click();
  const dayShown = page.getByTestId('checkin-day');
  await expect(dayShown).toContainText('Hari 2');
  await page.getByRole('radio', { name: /^Hari 1/ }).check();
  await expect(dayShown).toContainText('dipilih manual');
  const cdp = await page.context().newCDPSession(page);
  await sendKeys(cdp, usKeys(siti.code), 5, 'Enter');
  await expect(page.getByTestId('verdict')).toContainText('Siti Aminah');
  const undo = page.getByRole('button', { name: 'Batalkan check-in terakhir: Siti Aminah' });
  await expect(undo).toBeVisible();

  // Another screen and back: the day and the undo are still there.
  await page.getByRole('button', { name: 'Peserta', exact: true }).click();
  await page.getByRole('button', { name: 'Kehadiran' }).click();
  await expect(dayShown).toContainText('Hari 1');
  await expect(dayShown).toContainText('dipilih manual');
  await expect(undo).toBeVisible();

  // A reload lands on the desk again, with both.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Kehadiran' })).toHaveAttribute('aria-current', 'page');
  await expect(dayShown).toContainText('Hari 1');
  await expect(dayShown).toContainText('dipilih manual');
  await expect(page.getByRole('radio', { name: /^Hari 1/ })).toBeChecked();
  await expect(undo).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'checkin-after-reload-id.png') });
  await undo.click();
  await page.getByRole('dialog').getByLabel('Alasan').fill('orang yang salah');
  await page.getByRole('dialog').getByRole('button', { name: 'Batalkan check-in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'dibatalkan' })).toContainText('Check-in Siti Aminah pada hari 1 dibatalkan.');
  await expect(undo).toBeHidden();
  await page.reload();
  await expect(dayShown).toContainText('dipilih manual');
  await expect(page.getByRole('button', { name: /^Batalkan check-in terakhir/ })).toHaveCount(0);

  // The remembered undo is still the kiosk's to check: Budi's check-in, taken back meanwhile at
  // another desk, is refused with a clear message after the reload, and nothing is written.
  await sendKeys(cdp, usKeys(budi.code), 5, 'Enter');
  await expect(page.getByTestId('verdict')).toContainText('Budi Santoso');
  await op(host.ctx, 'checkin.undo', { eventId: event.id, desk: 'Meja 2', participantId: budi.id, day: 1, reason: 'salah orang' });
  await page.reload();
  await page.getByRole('button', { name: 'Batalkan check-in terakhir: Budi Santoso' }).click();
  await page.getByRole('dialog').getByLabel('Alasan').fill('badge tertukar');
  await page.getByRole('dialog').getByRole('button', { name: 'Batalkan check-in' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Budi Santoso belum tercatat hadir pada hari 1.');
  const undos = host.ctx.db.prepare("SELECT participant_id AS pid, station, reason FROM scan WHERE verdict = 'undo' ORDER BY id").all();
  expect(undos).toEqual([
    { pid: siti.id, station: 'Meja 1', reason: 'orang yang salah' },
    { pid: budi.id, station: 'Meja 2', reason: 'salah orang' },
  ]);
});
