// Issue 19: a restarted hub (same data folder, same port, same key) still knows every desk that
// joined: its token works without joining again, an organiser desk stays an organiser desk, a
// revoked desk stays refused. The data folder holds token hashes only. A new key drops them all,
// and so does a start with another key. Real TLS from the machine's LAN address, a real folder.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { localDate } from '../../electron/shared/time-zone';
import { Hub, listenBoth, type HubServer } from '../../electron/web/hub';
import { hubCertificate } from '../../electron/web/hub-cert';
import { hubDesksFile } from '../../electron/web/hub-desk-store';
import { webHandler } from '../../electron/web/server';
import { PSM_EVENT, ok, tempCtx, tempDir } from '../helpers/ctx';

const KEY = 'K7Q2M9X4B1ZD';
const LAN = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

type Answer = {
  status: number;
  json: { ok: boolean; value?: any; error?: { code: string; message: string; params?: Record<string, number> } };
};

describe.skipIf(!LAN)('desks kept across a hub restart (data folder)', () => {
  let running: { hub: Hub; server: HubServer } | undefined;
  afterEach(async () => {
    if (running) await stop();
  });

  /** Starts the hub as `npm run web -- --host 0.0.0.0` does: certificate and desks from the data folder. */
  async function start(ctx: Ctx, key: string, port = 0) {
    const cert = await hubCertificate(ctx.dataDir, [LAN!]);
    const hub = new Hub(key, cert, [LAN!], { dataDir: ctx.dataDir });
    const server = listenBoth(cert, webHandler({ ctx, staticDir: tempDir(), loopbackOnly: false, hub }));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '0.0.0.0', resolve);
    });
    hub.port = (server.address() as AddressInfo).port;
    running = { hub, server };
    const lan = (p: string, body: unknown, headers: Record<string, string>) =>
      new Promise<Answer>((resolve, reject) => {
        const req = https.request(
          {
            host: LAN,
            port: hub.port,
            path: p,
            ca: cert.cert,
            agent: false,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hadir-key': key, ...headers },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                json: /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text || '{}') : { ok: true },
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    const local = async (p: string, body: unknown = {}) => {
      const r = await fetch(`http://127.0.0.1:${hub.port}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hadir-key': key },
        body: JSON.stringify(body),
      });
      return (await r.json()) as Answer['json'];
    };
    const join = async (name: string, extra: Record<string, string> = {}, pin?: string) => {
      const r = await lan('/hub/join', { name, ...(pin && { pin }) }, extra);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json.value as { token: string; role: string };
    };
    const deskOp = (token: string, op: string, input: unknown, extra: Record<string, string> = {}) =>
      lan(`/api/${op}`, input, { 'x-hadir-desk': token, ...extra });
    return { hub, port: hub.port, join, deskOp, local };
  }

  /** Stops it as quitting `npm run web` does (SIGINT: hub.close(), then the server). */
  async function stop() {
    const { hub, server } = running!;
    running = undefined;
    hub.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }

  it('the same token works after a restart on the same folder and port; an organiser desk keeps its role; a revoked desk stays refused', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.create', { ...PSM_EVENT, days: [localDate(new Date(), 'Asia/Jakarta')] });
    const first = await start(ctx, KEY);
    await first.local('/hub/pin', { pin: '4321' });
    const rina = await first.join('Meja 2 – HP Rina');
    const boss = await first.join('Meja Panitia');
    const bossUp = await first.join('Meja Panitia', { 'x-hadir-desk': boss.token }, '4321');
    expect(bossUp).toMatchObject({ role: 'organiser', token: boss.token });
    const gone = await first.join('Meja 9');
    expect((await first.deskOp(rina.token, 'checkin.stats', { eventId: event.id }, { 'x-hadir-outbox': '3' })).status).toBe(200);
    const listed = (await first.local('/hub/info')).value.desks as { id: string; name: string; lastAt: string }[];
    const gone9 = listed.find((d) => d.name === 'Meja 9')!;
    expect((await first.local('/hub/revoke', { id: gone9.id })).ok).toBe(true);
    const rinaLast = listed.find((d) => d.name === 'Meja 2 – HP Rina')!.lastAt;
    await stop();

    // The folder holds the desks by token hash only, readable by this user only.
    const kept = fs.readFileSync(hubDesksFile(ctx.dataDir), 'utf8');
    for (const t of [rina.token, boss.token, gone.token]) expect(kept).not.toContain(t);
    expect(kept).not.toContain(KEY);
    if (process.platform !== 'win32') expect(fs.statSync(hubDesksFile(ctx.dataDir)).mode & 0o077).toBe(0);

    const again = await start(ctx, KEY, first.port);
    expect(again.port).toBe(first.port);
    // Rina's desk goes on with the token it has: no join, and its scans are still stamped with its name.
    const stats = await again.deskOp(rina.token, 'checkin.stats', { eventId: event.id });
    expect(stats.status, JSON.stringify(stats.json)).toBe(200);
    const walkIn = await again.deskOp(rina.token, 'checkin.walkIn', {
      eventId: event.id,
      desk: 'Meja Palsu',
      participant: { name: 'Siti Aminah', role: 'Peserta' },
    });
    expect(walkIn.status, JSON.stringify(walkIn.json)).toBe(200);
    expect(ctx.db.prepare("SELECT station FROM scan WHERE verdict = 'ok'").all()).toEqual([{ station: 'Meja 2 – HP Rina' }]);
    // Check-in only still, organiser still an organiser.
    expect((await again.deskOp(rina.token, 'participants.export', { eventId: event.id, format: 'csv' })).status).toBe(403);
    expect((await again.deskOp(boss.token, 'participants.export', { eventId: event.id, format: 'csv' })).status).toBe(200);
    // Revoked stays revoked, worded as before the restart; it cannot rename or re-join with its token either.
    const refused = await again.deskOp(gone.token, 'checkin.stats', { eventId: event.id });
    expect([refused.status, refused.json.error!.params]).toEqual([401, { deskRevoked: 1 }]);
    // The hub screen lists them again, with their last contact (the outbox is what a desk reports next).
    const after = (await again.local('/hub/info')).value.desks as {
      name: string;
      role: string;
      revoked: boolean;
      lastAt: string;
    }[];
    const byName = Object.fromEntries(after.map((d) => [d.name, d]));
    expect(byName['Meja 2 – HP Rina']).toMatchObject({ role: 'checkin', revoked: false });
    expect(byName['Meja 2 – HP Rina']!.lastAt >= rinaLast).toBe(true);
    expect(byName['Meja Panitia']).toMatchObject({ role: 'organiser', revoked: false });
    expect(byName['Meja 9']).toMatchObject({ revoked: true });

    // "Kunci baru" drops every desk, and a restart does not bring them back.
    const newKey = again.hub.newKey();
    await stop();
    const third = await start(ctx, newKey, first.port);
    const dropped = await third.deskOp(rina.token, 'checkin.stats', { eventId: event.id });
    expect([dropped.status, dropped.json.error!.params]).toEqual([401, { deskJoin: 1 }]);
    expect((await third.local('/hub/info')).value.desks).toEqual([]);
  });

  it('a start with another key (no --key: a new random key each start) begins with no desks', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    const first = await start(ctx, KEY);
    const desk = await first.join('Meja 2');
    expect((await first.deskOp(desk.token, 'checkin.stats', { eventId: event.id })).status).toBe(200);
    await stop();
    const other = 'P3R8T6W2N5HJ';
    const second = await start(ctx, other, first.port);
    const r = await second.deskOp(desk.token, 'checkin.stats', { eventId: event.id });
    expect([r.status, r.json.error!.params]).toEqual([401, { deskJoin: 1 }]);
    // A damaged file is no reason not to start: the desks join again.
    await stop();
    fs.writeFileSync(hubDesksFile(ctx.dataDir), '{"version":1,"key":');
    const third = await start(ctx, KEY, first.port);
    expect((await third.local('/hub/info')).ok).toBe(true);
    expect((await third.join('Meja 2')).role).toBe('checkin');
  });
});
