// Issue 19, item 1: the kiosk's own "Buka untuk meja lain" switch. The operations hub.open /
// hub.close / hub.status, called on the kiosk's loopback web host (as its hub screen does) or by
// dispatch (as Electron's IPC does), start and stop a real HTTPS listener on every interface
// (0.0.0.0) over a real data folder; a desk joins over TLS at this machine's LAN address, scans,
// and is refused once the switch is off. Item 2: the live stream carries the day's counters.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { eventTag } from '../../electron/core/qr/event-tag';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { badgePayload } from '../../electron/shared/badge-payload';
import type { HubStatus } from '../../electron/shared/hub';
import { localDate } from '../../electron/shared/time-zone';
import { HubSwitch } from '../../electron/web/hub-switch';
import { Hub, listenBoth } from '../../electron/web/hub';
import { hubCertificate } from '../../electron/web/hub-cert';
import { webHandler } from '../../electron/web/server';
import { hubSwitchFile } from '../../electron/web/hub-switch-file';
import { lanAddresses } from '../../electron/web/lan-addresses';
import { createWebHost } from '../../electron/web/server';
const KEY = 'K7Q2M9X4B1ZD';
import { PSM_EVENT, RESOURCES, ok, tempDir, testWorkerEntry } from '../helpers/ctx';

const LAN = lanAddresses()[0];

type Json = { ok: boolean; value?: any; error?: { code: string; message: string; params?: Record<string, number> } };
type Answer = { status: number; json: Json };

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** The kiosk on a data folder: its loopback web host (no key: this computer only) and its switch. */
async function kiosk(folder = tempDir()) {
  const ctx: Ctx = openContext(folder, 'web', RESOURCES, { actor: 'test', jobsWorker: testWorkerEntry() });
  const staticDir = tempDir();
  fs.writeFileSync(`${staticDir}/index.html`, '<!doctype html><title>Hadir</title>');
  const sw = new HubSwitch(ctx, staticDir);
  ctx.hub = sw;
  const host = createWebHost({ ctx, staticDir, hubSwitch: sw });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const port = (host.address() as AddressInfo).port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await sw.shutdown();
    host.closeAllConnections();
    await new Promise((r) => host.close(r));
    ctx.db.close();
  };
  cleanup.push(stop);
  /** The kiosk's own page calling an operation on its loopback host. */
  const op = async (name: string, input: unknown = {}): Promise<Answer> => {
    const r = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: r.status, json: (await r.json()) as Json };
  };
  return { ctx, sw, op, folder, stop };
}

/** A request from a desk on the venue network: TLS to the LAN address, trusting the hub's own certificate only. */
function lan(port: number, path: string, body: unknown, headers: Record<string, string>, ca: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: LAN, port, path, ca, method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') as Json }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** A desk's live stream over TLS: every event block as it arrives; `ended` once the hub closes it. */
function stream(port: number, key: string, token: string, ca: string) {
  const blocks: string[] = [];
  let ended = false;
  let open = false;
  const req = https.get({ host: LAN, port, path: `/api/live?key=${key}&desk=${token}`, ca, agent: false }, (res) => {
    open = res.statusCode === 200;
    res.setEncoding('utf8');
    let buf = '';
    res.on('data', (c: string) => {
      buf += c;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) (blocks.push(buf.slice(0, i)), (buf = buf.slice(i + 2)));
    });
    res.on('close', () => (ended = true));
  });
  req.on('error', () => (ended = true));
  return { blocks, ended: () => ended, open: () => open, close: () => req.destroy() };
}

/** Waits on a condition (never on a fixed time: the CI machine is loaded). */
async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const badge = (ctx: Ctx, eventId: number, code: string) => {
  const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(eventId) as { secret: Buffer };
  return badgePayload(eventTag(secret), code);
};

/** hub.open on any free port, through the kiosk's loopback host; a refusal fails with its message. */
async function openHub(op: (name: string, input?: unknown) => Promise<Answer>): Promise<HubStatus> {
  const r = await op('hub.open', { port: 0 });
  expect(r.json.error, 'hub.open').toBeUndefined();
  return r.json.value as HubStatus;
}

const portOf = (s: HubStatus) => Number(new URL(s.info!.deskUrls.find((u) => u.includes(LAN!))!).port);

