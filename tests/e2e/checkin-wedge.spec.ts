import path from 'node:path';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { azerty, badgeOf, op, scanRows, sendKeys, sendKeysAt, todaysEvent, usKeys } from './checkin/desk';
import { localDate } from '../../electron/shared/time-zone';
import { PSM_EVENT, scope } from '../helpers/ctx';

test.use(LAPTOP);

test('a handheld scanner checks people in from anywhere on the screen; a person typing does not', async ({ page, host }) => {
  const event = await todaysEvent(host.ctx);
  const add = (name: string, regency: string) =>
    op(host.ctx, 'participants.create', { ...scope(host.ctx), name, regency, role: 'Peserta' });
  const siti = await add('Siti Aminah', 'Kota Metro');
  const budi = await add('Budi Santoso', 'Kabupaten Tanggamus');
  const wayan = await add('I Wayan Ariawan', 'Kabupaten Pringsewu');
  const citra = await add('Citra Lestari', 'Kabupaten Lampung Barat');
  const dewi = await add('Dewi Rahmawati', 'Kota Bandar Lampung');
  // Citra came in earlier through another desk.
  await op(host.ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 2', text: citra.code, input: 'camera' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Kehadiran' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'idle');
  const cdp = await page.context().newCDPSession(page);

  // 1. Full badge text, Enter suffix, nothing focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await sendKeys(cdp, usKeys(badgeOf(host.ctx, event.id, siti.code)), 4, 'Enter');
  await expect(verdict).toHaveAttribute('data-verdict', 'green');
  await expect(verdict).toContainText('Siti Aminah');
  await expect(verdict).toContainText('Kota Metro · Peserta');

  // 2. No suffix, while the operator's cursor is in the search box: the scan is taken and the
  //    box gets its text back.
  const search = page.getByRole('searchbox');
  await search.fill('bu');
  await sendKeys(cdp, usKeys(badgeOf(host.ctx, event.id, budi.code)), 4);
  await expect(verdict).toContainText('Budi Santoso');
  await expect(search).toHaveValue('bu');

  // 3. An AZERTY system: other characters, same physical keys; Tab suffix; the bare code.
  await sendKeys(cdp, azerty(usKeys(wayan.code)), 6, 'Tab');
  await expect(verdict).toContainText('I Wayan Ariawan');
  await expect(search).toBeFocused(); // the Tab was the scanner's, not a focus move

  // 4. Someone typing Dewi's code by hand, at a person's pace, with Enter: no scan. Then a
  //    scanner reads Citra's badge (amber: she came in at Meja 2); the slow keys were all
  //    handled before it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await sendKeys(cdp, usKeys(dewi.code), 150, 'Enter');
  await sendKeys(cdp, usKeys(badgeOf(host.ctx, event.id, citra.code)), 4, 'Enter');
  await expect(verdict).toHaveAttribute('data-verdict', 'amber');
  await expect(verdict).toContainText('Sudah tercatat hadir');
  await expect(verdict).toContainText('di Meja 2');
  await page.screenshot({ path: path.join(SHOTS, 'checkin-amber-id.png') });

  // The same badge again within 3 seconds is ignored: no row, the amber stays. Dewi's badge
  // (never read: her code was only typed slowly) is green.
  await sendKeys(cdp, usKeys(citra.code), 4, 'Enter');
  await sendKeys(cdp, usKeys(dewi.code), 4, 'Enter');
  await expect(verdict).toContainText('Dewi Rahmawati');
  expect(scanRows(host.ctx).map((r) => [r.verdict, r.input, r.station, r.pid])).toEqual([
    ['ok', 'camera', 'Meja 2', citra.id],
    ['ok', 'scanner', 'Meja 1', siti.id],
    ['ok', 'scanner', 'Meja 1', budi.id],
    ['ok', 'scanner', 'Meja 1', wayan.id],
    ['duplicate', 'scanner', 'Meja 1', citra.id],
    ['ok', 'scanner', 'Meja 1', dewi.id],
  ]);
  expect(scanRows(host.ctx)[3]!.raw).toBe(wayan.code);
  await expect(page.getByTestId('checkin-total')).toHaveText(/^5\s*dari 5 hadir$/);
});

