import { badgeOf, op, sendKeys, todaysEvent, usKeys } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import path from 'node:path';
import { LAPTOP } from './seed';
import { lanAddress, startHub } from './hub/start-hub';
import { deskSnapshot } from './hub/desk-snapshot';

// A desk without the hub (issue 19, items 3 and 7): an idle desk says it lost the hub, since
// when, and how many scans wait; its provisional verdict uses its snapshot: someone already in
// today ("sudah hadir hari ini — belum terkirim", also after an earlier offline scan at this
// desk), a replaced badge ("kartu lama, diganti"), or a person not yet in.
const KEY = 'K7Q2M9X4B1ZD';
const LAN = lanAddress();


test('offline, the desk says so while idle, and its provisional verdicts use the snapshot: already in today, replaced badge', async ({ browser }) => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  test.setTimeout(180_000);
  const hub = await startHub(KEY, LAN!);
  try {
    const { ctx } = hub;
    const event = await todaysEvent(ctx);
    const add = (name: string) => op(ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name, role: 'Peserta' });
    const siti = await add('Siti Aminah');
    const budi = await add('Budi Santoso');
    const ani = await add('Ani Lestari');
    // Siti is already in today (at the hub's own desk); Ani lost her badge and got a new one.
    await op(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text: badgeOf(ctx, event.id, siti.code), input: 'camera' });
    const lost = await op(ctx, 'badges.reissue', { eventId: event.id, desk: 'Meja 1', id: ani.id });

    const context = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const desk = await context.newPage();
    await desk.goto(`${hub.lanUrl}#key=${KEY}`);
    await expect(desk.getByTestId('verdict')).toHaveAttribute('data-verdict', 'idle');
    await expect.poll(() => deskSnapshot(desk)).toEqual({ people: 3, replaced: 1 });

    // The Wi-Fi drops while nobody scans: the desk notices by itself and says since when.
    await context.setOffline(true);
    const banner = desk.getByTestId('checkin-offline');
    await expect(banner).toContainText('Hub tidak terjangkau sejak', { timeout: 30_000 });
    await expect(banner).toContainText('menunggu dikirim: 0');

    const cdp = await context.newCDPSession(desk);
    const verdict = desk.getByTestId('verdict');
    // Siti: already in today per the snapshot.
    await sendKeys(cdp, usKeys(badgeOf(ctx, event.id, siti.code)), 4, 'Enter');
    await expect(verdict).toHaveAttribute('data-provisional', 'already');
    await expect(verdict).toContainText('Sudah hadir hari ini — belum terkirim');
    await expect(verdict).toContainText('Siti Aminah');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-offline-already-id.png') });
    // Ani's old badge: replaced.
    await sendKeys(cdp, usKeys(badgeOf(ctx, event.id, lost.oldCode)), 4, 'Enter');
    await expect(verdict).toHaveAttribute('data-provisional', 'replaced');
    await expect(verdict).toContainText('Kartu lama, diganti — belum terkirim');
    await expect(verdict).toContainText('Ani Lestari');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-offline-replaced-id.png') });
    // Budi: in, not yet sent; his badge again after the repeat window: already in (this desk's own scan).
    await sendKeys(cdp, usKeys(badgeOf(ctx, event.id, budi.code)), 4, 'Enter');
    await expect(verdict).toHaveAttribute('data-provisional', 'present');
    await expect(verdict).toContainText('Hadir — belum terkirim');
    await desk.waitForTimeout(3500); // the desk's repeat filter ignores the same badge for 3 s
    await sendKeys(cdp, usKeys(badgeOf(ctx, event.id, budi.code)), 4, 'Enter');
    await expect(verdict).toHaveAttribute('data-provisional', 'already');
    await expect(verdict).toContainText('Budi Santoso');
    await expect(banner).toContainText('menunggu dikirim: 4');
    await desk.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(banner).toContainText('Scans waiting to be sent: 4');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-offline-already-en.png') });
    // Nothing reached the hub meanwhile: only Siti's scan at the hub's own desk.
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM scan').get()).toEqual({ n: 1 });

    // Back online: everything is sent, and the hub's verdicts stand (one attendance each).
    await context.setOffline(false);
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    const stored = ctx.db.prepare('SELECT COUNT(*) AS n FROM scan').get() as { n: number };
    expect(stored.n).toBe(5);
    const present = ctx.db
      .prepare("SELECT COUNT(DISTINCT participant_id) AS n FROM scan WHERE verdict = 'ok'")
      .get() as { n: number };
    expect(present.n).toBe(2); // Siti and Budi; Ani's old badge is refused by the hub
    await context.close();
  } finally {
    await hub.stop();
  }
});
