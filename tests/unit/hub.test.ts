// Issue 19, items 1 and 4, against real sockets: the hub's certificate in the data folder, HTTPS
// and plain HTTP on one port, the live stream a check-in at one desk sends to every desk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Hub, listenBoth, type HubServer } from '../../electron/web/hub';
import { hubCertificate, tlsDir } from '../../electron/web/hub-cert';
import { webHandler } from '../../electron/web/server';
import { PSM_EVENT, ok, tempCtx, tempDir } from './../helpers/ctx';

const LAN = '192.0.2.77'; // a documentation address: only written into the certificate

describe('the hub certificate (data folder, tls/)', () => {
  it('is made once for this laptop\'s addresses, kept, and made again for a new address, a foreign key or its end', async () => {
    const dir = tempDir();
    const first = await hubCertificate(dir, [LAN]);
    const x = new crypto.X509Certificate(first.cert);
    // Valid for the LAN address and this computer, signed by its own key, the key readable by its owner only.
    expect(x.checkIP(LAN)).toBe(LAN);
    expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x.checkHost('localhost')).toBe('localhost');
    expect(x.checkIP('192.0.2.78')).toBeUndefined();
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.ca).toBe(true);
    expect(crypto.createPublicKey(first.key).export({ type: 'spki', format: 'der' })).toEqual(
      x.publicKey.export({ type: 'spki', format: 'der' }),
    );
    if (process.platform !== 'win32') expect(fs.statSync(path.join(tlsDir(dir), 'hub-key.pem')).mode & 0o077).toBe(0);
    expect(first.fingerprint).toBe(x.fingerprint256);

    // The next start on the same network keeps it: a desk that trusted it keeps trusting it.
    expect((await hubCertificate(dir, [LAN])).fingerprint).toBe(first.fingerprint);
    // Another network: a new certificate for both addresses.
    const moved = await hubCertificate(dir, ['10.1.2.3']);
    expect(moved.fingerprint).not.toBe(first.fingerprint);
    const y = new crypto.X509Certificate(moved.cert);
    expect([y.checkIP('10.1.2.3'), y.checkIP(LAN)]).toEqual(['10.1.2.3', LAN]);
    // A key that is not the certificate's (a half-copied folder): made again, not served broken.
    fs.writeFileSync(path.join(tlsDir(dir), 'hub-key.pem'), first.key);
    const mended = await hubCertificate(dir, ['10.1.2.3']);
    expect(mended.fingerprint).not.toBe(moved.fingerprint);
    // Within 30 days of its end: made again before an event can hit the expiry.
    const late = new Date(new crypto.X509Certificate(mended.cert).validToDate.getTime() - 10 * 86_400_000);
    expect((await hubCertificate(dir, ['10.1.2.3'], late)).fingerprint).not.toBe(mended.fingerprint);
  });
});

