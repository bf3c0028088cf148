import { execFileSync } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import { PSM_EVENT, tempDir } from '../helpers/ctx';
import { op } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress, startHub } from './hub/start-hub';
import { expectAccessible } from './axe';

// The hub on the venue network (issue 19, item 1): HTTPS with the certificate it made for this
// laptop's address, plain HTTP only for the hub laptop itself, the desk address as a QR code on
// the hub screen, "new key" that drops every desk.
const KEY = 'K7Q2M9X4B1ZD';
const LAN = lanAddress();

/** A GET over real TLS that trusts only the hub's own certificate: it must name the LAN address. */
function getTrusting(url: string, ca: string, post?: { key: string; body: unknown; token?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        ca,
        method: post ? 'POST' : 'GET',
        headers: post
          ? { 'content-type': 'application/json', 'x-hadir-key': post.key, ...(post.token ? { 'x-hadir-desk': post.token } : {}) }
          : {},
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(post ? JSON.stringify(post.body) : undefined);
  });
}

test('the hub serves HTTPS to the LAN with its own certificate, shows the desk address as a QR code, and a new key drops every desk', async ({
  page,
  browser,
}) => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  const hub = await startHub(KEY, LAN!);
  try {
    const event = await op(hub.ctx, 'event.create', PSM_EVENT);
    // The certificate verifies for the LAN address (Node checks the IP against its names), and
    // it is the file a desk downloads.
    const cert = await getTrusting(`${hub.lanUrl}hub/certificate`, hub.cert.cert);
    expect(cert.status).toBe(200);
    expect(cert.body).toBe(hub.cert.cert);
    // Plain HTTP from the LAN carries no data: it is sent to HTTPS (the #key part stays in the browser).
    const plain = await fetch(`http://${LAN}:${hub.hub.port}/api/event.get`, { redirect: 'manual', method: 'POST' });
    expect(plain.status).toBe(308);
    expect(plain.headers.get('location')).toBe(`https://${LAN}:${hub.hub.port}/api/event.get`);

    // A phone desk on the LAN joins (its own token, issue 19 item 7) and records a scan under its
    // own name: the hub screen lists it.
    const joined = await getTrusting(`${hub.lanUrl}hub/join`, hub.cert.cert, { key: KEY, body: { name: 'Meja 2 – HP Rina' } });
    expect(joined.status).toBe(200);
    const token = (JSON.parse(joined.body) as { value: { token: string } }).value.token;
    const scan = await getTrusting(`${hub.lanUrl}api/checkin.scan`, hub.cert.cert, {
      key: KEY,
      token,
      body: { eventId: event.id, desk: 'Meja 2 – HP Rina', text: 'HDXXXXXXXXXXXX', input: 'camera', day: 1 },
    });
    expect(scan.status).toBe(200);

    // The hub laptop's own screen, over plain HTTP on 127.0.0.1.
    await page.setViewportSize(LAPTOP.viewport);
    await page.goto(`${hub.localUrl}#key=${KEY}`);
    await page.getByRole('button', { name: 'Meja lain' }).click();
    const qr = page.getByTestId('hub-qr');
    await expect(qr).toBeVisible();
    const png = path.join(tempDir('hadir-hubqr-'), 'qr.png');
    await qr.screenshot({ path: png });
    // What a phone's camera app reads off the screen is the whole desk address, key included.
    await expect(page.getByTestId('hub-desks')).toContainText('Meja 2 – HP Rina');
    await expect(page.getByTestId('hub-desks')).toContainText(LAN!);
    const read = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();
    expect(read).toBe(`https://${LAN}:${hub.hub.port}/#key=${KEY}`);
    await page.screenshot({ path: path.join(SHOTS, 'hub-id.png'), fullPage: true });
    await expectAccessible(page, 'hub screen');

    // A desk on the LAN opens that address (a test-only exemption from the certificate warning).
    const deskContext = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const desk = await deskContext.newPage();
    await desk.goto(read);
    // It joins as a check-in-only desk (issue 19, item 7): the check-in screen, no hub screen.
    await expect(desk.getByTestId('desk-role')).toHaveAttribute('data-role', 'checkin');
    await expect(desk.getByTestId('checkin-total')).toBeVisible();
    await expect(desk.getByRole('button', { name: 'Meja lain' })).toHaveCount(0);
    await expect(page.getByTestId('hub-live')).toBeVisible();
    await expectAccessible(desk, 'check-in-only desk');

    // New key: the hub keeps working with it, the desk is refused.
    await page.getByRole('button', { name: 'Kunci baru' }).click();
    await page.getByRole('button', { name: 'Ya, buat kunci baru' }).click();
    await expect(page.getByRole('status')).toContainText('Kunci baru dibuat');
    const newKey = await page.getByTestId('hub-key').innerText();
    expect(newKey).not.toBe(KEY);
    expect(hub.hub.key).toBe(newKey);
    await expect(page.getByTestId('hub-url')).toHaveText(`https://${LAN}:${hub.hub.port}/#key=${newKey}`);
    await desk.reload();
    await expect(desk.getByText('Kunci akses tidak ada atau salah')).toBeVisible();
    // With the new address it is back (it joins again: the hub forgot every desk's token).
    // (Only the #fragment differs from the open page, so the browser does not load it again by itself.)
    await desk.goto(`${hub.lanUrl}#key=${newKey}`);
    await desk.reload();
    await expect(desk.getByTestId('checkin-total')).toBeVisible();
    await expect(desk.getByTestId('desk-role')).toHaveAttribute('data-role', 'checkin');
    await deskContext.close();

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Other desks on the venue network' })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'hub-en.png'), fullPage: true });
  } finally {
    await hub.stop();
  }
});
