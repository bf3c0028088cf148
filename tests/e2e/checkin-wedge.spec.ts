import path from 'node:path';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { azerty, badgeOf, op, scanRows, sendKeys, todaysEvent, usKeys } from './checkin/desk';
import { scope } from '../helpers/ctx';

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
