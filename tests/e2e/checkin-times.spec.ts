import path from 'node:path';
import { eventTime } from '../../electron/shared/time-zone';
import { scope } from '../helpers/ctx';
import { op, todaysEvent } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';

// Issue 16, defect 5: the Peserta list showed a check-in in the browser's zone ("16.56") while
// the desk showed the event's ("23.56"). A browser far from the event (Los Angeles, 14 or 15 hours
// behind WIB) must show every time in the event's zone, labelled.
test.use({ ...LAPTOP, timezoneId: 'America/Los_Angeles' });

test("every time on screen is the event's, labelled, whatever the browser's zone (issue 16, defect 5)", async ({ page, host }) => {
  const event = await todaysEvent(host.ctx);
  const siti = await op(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Siti Aminah', role: 'Peserta' });
  const scan = await op(host.ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 2', text: siti.code, input: 'camera' });
  const backup = await op(host.ctx, 'backup.run', {});
  const wib = { id: eventTime(scan.scan.at, 'Asia/Jakarta', 'id'), en: eventTime(scan.scan.at, 'Asia/Jakarta', 'en') };
  expect(wib.id).toMatch(/^\d\d\.\d\d WIB$/);
  // The browser's own clock reads another hour: the test would not tell the two apart otherwise.
  const browserClock = await page.evaluate(
    (at) => new Date(at).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', hour12: false }),
    scan.scan.at,
  );
  expect(`${browserClock} WIB`).not.toBe(wib.id);

  await page.goto(host.url);
  const attendance = page.locator('tbody tr').filter({ hasText: 'Siti Aminah' }).locator('td.c-day');
  await expect(attendance).toHaveText([`✓ hadir, masuk pukul ${wib.id}`]);
  await page.screenshot({ path: path.join(SHOTS, 'list-times-zone-id.png') });

  await page.getByRole('button', { name: 'Kehadiran' }).click();
  const recent = page.getByTestId('recent-scans').locator('li').first();
  await expect(recent).toContainText(wib.id);
  await page.getByRole('searchbox').fill('Siti');
  await expect(page.getByText(`Hadir ${wib.id}`)).toBeVisible();

  await page.getByRole('button', { name: 'Laporan' }).click();
  await expect(page.getByText(/Cadangan terakhir:/)).toContainText(eventTime(backup.last!.at, 'Asia/Jakarta', 'id', { date: true }));

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByText(/Last backup:/)).toContainText(eventTime(backup.last!.at, 'Asia/Jakarta', 'en', { date: true }));
  await page.getByRole('button', { name: 'Check-in' }).click();
  await expect(page.getByTestId('recent-scans').locator('li').first()).toContainText(wib.en);
  await page.screenshot({ path: path.join(SHOTS, 'checkin-times-zone-en.png') });
  await page.getByRole('button', { name: 'Participants' }).click();
  await expect(attendance).toHaveText([`✓ present, checked in at ${wib.en}`]);
  await page.screenshot({ path: path.join(SHOTS, 'list-times-zone-en.png') });
});
