import { execFileSync } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import { tempDir } from '../helpers/ctx';
import { badgeOf, op, todaysEvent } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress } from './hub/start-hub';
import { startKiosk } from './hub/start-kiosk';
import { expectAccessible } from './axe';
import { hubLayoutFaults } from './hub/hub-layout';

// Issue 19, item 1: the kiosk's own "Buka untuk meja lain" switch on its hub screen (the web host
// on 127.0.0.1, as Electron's window would call the same operations over IPC). Item 2: a desk's
// counters follow another desk's scan from the live stream, without reading checkin.stats.
const LAN = lanAddress();
const PHONE = { width: 390, height: 844 };

/** A desk's request over TLS to the LAN address (the hub's certificate is trusted in the test only). */
function lanPost(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: 'POST', rejectUnauthorized: false, agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** A kiosk on 127.0.0.1 (its hub closed) with today's event and these people, stopped after `use`. */
async function withKiosk(
  names: string[],
  use: (k: {
    kiosk: Awaited<ReturnType<typeof startKiosk>>;
    event: Awaited<ReturnType<typeof todaysEvent>>;
    people: { code: string }[];
  }) => Promise<void>,
): Promise<void> {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  const kiosk = await startKiosk();
  try {
    const event = await todaysEvent(kiosk.ctx);
    const people = [];
    for (const name of names)
      people.push(await op(kiosk.ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name, role: 'Peserta' }));
    await use({ kiosk, event, people });
  } finally {
    await kiosk.stop();
  }
}

test('the organiser opens the kiosk to other desks from the hub screen: address QR, key, a desk joins; closed, the desk is refused', async ({
  page,
  browser,
}) => {
  await withKiosk(['Rina Marlina'], async ({ kiosk }) => {
    await page.setViewportSize(LAPTOP.viewport);
    await page.goto(kiosk.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Meja lain' }).click();
    const toggle = page.getByRole('switch', { name: 'Buka untuk meja lain' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('hub-qr')).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-off-id.png'), fullPage: true });
    await expectAccessible(page, 'hub screen, switch off');
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-off-phone-id.png'), fullPage: true });
    await page.setViewportSize(LAPTOP.viewport);

    // On: the same hub as --host 0.0.0.0, on this laptop's LAN address.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    const qr = page.getByTestId('hub-qr').first();
    await expect(qr).toBeVisible();
    const key = await page.getByTestId('hub-key').innerText();
    const status = await kiosk.sw.status();
    const url = status.info!.deskUrls.find((u) => u.includes(LAN!))!;
    expect(url).toMatch(new RegExp(`^https://${LAN!.replace(/\./g, '\\.')}:\\d+/#key=${key}$`));
    await expect(page.getByTestId('hub-url').first()).toHaveText(status.info!.deskUrls[0]!);
    // What a phone's camera reads off the screen.
    const png = path.join(tempDir('hadir-hubqr-'), 'qr.png');
    await qr.screenshot({ path: png });
    const read = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();
    expect(read).toBe(status.info!.deskUrls[0]);

    // A desk on the LAN opens it (a test-only exemption from the certificate warning) and joins.
    const deskContext = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const desk = await deskContext.newPage();
    await desk.goto(url);
    await expect(desk.getByTestId('desk-role')).toHaveAttribute('data-role', 'checkin');
    await expect(desk.getByTestId('checkin-total')).toBeVisible();
    await expect(page.getByTestId('hub-desks')).toContainText('Meja 1', { timeout: 15_000 });
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-on-id.png'), fullPage: true });
    expect(await hubLayoutFaults(page)).toEqual([]);
    await expectAccessible(page, 'hub screen, switch on');
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-on-phone-id.png'), fullPage: true });
    expect(await hubLayoutFaults(page)).toEqual([]);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('switch', { name: 'Open to other desks' })).toHaveAttribute('aria-checked', 'true');
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-on-phone-en.png'), fullPage: true });
    expect(await hubLayoutFaults(page)).toEqual([]);
    await page.setViewportSize(LAPTOP.viewport);
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-on-en.png'), fullPage: true });
    expect(await hubLayoutFaults(page)).toEqual([]);

    // Off (confirmed): the desk's page can no longer reach the hub.
    await page.getByRole('switch', { name: 'Open to other desks' }).click();
    await page.getByRole('button', { name: 'Yes, close' }).click();
    await expect(page.getByRole('switch', { name: 'Open to other desks' })).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('hub-qr')).toHaveCount(0);
    await expect(lanPost(new URL('/hub/join', url).href, { name: 'x' }, { 'x-hadir-key': key })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect((await kiosk.sw.status()).open).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-off-en.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(SHOTS, 'hub-switch-off-phone-en.png'), fullPage: true });
    await deskContext.close();
  });
});

test("a desk's counters follow another desk's scan from the live stream, with no checkin.stats request, and match a fresh read", async ({
  page,
  browser,
}) => {
  await withKiosk(['Rina Marlina', 'Budi Santoso', 'Siti Aminah'], async ({ kiosk, event, people }) => {
    const status = await kiosk.ctx.hub!.open({ port: 0 });
    const url = status.info!.deskUrls.find((u) => u.includes(LAN!))!;
    void page;

    // Desk A, a laptop on the LAN, watching its counters.
    const ctxA = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const deskA = await ctxA.newPage();
    const statsReads: string[] = [];
    deskA.on('request', (r) => r.url().includes('/api/checkin.stats') && statsReads.push(r.url()));
    const streamOpen = deskA.waitForResponse((r) => r.url().includes('/api/live'));
    await deskA.goto(url);
    await expect(deskA.getByTestId('checkin-total')).toContainText('0');
    await streamOpen;

    // Desk B scans over the LAN with its own token.
    const key = status.info!.key;
    const b = await lanPost(new URL('/hub/join', url).href, { name: 'Meja B' }, { 'x-hadir-key': key });
    const asB = { 'x-hadir-key': key, 'x-hadir-desk': b.json.value.token as string };
    // The stream has said it pushes counters before the count starts (the page asks nothing after).
    await expect.poll(() => deskA.evaluate(() => document.readyState)).toBe('complete');
    const before = statsReads.length;
    for (const [i, p] of people.slice(0, 2).entries()) {
      const scan = await lanPost(
        new URL('/api/checkin.scan', url).href,
        { eventId: event.id, desk: 'x', text: badgeOf(kiosk.ctx, event.id, p.code), input: 'camera' },
        asB,
      );
      expect(scan.json.value.verdict).toBe('green');
      await expect(deskA.getByTestId('checkin-total').locator('.counters-big')).toHaveText(String(i + 1), { timeout: 15_000 });
    }
    await expect(deskA.getByTestId('recent-scans')).toContainText('Budi Santoso');
    expect(statsReads.slice(before)).toEqual([]);
    // What it shows is what a fresh read says.
    const fresh = await op(kiosk.ctx, 'checkin.stats', { eventId: event.id, day: null });
    expect(fresh.present).toBe(2);
    await expect(deskA.getByTestId('checkin-total')).toContainText(`${fresh.present}`);
    await ctxA.close();
  });
});