describe('the hub on one port: HTTPS, plain HTTP for this computer, live stream', () => {
  const KEY = 'K7Q2M9X4B1ZD';
  let server: HubServer | undefined;
  let hub: Hub | undefined;
  afterEach(async () => {
    hub?.live.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r) ?? r(null));
  });

  async function start() {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    const cert = await hubCertificate(ctx.dataDir, [LAN]);
    hub = new Hub(KEY, cert, [LAN]);
    server = listenBoth(cert, webHandler({ ctx, staticDir: tempDir(), loopbackOnly: false, hub }));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    hub.port = (server.address() as AddressInfo).port;
    return { ctx, event, cert, port: hub.port };
  }

  /** A request over TLS that trusts the hub's certificate only (it names 127.0.0.1). */
  function tls(port: number, ca: string, p: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
    return new Promise<{ status: number; res: import('node:http').IncomingMessage }>((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port, path: p, ca, method: init.method ?? 'GET', headers: init.headers }, (res) =>
        resolve({ status: res.statusCode ?? 0, res }),
      );
      req.on('error', reject);
      req.end(init.body);
    });
  }

  it('a scan at one desk reaches the live stream of another; a new key ends the stream and refuses the old key', async () => {
    const { cert, port, event } = await start();
    // Without the key, or with a wrong one: no stream.
    expect((await tls(port, cert.cert, '/api/live')).status).toBe(401);
    expect((await tls(port, cert.cert, '/api/live?key=K7Q2M9X4B1ZE')).status).toBe(401);

    const live = await tls(port, cert.cert, `/api/live?key=${KEY}`);
    expect(live.status).toBe(200);
    expect(live.res.headers['content-type']).toMatch(/^text\/event-stream/);
    let received = '';
    const changed = new Promise<void>((resolve) =>
      live.res.on('data', (c: Buffer) => ((received += c.toString()), /event: change/.test(received) && resolve())),
    );
    const ended = new Promise<void>((resolve) => live.res.on('end', resolve));

    // Another desk, over plain HTTP from this computer, scans a badge (any read is logged).
    const scan = await fetch(`http://127.0.0.1:${port}/api/checkin.scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hadir-key': KEY },
      body: JSON.stringify({ eventId: event.id, desk: 'Meja 2', text: 'HDXXXXXXXX', input: 'scanner' }),
    });
    expect(scan.status).toBe(200);
    await changed;
    const data = /event: change\ndata: (.*)\n/.exec(received)![1]!;
    // The hub screen lists the desk by the name it records under, with its address.
    const seen = await fetch(`http://127.0.0.1:${port}/hub/info`, { method: 'POST', headers: { 'x-hadir-key': KEY } });
    const desks = ((await seen.json()) as { value: { desks: { name: string; address: string }[] } }).value.desks;
    expect(desks.map((d) => [d.name, d.address])).toEqual([['Meja 2', '127.0.0.1']]);
    expect(JSON.parse(data)).toEqual({ op: 'checkin.scan', eventId: event.id, seq: 1 });
    // The answer names the same change (a desk, or the benchmark, tells its own change on the stream).
    expect(scan.headers.get('x-hadir-live-seq')).toBe('1');
    // Nothing about the person travels in a change event. The day's counters that follow (issue
    // 19, item 2) carry the last scans, exactly what checkin.stats gives any desk with the key.
    const changes = received.split('\n\n').filter((b) => b.startsWith('event: change'));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.join('\n')).not.toMatch(/HDXXXXXXXX/);

    hub!.newKey();
    await ended;
    expect((await tls(port, cert.cert, `/api/live?key=${KEY}`)).status).toBe(401);
    const old = await fetch(`http://127.0.0.1:${port}/api/event.list`, { method: 'POST', headers: { 'x-hadir-key': KEY } });
    expect(old.status).toBe(401);
    const fresh = await fetch(`http://127.0.0.1:${port}/api/event.list`, { method: 'POST', headers: { 'x-hadir-key': hub!.key } });
    expect(fresh.status).toBe(200);
  });

  it('a page on the https side must come from the https origin; the hub routes answer this computer only', async () => {
    const { cert, port } = await start();
    const post = (origin: string) =>
      tls(port, cert.cert, '/api/event.list', { method: 'POST', headers: { origin, 'x-hadir-key': KEY, 'content-type': 'application/json' }, body: '{}' });
    expect((await post(`https://127.0.0.1:${port}`)).status).toBe(200);
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(403);
    // The hub screen's data (the key as a QR code) from this computer, with the key.
    const info = await fetch(`http://127.0.0.1:${port}/hub/info`, { method: 'POST', headers: { 'x-hadir-key': KEY } });
    expect(info.status).toBe(200);
    const body = (await info.json()) as { value: { deskUrls: string[]; key: string } };
    expect(body.value.deskUrls).toEqual([`https://${LAN}:${port}/#key=${KEY}`]);
    const without = await fetch(`http://127.0.0.1:${port}/hub/info`, { method: 'POST' });
    expect(without.status).toBe(401);
  });
});
