import path from 'node:path';
import { op, todaysEvent } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress, startHub } from './hub/start-hub';
import { expectAccessible } from './axe';

// Desk roles (issue 19, item 7): a desk on the venue network joins as "check-in only", sees the
// check-in screens only and is refused the organiser's operations by the hub; the organiser's
// PIN (set on the hub laptop) makes it an organiser desk; the hub lists the desks and revokes
// one, whose token is refused from then on while the other keeps working.
const KEY = 'K7Q2M9X4B1ZD';
const LAN = lanAddress();

test('a LAN desk is check-in only until the PIN; the hub lists desks and revokes one', async ({ browser }) => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  test.setTimeout(240_000); // three browser contexts and the hub's PIN checks on a loaded machine
  const hub = await startHub(KEY, LAN!);
  try {
    const { ctx } = hub;
    const event = await todaysEvent(ctx);
    await op(ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name: 'Siti Aminah', role: 'Peserta', nik: '1871014507800001' });

    const deskContext = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const desk = await deskContext.newPage();
    await desk.goto(`${hub.lanUrl}#key=${KEY}`);
    const role = desk.getByTestId('desk-role');
    await expect(role).toHaveAttribute('data-role', 'checkin');
    // Only the check-in screens: no participants, import, reports, event or hub screen.
    const nav = desk.getByRole('navigation', { name: 'main' });
    await expect(nav.getByRole('button')).toHaveText(['Kehadiran', 'Tanda Nama', 'Cek perangkat']);
    await expect(desk.getByTestId('checkin-total')).toBeVisible();
    // The hub itself refuses what the screens hide, with this desk's own token.
    const refused = await desk.evaluate(async (eventId) => {
      const token = (JSON.parse(sessionStorage.getItem('hadir.deskSession')!) as { token: string }).token;
      const res = await fetch('./api/participants.export', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hadir-key': sessionStorage.getItem('hadir.key')!, 'x-hadir-desk': token },
        body: JSON.stringify({ eventId, format: 'csv', includePersonal: true }),
      });
      return { status: res.status, body: (await res.json()) as { error: { message: string } } };
    }, event.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/hanya untuk check-in.* \/ This desk is check-in only/);

    // No PIN set yet: the desk is told where the organiser sets one.
    await expect(role).toContainText('Belum ada PIN penyelenggara');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-role-checkin-id.png') });
    await expectAccessible(desk, 'check-in-only desk');
    await role.getByRole('button', { name: 'Masukkan PIN penyelenggara' }).click();
    await desk.getByLabel('PIN penyelenggara').fill('2468');
    await role.getByRole('button', { name: 'Masuk' }).click();
    await expect(role.getByRole('alert')).toContainText('Pasang di laptop hub');

    // The organiser sets the PIN on the hub laptop's own screen (loopback, the key).
    const local = await browser.newContext(LAPTOP);
    const hubPage = await local.newPage();
    await hubPage.goto(`${hub.localUrl}#key=${KEY}`);
    await hubPage.getByRole('button', { name: 'Meja lain' }).click();
    await expect(hubPage.getByTestId('hub-pin-state')).toContainText('Belum ada PIN');
    await hubPage.getByLabel('PIN baru (4–8 angka)').fill('2468');
    await hubPage.getByRole('button', { name: 'Simpan PIN' }).click();
    await expect(hubPage.getByTestId('hub-pin-state')).toContainText('PIN sudah dipasang');

    // A second desk joins; the first enters the PIN and becomes an organiser desk.
    const otherContext = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const other = await otherContext.newPage();
    await other.goto(`${hub.lanUrl}#key=${KEY}`);
    await expect(other.getByTestId('desk-role')).toHaveAttribute('data-role', 'checkin');
    await other.getByTestId('desk-name').click();
    await other.getByLabel('Nama meja').fill('Meja 3 – HP Budi');
    await other.getByLabel('Nama meja').press('Enter');
    await desk.getByLabel('PIN penyelenggara').fill('1111');
    await role.getByRole('button', { name: 'Masuk' }).click();
    await expect(role.getByRole('alert')).toContainText('PIN penyelenggara salah');
    await desk.getByLabel('PIN penyelenggara').fill('2468');
    await role.getByRole('button', { name: 'Masuk' }).click();
    await expect(role).toHaveAttribute('data-role', 'organiser');
    await nav.getByRole('button', { name: 'Peserta' }).click();
    await expect(desk.getByTestId('list-count')).toHaveText('1 dari 1 peserta');

    // The hub lists both desks with their roles; the organiser revokes the second.
    const rows = hubPage.getByTestId('hub-desk');
    await expect(hubPage.getByTestId('hub-desks')).toContainText('Meja 3 – HP Budi');
    await expect(rows.filter({ hasText: 'Meja 3 – HP Budi' })).toContainText('Hanya check-in');
    await expect(rows.filter({ hasText: 'Penyelenggara' })).toHaveCount(1);
    await hubPage.screenshot({ path: path.join(SHOTS, 'hub-desks-id.png'), fullPage: true });
    await rows.filter({ hasText: 'Meja 3 – HP Budi' }).getByRole('button', { name: 'Cabut' }).click();
    await hubPage.getByRole('button', { name: 'Ya, cabut' }).click();
    await expect(rows.filter({ hasText: 'Meja 3 – HP Budi' })).toContainText('Dicabut');
    await hubPage.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(hubPage.getByTestId('hub-desks')).toContainText('Revoked');
    await hubPage.screenshot({ path: path.join(SHOTS, 'hub-desks-en.png'), fullPage: true });

    // The revoked desk is refused at its next request and says so; the other keeps working.
    await other.reload();
    await expect(other.getByTestId('desk-revoked')).toContainText('dicabut oleh penyelenggara');
    // Opening the same address again does not make it a new desk (only a new key would).
    await other.goto(`${hub.lanUrl}#key=${KEY}`);
    await other.reload();
    await expect(other.getByTestId('desk-revoked')).toBeVisible();
    await expect(other.getByRole('alert')).toHaveCount(1);
    await expect(hubPage.getByTestId('hub-desk')).toHaveCount(2);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM participant WHERE deleted_at IS NULL").get()).toEqual({ n: 1 });
    await desk.reload();
    // (The hub screen switched the kiosk's language to English a moment ago: the desk reads it on reload.)
    await expect(desk.getByTestId('list-count')).toHaveText(/^(1 dari 1 peserta|Showing 1 of 1)$/);
    await desk.getByRole('button', { name: 'EN', exact: true }).click();
    await nav.getByRole('button', { name: 'Check-in' }).click();
    await expect(role).toContainText('organiser desk');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-role-organiser-en.png') });
    await other.getByRole('button', { name: 'EN', exact: true }).click();
    await other.screenshot({ path: path.join(SHOTS, 'desk-revoked-en.png') });
    await Promise.all([deskContext.close(), otherContext.close(), local.close()]);
  } finally {
    await hub.stop();
  }
});
