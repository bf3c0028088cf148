// Issue 19, item 6: two laptops checked people in without a network; one event file is merged
// into the other from the event screen, and the result shows who was checked in on both, the
// same reconciliation the reports screen lists (one attendance stands).
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { ok, tempCtx } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { expectAccessible } from './axe';

test.use(LAPTOP);

test('merging the other laptop’s event file shows the people checked in on both', async ({ page, host }) => {
  // Laptop B made the event; laptop A (the host) took a copy before the event day.
  const b = tempCtx();
  const demo = await ok(b, 'event.createDemo', {});
  const copy = await ok(host.ctx, 'event.importFile', { bytes: (await ok(b, 'event.exportFile', {})).bytes, mode: 'new' });
  const people = (await ok(b, 'participants.list', { limit: 3 })).rows;
  // On the day, each laptop checks people in on its own: the first person at both.
  for (const p of [people[0]!, people[1]!]) await ok(host.ctx, 'checkin.scan', { eventId: copy.eventId, desk: 'Meja A', text: p.code, day: 1 });
  for (const p of [people[0]!, people[2]!]) await ok(b, 'checkin.scan', { eventId: demo.id, desk: 'Meja B', text: p.code, day: 1 });
  const fromB = await ok(b, 'event.exportFile', {});
  b.db.close();

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara' }).click();
  const card = page.getByRole('region', { name: 'Pindahkan acara ke laptop lain' });
  // The same card in English (its name changes with the language).
  const cardAny = page.locator('section[aria-labelledby="transfer-title"]');
  await card.getByRole('radio', { name: /Ke acara yang sama/ }).check();
  await card
    .getByTestId('event-import-file')
    .setInputFiles({ name: fromB.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(fromB.bytes) });
  await expect(card.getByTestId('event-imported')).toContainText('2 catatan pindai baru');
  const list = card.getByTestId('merge-recon-list');
  await expect(list.locator('tr[data-case="double"]')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list).toContainText(`${people[0]!.name} (${people[0]!.code})`);
  await expect(list).toContainText('Meja A');
  await expect(list).toContainText('Meja B');
  await expect(list.locator('tbody tr').first()).toContainText('(berlaku)');
  await card.screenshot({ path: path.join(SHOTS, 'merge-reconciliation-id.png') });
  await expectAccessible(page, 'event screen, merge reconciliation (id)');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(cardAny.getByTestId('merge-recon-list')).toContainText('Checked in at two desks');
  await cardAny.screenshot({ path: path.join(SHOTS, 'merge-reconciliation-en.png') });

  // The same case on the reports screen; three people present, not four.
  const stats = await dispatch(host.ctx, 'checkin.stats', { eventId: copy.eventId, day: 1 });
  expect(stats.ok && stats.value.present).toBe(3);
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByRole('button', { name: 'Laporan' }).click();
  await expect(page.getByTestId('recon-summary')).toContainText('1 kasus: 1 hadir di dua meja');
  await expect(page.getByTestId('recon-list').locator('tbody tr')).toHaveCount(2);
  await expectAccessible(page, 'reports, reconciliation (id)');
});
