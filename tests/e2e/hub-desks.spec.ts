import path from 'node:path';
import { badgeVideo, browserWithFakeCamera } from './checkin/badge-video';
import { badgeOf, op, todaysEvent } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress, startHub } from './hub/start-hub';

// Desks on the venue network (issue 19, items 2 and 4): a phone (390×844, touch) with a rear
// camera checks in a tag the app printed over HTTPS at the hub's LAN address, and a laptop desk
// sees the counters change through the live stream.
const KEY = 'K7Q2M9X4B1ZD';
const LAN = lanAddress();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, timezoneId: 'Asia/Jakarta' } as const;

test('a phone-sized desk with a camera checks in a printed tag over HTTPS; a second desk sees it live', async ({ page }) => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  const hub = await startHub(KEY, LAN!);
  const { ctx } = hub;
  const event = await todaysEvent(ctx);
  const rina = await op(ctx, 'participants.create', {
    eventId: event.id,
    desk: 'Meja 1',
    name: 'Rina Marlina',
    regency: 'Kota Metro',
    role: 'Peserta',
  });
  const video = await badgeVideo(
    {
      name: rina.name,
      regency: rina.regency,
      institution: null,
      role: rina.role,
      roleIndex: 0,
      code: rina.code,
      payload: badgeOf(ctx, event.id, rina.code),
    },
    event.name,
  );
  // The phone: Chromium's fake camera shows the printed tag; the certificate warning is skipped
  // for this test only (a real desk accepts it once or installs the certificate).
  const phoneBrowser = await browserWithFakeCamera(video, ['--ignore-certificate-errors']);
  try {
    // The second desk, a laptop on the check-in screen.
    const laptopContext = await page
      .context()
      .browser()!
      .newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const laptop = await laptopContext.newPage();
    await laptop.goto(`${hub.lanUrl}#key=${KEY}`);
    await laptop.getByRole('button', { name: 'Kehadiran' }).click();
    await expect(laptop.getByTestId('checkin-total')).toContainText('0');
    // What the laptop's live stream receives, collected in the page.
    await laptop.evaluate((key) => {
      const w = window as unknown as { changes: string[] };
      w.changes = [];
      // With the desk's own token (issue 19, item 7), as the page's own stream does.
      const token = (JSON.parse(sessionStorage.getItem('hadir.deskSession')!) as { token: string }).token;
      new EventSource(`./api/live?key=${key}&desk=${token}`).addEventListener('change', (m) => w.changes.push((m as MessageEvent).data));
    }, KEY);

    const phoneContext = await phoneBrowser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    const problems: string[] = [];
    phone.on('pageerror', (e) => problems.push(e.message));
    // Which camera the page asks for: the rear one on a phone.
    await phone.addInitScript(() => {
      const w = window as unknown as { asked: unknown[] };
      w.asked = [];
      const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => (w.asked.push(c?.video), gum(c));
    });
    await phone.goto(`${hub.lanUrl}#key=${KEY}`);
    await phone.getByRole('button', { name: 'Kehadiran' }).click();
    const verdict = phone.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'green', { timeout: 30_000 });
    await expect(verdict).toContainText('Rina Marlina');
    const asked = await phone.evaluate(() => (window as unknown as { asked: { facingMode?: unknown }[] }).asked);
    expect(asked[0]?.facingMode).toEqual({ ideal: 'environment' });
    // Nothing is wider than the phone (no sideways scrolling), and the verdict fills its screen.
    expect(await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])).toEqual([390, 390]);
    const box = (await verdict.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(PHONE.viewport.width - 2);
    expect(box.height).toBeGreaterThanOrEqual(PHONE.viewport.height * 0.9);
    await phone.screenshot({ path: path.join(SHOTS, 'desk-phone-verdict-id.png') });

    // One attendance, stored once.
    const rows = ctx.db.prepare("SELECT station FROM scan WHERE verdict = 'ok'").all() as { station: string }[];
    expect(rows).toHaveLength(1);
    // The laptop desk got the change on its live stream, and its counters show the check-in.
    await expect
      .poll(() => laptop.evaluate(() => (window as unknown as { changes: string[] }).changes.length))
      .toBeGreaterThan(0);
    await expect(laptop.getByTestId('checkin-total')).toContainText('1');
    await expect(laptop.getByTestId('recent-scans')).toContainText('Rina Marlina');

    // The phone's screen after the verdict: camera, search and walk-in within reach.
    await verdict.click();
    await expect(verdict).toHaveAttribute('data-verdict', 'idle');
    await phone.screenshot({ path: path.join(SHOTS, 'desk-phone-id.png') });

    await phone.getByRole('button', { name: 'EN', exact: true }).click();
    await phone.screenshot({ path: path.join(SHOTS, 'desk-phone-en.png') });
    expect(problems).toEqual([]);
    await laptopContext.close();
  } finally {
    await phoneBrowser.close();
    await hub.stop();
  }
});