describe.skipIf(!LAN)("the kiosk's switch: hub.open / hub.close (a LAN listener over HTTPS)", () => {
  it('opens through the operation on the loopback host, a desk joins and scans over TLS, and is refused after it closes', async () => {
    const { ctx, op, folder } = await kiosk();
    const event = await ok(ctx, 'event.create', { ...PSM_EVENT, days: [localDate(new Date(), 'Asia/Jakarta')] });
    const siti = await ok(ctx, 'participants.create', {
      eventId: event.id,
      desk: 'Meja 1',
      name: 'Siti Aminah',
      role: 'Peserta',
    });
    const budi = await ok(ctx, 'participants.create', {
      eventId: event.id,
      desk: 'Meja 1',
      name: 'Budi Santoso',
      role: 'Peserta',
    });

    const closed = await op('hub.status');
    expect(closed.json.value).toMatchObject({ available: true, open: false, fixed: false, info: null });

    const opened = await op('hub.open', { port: 0 });
    expect(opened.status).toBe(200);
    const s = opened.json.value as HubStatus;
    expect(s.open).toBe(true);
    const port = portOf(s);
    expect(port).toBeGreaterThan(0);
    expect(s.info!.deskUrls).toContain(`https://${LAN}:${port}/#key=${s.info!.key}`);
    expect(s.info!.qrSvgs[0]).toMatch(/^<svg/);
    // The certificate it made for this laptop's addresses, kept in the data folder.
    const ca = fs.readFileSync(`${folder}/tls/hub-cert.pem`, 'utf8');
    const key = s.info!.key;

    // A desk at the LAN address: without the key nothing; with it, it joins (check-in only) and scans.
    expect((await lan(port, '/hub/join', { name: 'Meja 2 – HP Rina' }, {}, ca)).status).toBe(401);
    const joined = await lan(port, '/hub/join', { name: 'Meja 2 – HP Rina' }, { 'x-hadir-key': key }, ca);
    expect(joined.json.value).toMatchObject({ role: 'checkin' });
    const token = joined.json.value.token as string;
    const as = { 'x-hadir-key': key, 'x-hadir-desk': token };
    const live = stream(port, key, token, ca);
    await until('the desk stream opens', () => live.open());
    const scan = await lan(
      port,
      '/api/checkin.scan',
      { eventId: event.id, desk: 'x', text: badge(ctx, event.id, siti.code), input: 'camera' },
      as,
      ca,
    );
    expect(scan.json.value).toMatchObject({ verdict: 'green' });
    expect(ctx.db.prepare('SELECT station FROM scan').all()).toEqual([{ station: 'Meja 2 – HP Rina' }]);

    // A check-in-only desk cannot open, close or read the hub.
    for (const name of ['hub.open', 'hub.close', 'hub.status', 'hub.newKey']) {
      const r = await lan(port, `/api/${name}`, {}, as, ca);
      expect(r.status, name).toBe(403);
      expect(r.json.error!.params, name).toEqual({ checkinOnly: 1 });
    }

    // The kiosk's own scan reaches the desk's stream (one live feed for the kiosk and the LAN)…
    const kioskScan = await op('checkin.scan', {
      eventId: event.id,
      desk: 'Meja Kiosk',
      text: badge(ctx, event.id, budi.code),
      input: 'camera',
    });
    expect(kioskScan.json.value).toMatchObject({ verdict: 'green' });
    await until('the kiosk scan on the desk stream', () =>
      live.blocks.some((b) => b.startsWith('event: change') && b.includes('"seq"')),
    );
    // …and the hub screen lists the kiosk's desk beside the joined one.
    const names = ((await op('hub.status')).json.value as HubStatus).info!.desks.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Meja 2 – HP Rina', 'Meja Kiosk']));

    // Off: the listener stops, the desk's live stream ends, the desk cannot connect any more.
    const off = await op('hub.close');
    expect(off.json.value).toMatchObject({ open: false, info: null });
    await until('the desk stream ends', () => live.ended());
    await expect(lan(port, '/api/checkin.search', { eventId: event.id, query: 'siti' }, as, ca)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    // The kiosk itself carries on.
    expect((await op('checkin.stats', { eventId: event.id })).json.value.present).toBe(2);
    // Off is remembered: no key kept.
    expect(JSON.parse(fs.readFileSync(hubSwitchFile(folder), 'utf8'))).toEqual({ version: 1, open: false });
  });

  it('an organiser desk on the LAN cannot switch it either (the hub laptop only); hub.close from Electron (dispatch) works', async () => {
    const { ctx, op, folder } = await kiosk();
    const s = await openHub(op);
    const port = portOf(s);
    const ca = fs.readFileSync(`${folder}/tls/hub-cert.pem`, 'utf8');
    const key = s.info!.key;
    await fetch(`http://127.0.0.1:${port}/hub/pin`, {
      method: 'POST',
      headers: { 'x-hadir-key': key, 'content-type': 'application/json' },
      body: '{"pin":"4321"}',
    });
    const t = (await lan(port, '/hub/join', { name: 'Meja Panitia' }, { 'x-hadir-key': key }, ca)).json.value.token as string;
    const boss = await lan(
      port,
      '/hub/join',
      { name: 'Meja Panitia', pin: '4321' },
      { 'x-hadir-key': key, 'x-hadir-desk': t },
      ca,
    );
    expect(boss.json.value.role).toBe('organiser');
    const r = await lan(port, '/api/hub.close', {}, { 'x-hadir-key': key, 'x-hadir-desk': t }, ca);
    expect([r.status, r.json.error!.params]).toEqual([403, { hubLaptopOnly: 1 }]);
    expect(r.json.error!.message).toMatch(/laptop hub .* \/ Only on the hub laptop/);
    // The IPC path: dispatch on the kiosk's context.
    const closed = await dispatch(ctx, 'hub.close', {});
    expect(closed).toMatchObject({ ok: true, value: { open: false } });
    await expect(lan(port, '/hub/join', { name: 'x' }, { 'x-hadir-key': key }, ca)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('stays on across a restart (same port and key: desks carry on), and off once turned off; the CLI has no switch', async () => {
    const first = await kiosk();
    const s = await openHub(first.op);
    const port = portOf(s);
    await first.stop(); // the kiosk stops with the switch on
    const again = await kiosk(first.folder);
    const resumed = await again.sw.resume();
    expect(resumed.open).toBe(true);
    expect(portOf(resumed)).toBe(port);
    expect(resumed.info!.key).toBe(s.info!.key);
    await again.op('hub.close');
    await again.stop();
    const third = await kiosk(first.folder);
    expect((await third.sw.resume()).open).toBe(false);
    // A new "on" makes a new key: a desk of the last session gets nothing.
    const reopened = (await third.op('hub.open', { port: 0 })).json.value as HubStatus;
    expect(reopened.info!.key).not.toBe(s.info!.key);

    // The CLI has no LAN listener: the status says so, opening is refused in both languages.
    const cli = openContext(tempDir(), 'cli', RESOURCES, { actor: 'cli' });
    cleanup.push(() => void cli.db.close());
    expect(await dispatch(cli, 'hub.status', {})).toMatchObject({ ok: true, value: { available: false, open: false } });
    const refused = await dispatch(cli, 'hub.open', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', params: { hubUnavailable: 1 } } });
  });

  it("pushes the day's counters on the live stream after a scan, once for every desk, equal to a fresh checkin.stats", async () => {
    const { ctx, op, folder } = await kiosk();
    const event = await ok(ctx, 'event.create', { ...PSM_EVENT, days: [localDate(new Date(), 'Asia/Jakarta')] });
    const people = [];
    for (const name of ['Siti Aminah', 'Budi Santoso', 'Rina Wati'])
      people.push(await ok(ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name, role: 'Peserta' }));
    const s = await openHub(op);
    const port = portOf(s);
    const ca = fs.readFileSync(`${folder}/tls/hub-cert.pem`, 'utf8');
    const key = s.info!.key;
    const desks = [];
    for (const n of ['Meja 2', 'Meja 3']) {
      const token = (await lan(port, '/hub/join', { name: n }, { 'x-hadir-key': key }, ca)).json.value.token as string;
      const live = stream(port, key, token, ca);
      await until(`${n} stream`, () => live.blocks.some((b) => b.startsWith('event: ready')));
      expect(live.blocks.find((b) => b.startsWith('event: ready'))).toContain('"counters":true');
      desks.push({ token, live });
    }
    const [a, b] = desks as [(typeof desks)[0], (typeof desks)[0]];
    const counters = (d: typeof a) =>
      d.live.blocks.filter((x) => x.startsWith('event: counters')).map((x) => JSON.parse(x.slice(x.indexOf('data: ') + 6)));
    await lan(
      port,
      '/api/checkin.scan',
      { eventId: event.id, desk: 'x', text: badge(ctx, event.id, people[0]!.code), input: 'camera' },
      { 'x-hadir-key': key, 'x-hadir-desk': a.token },
      ca,
    );
    await until('counters at both desks', () => counters(a).length > 0 && counters(b).length > 0);
    const pushed = counters(b).at(-1);
    const fresh = await ok(ctx, 'checkin.stats', { eventId: event.id, day: null });
    expect(pushed.eventId).toBe(event.id);
    expect(pushed.stats).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(pushed.stats.present).toBe(1);
    expect(counters(a).at(-1)).toEqual(pushed);
  });

  it('a hub started from the command line (--host) answers the same operations as on and fixed: its screen cannot close it', async () => {
    const ctx = openContext(tempDir(), 'web', RESOURCES, { actor: 'test' });
    const cert = await hubCertificate(ctx.dataDir, [LAN!]);
    const hub = new Hub(KEY, cert, [LAN!]);
    const server = listenBoth(cert, webHandler({ ctx, staticDir: tempDir(), loopbackOnly: false, hub }));
    await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
    hub.port = (server.address() as AddressInfo).port;
    cleanup.push(async () => {
      hub.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      ctx.db.close();
    });
    const local = async (name: string) => {
      const r = await fetch(`http://127.0.0.1:${hub.port}/api/${name}`, { method: 'POST', headers: { 'x-hadir-key': KEY } });
      return (await r.json()) as Json;
    };
    expect((await local('hub.status')).value).toMatchObject({ available: true, open: true, fixed: true, info: { key: KEY } });
    expect(await local('hub.close')).toMatchObject({ ok: false, error: { code: 'conflict', params: { hubFixed: 1 } } });
    const renewed = await local('hub.newKey');
    expect(renewed.value.info.key).not.toBe(KEY);
    expect(renewed.value.info.key).toBe(hub.key);
    // The old key is refused from now on.
    expect(await local('hub.status')).toMatchObject({ ok: false, error: { code: 'access_key' } });
  });
});
