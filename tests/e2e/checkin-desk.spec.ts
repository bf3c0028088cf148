import { chromium } from '@playwright/test';
import path from 'node:path';
import { localDate } from '../../electron/shared/time-zone';
import { PSM_EVENT, scope } from '../helpers/ctx';
import { op, scanRows, sendKeys, todaysEvent, usKeys } from './checkin/desk';
import { expect, SHOTS, startHost, test } from './fixtures';
import { LAPTOP } from './seed';

test.use(LAPTOP);

const wib = (daysFromNow: number) => localDate(new Date(Date.now() + daysFromNow * 86_400_000), 'Asia/Jakarta');

test('search tells namesakes apart and checks in; undo with a reason; a walk-in is added and checked in', async ({
  page,
  host,
}) => {
  const event = await todaysEvent(host.ctx);
  const add = (name: string, regency: string, institution: string) =>
    op(host.ctx, 'participants.create', { ...scope(host.ctx), name, regency, institution, role: 'Peserta' });
  await add('Siti Aminah', 'Kota Metro', 'Dinas Sosial Kota Metro');
  const siti2 = await add('Siti Aminah', 'Kabupaten Tanggamus', 'Puskesmas Kota Agung');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Kehadiran' }).click();

  await page.getByRole('searchbox').fill('siti am');
  const hits = page.getByTestId('search-hits').locator('li');
  await expect(hits).toHaveCount(2);
  await expect(hits.nth(0)).toContainText('Kota Metro · Dinas Sosial Kota Metro');
  await expect(hits.nth(1)).toContainText('Kabupaten Tanggamus · Puskesmas Kota Agung');
  await hits.nth(1).getByRole('button', { name: 'Catat hadir' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'green');
  await expect(verdict).toContainText('Kabupaten Tanggamus · Peserta');
  await expect(hits.nth(1)).toContainText(/Hadir \d\d\.\d\d/);
  expect(scanRows(host.ctx)).toMatchObject([{ verdict: 'ok', input: 'search', pid: siti2.id, raw: siti2.code }]);
  await page.screenshot({ path: path.join(SHOTS, 'checkin-search-id.png') });

  // Undo the last check-in, with a reason.
  await page.getByRole('button', { name: 'Batalkan check-in terakhir: Siti Aminah' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Alasan').fill('orang yang salah');
  await dialog.getByRole('button', { name: 'Batalkan check-in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'dibatalkan' })).toHaveText(
    'Check-in Siti Aminah pada hari 1 dibatalkan.',
  );
  expect(host.ctx.db.prepare("SELECT reason, participant_id AS pid FROM scan WHERE verdict = 'undo'").all()).toEqual([
    { reason: 'orang yang salah', pid: siti2.id },
  ]);
  await expect(page.getByTestId('checkin-total')).toHaveText(/^0\s*dari 2 hadir$/);

  // A walk-in, in English.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('button', { name: '+ Walk-in participant' }).click();
  const walkIn = page.getByRole('dialog');
  await walkIn.getByLabel('Name').fill('Ni Luh Putu Ayu Kusumawati, A.Md.');
  await walkIn.getByLabel('Regency/City').fill('Kabupaten Lampung Barat');
  await page.screenshot({ path: path.join(SHOTS, 'checkin-walkin-en.png') });
  await walkIn.getByRole('button', { name: 'Add and check in' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'green');
  await expect(verdict).toContainText('Ni Luh Putu Ayu Kusumawati, A.Md.');
  const added = host.ctx.db.prepare("SELECT id, code FROM participant WHERE name LIKE 'Ni Luh%'").get() as {
    id: number;
    code: string;
  };
  await expect(page.getByRole('status').filter({ hasText: 'was added' })).toContainText(`Badge code: ${added.code}.`);
  await expect(page.getByTestId('recent-scans').locator('li')).toHaveCount(3);
  expect(scanRows(host.ctx).at(-1)).toMatchObject({ verdict: 'ok', input: 'walk_in', pid: added.id });
  await expect(page.getByTestId('checkin-total')).toHaveText(/^1\s*of 3 present$/);
  await page.screenshot({ path: path.join(SHOTS, 'checkin-walkin-done-en.png') });
  // Their name tag: the badges screen opens for that one person.
  await page.getByRole('button', { name: 'Print name tag' }).click();
  await expect(page.getByRole('button', { name: 'Name tags' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Ni Luh Putu Ayu Kusumawati, A.Md.').first()).toBeVisible();
  void event;
});

test("the day follows the event's calendar, the operator can choose another, and outside the event the desk says so", async ({
  page,
  host,
}) => {
  await op(host.ctx, 'event.create', { ...PSM_EVENT, days: [wib(-1), wib(0)] });
  const siti = await op(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Siti Aminah', role: 'Peserta' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Kehadiran' }).click();
  await expect(page.getByTestId('checkin-day')).toContainText('Hari 2');
  await page.getByRole('radio', { name: /^Hari 1/ }).check();
  await expect(page.getByTestId('checkin-day')).toContainText('Hari 1');
  await expect(page.getByTestId('checkin-day')).toContainText('dipilih manual');
  const cdp = await page.context().newCDPSession(page);
  await sendKeys(cdp, usKeys(siti.code), 4, 'Enter');
  await expect(page.getByTestId('verdict')).toContainText('Hari 1');
  expect(
    host.ctx.db
      .prepare('SELECT d.day_no AS day, s.day_source AS src FROM scan s JOIN event_day d ON d.id = s.event_day_id')
      .all(),
  ).toEqual([{ day: 1, src: 'operator' }]);

  // An event that ended last week: the desk says today is not an event day, and refuses.
  const past = await startHost();
  try {
    await op(past.ctx, 'event.create', { ...PSM_EVENT, days: [wib(-8), wib(-7)] });
    const budi = await op(past.ctx, 'participants.create', { ...scope(past.ctx), name: 'Budi Santoso', role: 'Peserta' });
    await page.goto(past.url);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    await expect(page.getByTestId('checkin-day')).toContainText('Bukan hari acara');
    await sendKeys(cdp, usKeys(budi.code), 4, 'Enter');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-reason', 'not_event_day');
    await expect(page.getByTestId('verdict')).toContainText('Budi Santoso');
    await page.screenshot({ path: path.join(SHOTS, 'checkin-not-event-day-id.png') });
  } finally {
    await page.goto('about:blank');
    await past.stop();
  }
});

test('a desk on the venue network over plain HTTP says the camera is unavailable, and scans with the handheld scanner', async () => {
  const KEY = 'K7Q2M9X4B1ZD';
  const host = await startHost({ loopbackOnly: false, accessKey: KEY });
  // "desk.venue" resolves to this machine: an http:// origin that is not loopback, as a second
  // laptop on the hotel network sees the kiosk.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--host-resolver-rules=MAP desk.venue 127.0.0.1'],
  });
  try {
    const event = await todaysEvent(host.ctx);
    const siti = await op(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Siti Aminah', role: 'Peserta' });
    const page = await browser.newPage(LAPTOP);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${host.url.replace('127.0.0.1', 'desk.venue')}#key=${KEY}`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    await expect(page.getByTestId('camera-problem')).toHaveText(
      'Kamera tidak tersedia karena halaman ini dibuka lewat HTTP biasa, bukan alamat yang aman: gunakan pemindai genggam atau cari nama.',
    );
    // The desk's name is set in the header, once for every screen of this desk.
    await page.getByTestId('desk-name').click();
    await page.getByLabel('Nama meja').fill('Meja Aula B');
    await page.getByLabel('Nama meja').press('Enter');
    await expect(page.getByTestId('desk-name')).toContainText('Meja Aula B');
    const cdp = await page.context().newCDPSession(page);
    await sendKeys(cdp, usKeys(siti.code), 4, 'Enter');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'green');
    expect(scanRows(host.ctx)).toMatchObject([{ verdict: 'ok', station: 'Meja Aula B', input: 'scanner' }]);
    await expect(page.getByTestId('checkin-total')).toHaveText(/^1\s*dari 1 hadir$/);
    await page.screenshot({ path: path.join(SHOTS, 'checkin-lan-desk-id.png') });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByTestId('camera-problem')).toContainText('opened over plain HTTP');
    await page.screenshot({ path: path.join(SHOTS, 'checkin-lan-desk-en.png') });
    expect(problems).toEqual([]);
    void event;
  } finally {
    await browser.close();
    await host.stop();
  }
});