/** Times for `n` keys 5 ms apart, with `pauseMs` more before key `at` (a clump held back). */
const heldBack = (n: number, at: number, pauseMs: number) => Array.from({ length: n }, (_, i) => i * 5 + (i >= at ? pauseMs : 0));

test('scanner keys never reach the day choice, and reads held back or cut short still check in (issue 16, defects 3 and 4)', async ({
  page,
  host,
}) => {
  const today = localDate(new Date(), 'Asia/Jakarta');
  const tomorrow = localDate(new Date(Date.now() + 86_400_000), 'Asia/Jakarta');
  const event = await op(host.ctx, 'event.create', { ...PSM_EVENT, days: [today, tomorrow] });
  const add = (name: string) => op(host.ctx, 'participants.create', { ...scope(host.ctx), name, role: 'Peserta' });
  const [siti, budi, wayan, citra] = await Promise.all(['Siti Aminah', 'Budi Santoso', 'I Wayan Ariawan', 'Citra Lestari'].map(add));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Kehadiran' }).click();
  const verdict = page.getByTestId('verdict');
  const dayShown = page.getByTestId('checkin-day');
  await expect(dayShown).toContainText('Hari 1');
  const cdp = await page.context().newCDPSession(page);

  // The operator picks day 1 by hand (the mouse), so the day choice keeps the focus. A scanner's
  // "HD…" then types an H: the day must stay day 1 and the scan land on day 1.
  const day1 = page.getByRole('radio', { name: /^Hari 1/ });
  await day1.click();
  await expect(day1).toBeFocused();
  await expect(dayShown).toContainText('dipilih manual');
  await sendKeys(cdp, usKeys(badgeOf(host.ctx, event.id, siti!.code)), 5, 'Enter');
  await expect(verdict).toContainText('Siti Aminah');
  await expect(verdict).toHaveAttribute('data-verdict', 'green');
  await expect(day1).toBeChecked();
  await expect(dayShown).toContainText('Hari 1');
  await expect(dayShown).toContainText('dipilih manual');

  // A badge whose "HD" came 80 ms before the rest (a loaded laptop): read whole, day 1 still.
  const budiKeys = usKeys(badgeOf(host.ctx, event.id, budi!.code));
  await sendKeysAt(cdp, budiKeys, heldBack(budiKeys.length + 1, 2, 80), 'Enter');
  await expect(verdict).toContainText('Budi Santoso');
  // The same with a pause inside the event tag and a late Enter, while the focus is on day 2's radio
  // without choosing it (Tab moves along the group's checked radio only, so focus it directly).
  await page.getByRole('radio', { name: /^Hari 2/ }).focus();
  const wayanKeys = usKeys(badgeOf(host.ctx, event.id, wayan!.code));
  await sendKeysAt(cdp, wayanKeys, [...heldBack(wayanKeys.length, 4, 90), wayanKeys.length * 5 + 180], 'Enter');
  await expect(verdict).toContainText('I Wayan Ariawan');
  await expect(day1).toBeChecked();

  // A read whose first two characters never arrived: what remains is one badge of this event.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await sendKeys(cdp, usKeys(badgeOf(host.ctx, event.id, citra!.code).slice(2)), 5, 'Enter');
  await expect(verdict).toContainText('Citra Lestari');
  await expect(verdict).toHaveAttribute('data-verdict', 'green');
  await page.screenshot({ path: path.join(SHOTS, 'checkin-day-chosen-id.png') });

  const days = host.ctx.db
    .prepare(
      `SELECT p.name, d.day_no AS day, s.day_source AS src, s.verdict FROM scan s
       JOIN event_day d ON d.id = s.event_day_id JOIN participant p ON p.id = s.participant_id ORDER BY s.id`,
    )
    .all();
  expect(days).toEqual([
    { name: 'Siti Aminah', day: 1, src: 'operator', verdict: 'ok' },
    { name: 'Budi Santoso', day: 1, src: 'operator', verdict: 'ok' },
    { name: 'I Wayan Ariawan', day: 1, src: 'operator', verdict: 'ok' },
    { name: 'Citra Lestari', day: 1, src: 'operator', verdict: 'ok' },
  ]);
});
