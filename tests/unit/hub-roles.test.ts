// Issue 19, item 7, against real sockets: a desk on the venue network joins with the key and
// gets its own token (check-in only unless the organiser's PIN is given); the host refuses
// what a check-in desk may not do, a desk without a token, and a revoked token, while the
// other desks keep working. The hub laptop itself (loopback with the key) is the organiser.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { eventTag } from '../../electron/core/qr/event-tag';
import type { Ctx } from '../../electron/core/context';
import { badgePayload } from '../../electron/shared/badge-payload';
import { JOB_ROLE, OP_ROLE, roleAllows } from '../../electron/shared/desk-roles';
import { jobStartInput } from '../../electron/shared/jobs';
import { OP_NAMES } from '../../electron/shared/op-names';
import { localDate } from '../../electron/shared/time-zone';
import { Hub, listenBoth, type HubServer } from '../../electron/web/hub';
import { hubCertificate } from '../../electron/web/hub-cert';
import { webHandler } from '../../electron/web/server';
import { deskPathsByOp, stampDesk } from '../../electron/web/desk-stamp';
import { BYTES_TYPE, INPUT_HEADER, encodeHeader, splitBytes } from '../../electron/shared/wire';
import { PSM_EVENT, ok, tempCtx, tempDir } from '../helpers/ctx';

const KEY = 'K7Q2M9X4B1ZD';
/** This machine's venue-network address: a request to it comes from a non-loopback address. */
const LAN = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('the operation table (shared/desk-roles.ts)', () => {
  it('classifies every operation and every job once, and a check-in desk may only what the table says', () => {
    expect(Object.keys(OP_ROLE).sort()).toEqual([...OP_NAMES].sort());
    expect(Object.keys(JOB_ROLE).sort()).toEqual(jobStartInput.options.map((o) => o.shape.job.value).sort());
    // What the issue names: no export of personal data, no delete, restore, import or event change.
    for (const op of [
      'participants.export',
      'participants.get',
      'participants.delete',
      'participants.restore',
      'participants.importCommit',
      'backup.restore',
      'event.update',
      'event.importFile',
      'event.exportFile',
      'settings.set',
    ] as const)
      expect(roleAllows('checkin', op, {}), op).toBe(false);
    for (const op of ['checkin.scan', 'checkin.undo', 'checkin.walkIn', 'checkin.search', 'participants.list'] as const)
      expect(roleAllows('checkin', op, {}), op).toBe(true);
    expect(roleAllows('checkin', 'jobs.start', { job: 'participants.import' })).toBe(false);
    expect(roleAllows('checkin', 'jobs.start', { job: 'badges.render' })).toBe(true);
    expect(roleAllows('checkin', 'jobs.start', { job: 'no.such' })).toBe(false);
  });
});

describe.skipIf(!LAN)('desk roles on the hub (from the LAN address)', () => {
  let server: HubServer | undefined;
  let hub: Hub | undefined;
  afterEach(async () => {
    hub?.live.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r) ?? r(null));
  });

  async function start() {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.create', { ...PSM_EVENT, days: [localDate(new Date(), 'Asia/Jakarta')] });
    const cert = await hubCertificate(ctx.dataDir, [LAN!]);
    hub = new Hub(KEY, cert, [LAN!]);
    server = listenBoth(cert, webHandler({ ctx, staticDir: tempDir(), loopbackOnly: false, hub }));
    await new Promise<void>((r) => server!.listen(0, '0.0.0.0', r));
    hub.port = (server.address() as AddressInfo).port;
    const port = hub.port;
    /** A request from "another desk": over TLS to the LAN address, trusting the hub's certificate only. */
    const lan = (p: string, body: unknown, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; json: { ok: boolean; value?: any; error?: { code: string; message: string; params?: Record<string, number> } } }>(
        (resolve, reject) => {
          const req = https.request(
            { host: LAN, port, path: p, ca: cert.cert, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
            (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              // A file (an export) comes back as bytes, not JSON.
              res.on('end', () => resolve({ status: res.statusCode ?? 0, json: /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text || '{}') : { ok: true } }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify(body));
        },
      );
    /** The hub laptop itself: plain HTTP on loopback, with the key. */
    const local = async (p: string, body: unknown = {}) => {
      const r = await fetch(`http://127.0.0.1:${port}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hadir-key': KEY },
        body: JSON.stringify(body),
      });
      return { status: r.status, json: (/json/.test(r.headers.get('content-type') ?? '') ? await r.json() : { ok: true }) as any };
    };
    const join = async (name: string, extra: Record<string, string> = {}) => {
      const r = await lan('/hub/join', { name }, { 'x-hadir-key': KEY, ...extra });
      expect(r.status).toBe(200);
      return r.json.value as { token: string; role: string };
    };
    const deskOp = (token: string, op: string, input: unknown, extra: Record<string, string> = {}) =>
      lan(`/api/${op}`, input, { 'x-hadir-key': KEY, 'x-hadir-desk': token, ...extra });
    return { ctx, event, port, cert, lan, local, join, deskOp };
  }

  const badge = (ctx: Ctx, eventId: number, code: string) => {
    const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(eventId) as { secret: Buffer };
    return badgePayload(eventTag(secret), code);
  };

  it('refuses a desk without the key, without a token, and a check-in desk asking for an organiser operation', async () => {
    const { ctx, event, lan, join, deskOp } = await start();
    const siti = await ok(ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name: 'Siti Aminah', role: 'Peserta', nik: '1871014507800001' });

    // No key: no join, no operation.
    expect((await lan('/hub/join', { name: 'Meja 2' })).status).toBe(401);
    expect((await lan('/api/event.list', {})).status).toBe(401);
    // The key but no token: join first (worded for both languages).
    const noToken = await lan('/api/event.list', {}, { 'x-hadir-key': KEY });
    expect(noToken.status).toBe(401);
    expect(noToken.json.error!.params).toEqual({ deskJoin: 1 });
    expect(noToken.json.error!.message).toMatch(/belum bergabung.* \/ This desk has not joined/);

    const rina = await join('Meja 2 – HP Rina');
    expect(rina.role).toBe('checkin');
    expect(rina.token.length).toBeGreaterThanOrEqual(32);
    // A check-in desk checks in, under the name it joined with whatever name it sends.
    const scan = await deskOp(rina.token, 'checkin.scan', { eventId: event.id, desk: 'Meja Palsu', text: badge(ctx, event.id, siti.code), input: 'camera' });
    expect(scan.status).toBe(200);
    expect(scan.json.value.verdict).toBe('green');
    expect(ctx.db.prepare('SELECT station FROM scan').all()).toEqual([{ station: 'Meja 2 – HP Rina' }]);
    // Search (masked list) yes; the person in full, exports, delete, restore, import, the event: no.
    expect((await deskOp(rina.token, 'checkin.search', { eventId: event.id, query: 'siti' })).status).toBe(200);
    const refused = {
      'participants.export': { eventId: event.id, format: 'csv', includePersonal: true },
      'participants.get': { id: siti.id, eventId: event.id },
      'participants.delete': { eventId: event.id, desk: 'Meja 2', id: siti.id },
      'participants.importCommit': { eventId: event.id, desk: 'Meja 2', fileName: 'x.csv', bytes: [] },
      'backup.restore': { file: 'x.hadir' },
      'event.update': { ...PSM_EVENT, eventId: event.id, desk: 'Meja 2' },
      'jobs.start': { job: 'participants.import', input: {} },
    };
    for (const [op, input] of Object.entries(refused)) {
      const r = await deskOp(rina.token, op, input);
      expect(r.status, op).toBe(403);
      expect(r.json.error!.params, op).toEqual({ checkinOnly: 1 });
      expect(r.json.error!.message, op).toMatch(/hanya untuk check-in.*PIN penyelenggara \/ This desk is check-in only/);
    }
    // Nothing was changed by any of them.
    expect(ctx.db.prepare('SELECT deleted_at FROM participant WHERE id = ?').get(siti.id)).toEqual({ deleted_at: null });

    // Undo: its own scan only.
    const budi = await join('Meja 3');
    const undo = { eventId: event.id, desk: 'x', participantId: siti.id, day: 1, reason: 'salah orang' };
    const other = await deskOp(budi.token, 'checkin.undo', undo);
    expect(other.status).toBe(403);
    expect(other.json.error!.params).toEqual({ notOwnScan: 1 });
    expect((await deskOp(rina.token, 'checkin.undo', undo)).status).toBe(200);
  });

  it('an organiser PIN makes a desk an organiser desk; without a PIN set, the desk is told how to set one; wrong PINs lock', async () => {
    const { ctx, event, join, lan, local, deskOp } = await start();
    const desk = await join('Meja 4');
    const upgrade = (pin: string) => lan('/hub/join', { name: 'Meja 4', pin }, { 'x-hadir-key': KEY, 'x-hadir-desk': desk.token });
    const none = await upgrade('1234');
    expect(none.status).toBe(403);
    expect(none.json.error!.params).toEqual({ noPin: 1 });
    expect(none.json.error!.message).toMatch(/Meja lain.*PIN penyelenggara/);
    // The organiser sets it on the hub laptop (loopback only: from the LAN it is refused).
    expect((await lan('/hub/pin', { pin: '4321' }, { 'x-hadir-key': KEY, 'x-hadir-desk': desk.token })).status).toBe(403);
    expect((await local('/hub/pin', { pin: '4321' })).json.value.pinSet).toBe(true);
    const wrong = await upgrade('1111');
    expect([wrong.status, wrong.json.error!.params]).toEqual([403, { pinWrong: 1 }]);
    expect((await deskOp(desk.token, 'participants.export', { eventId: event.id, format: 'csv' })).status).toBe(403);
    const right = await upgrade('4321');
    expect(right.json.value).toMatchObject({ role: 'organiser', token: desk.token, name: 'Meja 4' });
    expect((await deskOp(desk.token, 'participants.export', { eventId: event.id, format: 'csv' })).status).toBe(200);
    // Five wrong in a row lock joining with a PIN for a minute, even the right one.
    const other = await join('Meja 5');
    const guess = (pin: string) => lan('/hub/join', { name: 'Meja 5', pin }, { 'x-hadir-key': KEY, 'x-hadir-desk': other.token });
    for (let i = 0; i < 5; i++) expect((await guess(`000${i}`)).status).toBe(403);
    const locked = await guess('4321');
    expect(locked.status).toBe(429);
    expect(locked.json.error!.params!.pinLocked).toBeGreaterThan(50);
    // The hub laptop is the organiser with the key alone.
    expect((await local('/api/participants.export', { eventId: event.id, format: 'csv' })).status).toBe(200);
    void ctx;
  });

  it("stamps the desk's joined name into every desk field: a job's input (an import started by an organiser desk), an export that left it out", async () => {
    const { ctx, event, port, cert, join, lan, local, deskOp } = await start();
    await local('/hub/pin', { pin: '4321' });
    const boss = await join('Meja Panitia');
    await lan('/hub/join', { name: 'Meja Panitia', pin: '4321' }, { 'x-hadir-key': KEY, 'x-hadir-desk': boss.token });
    // jobs.start carries the import's own input, desk included, over the binary wire as the app sends it.
    const { json, bytes } = splitBytes({
      job: 'participants.import',
      input: {
        eventId: event.id,
        desk: 'Meja Palsu',
        fileName: 'peserta.csv',
        bytes: new TextEncoder().encode('Nama,Peran\nJoko Susilo,Peserta\nDewi Lestari,Peserta\n'),
        mapping: ['name', 'role'],
        skipInvalid: false,
      },
    });
    const started = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = https.request(
        {
          host: LAN,
          port,
          path: '/api/jobs.start',
          ca: cert.cert,
          method: 'POST',
          headers: { 'content-type': BYTES_TYPE, [INPUT_HEADER]: encodeHeader(json), 'x-hadir-key': KEY, 'x-hadir-desk': boss.token },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(bytes);
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const id = started.body.value.id as string;
    // Waits on the job's state, not on a time.
    let state = 'queued';
    while (state === 'queued' || state === 'running') {
      state = (await deskOp(boss.token, 'jobs.status', { id })).json.value.state;
      if (state === 'queued' || state === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('done');
    const audit = (action: string) => ctx.db.prepare('SELECT desk FROM audit WHERE action = ? ORDER BY id DESC').get(action) as { desk: string | null };
    expect(audit('participants.import')).toEqual({ desk: 'Meja Panitia' });
    // An export sent without a desk name is still named in the audit: the joined name is written in.
    expect((await deskOp(boss.token, 'participants.export', { eventId: event.id, format: 'csv' })).status).toBe(200);
    expect(audit('participants.export')).toEqual({ desk: 'Meja Panitia' });
    // A check-in desk's badge render (a job without a desk field) is not given one its schema would refuse.
    const rina = await join('Meja 2 – HP Rina');
    const tag = await deskOp(rina.token, 'jobs.start', { job: 'badges.render', input: { eventId: event.id, layout: 'a6', whom: { kind: 'all' } } });
    expect(tag.status, JSON.stringify(tag.json)).toBe(200);
  });

  it('finds every desk field of every operation in the contract, the one inside jobs.start included', () => {
    const paths = Object.fromEntries([...deskPathsByOp()].filter(([, p]) => p.length > 0).map(([op, p]) => [op, p.map((x) => x.path.join('.'))]));
    expect(paths['jobs.start']).toEqual(['input.desk']);
    expect(paths['checkin.scan']).toEqual(['desk']);
    for (const op of ['checkin.undo', 'checkin.walkIn', 'participants.importCommit', 'participants.export', 'certificates.batch', 'event.create'])
      expect(paths[op], op).toEqual(['desk']);
    // Nested: only jobs.start's, which is replaced when present and never added to a job that has none.
    const input = { job: 'badges.render', input: { layout: 'a6', whom: { kind: 'all' } } };
    stampDesk('jobs.start', input, 'Meja 2');
    expect(input.input).not.toHaveProperty('desk');
  });

  it('lists the desks with role, last contact and outbox, and revokes one: its token and stream refused, the others keep working', async () => {
    const { event, join, local, deskOp, port, cert } = await start();
    const a = await join('Meja 2');
    const b = await join('Meja 3');
    expect((await deskOp(a.token, 'checkin.stats', { eventId: event.id }, { 'x-hadir-outbox': '7' })).status).toBe(200);
    const info = (await local('/hub/info')).json.value as { desks: { id: string; name: string; role: string; outbox: number | null; revoked: boolean }[] };
    const listed = Object.fromEntries(info.desks.map((d) => [d.name, d]));
    expect(listed['Meja 2']).toMatchObject({ role: 'checkin', outbox: 7, revoked: false });
    expect(listed['Meja 3']).toMatchObject({ role: 'checkin', outbox: null });
    expect(JSON.stringify(info)).not.toContain(a.token);

    // Desk A's live stream, then the revoke from the hub laptop.
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
      https.get({ host: LAN, port, path: `/api/live?key=${KEY}&desk=${a.token}`, ca: cert.cert }, resolve).on('error', reject),
    );
    expect(stream.statusCode).toBe(200);
    const ended = new Promise<void>((r) => (stream.on('end', r), stream.resume()));
    expect((await local('/hub/revoke', { id: listed['Meja 2']!.id })).status).toBe(200);
    await ended;
    const revoked = await deskOp(a.token, 'checkin.stats', { eventId: event.id });
    expect(revoked.status).toBe(401);
    expect(revoked.json.error!.params).toEqual({ deskRevoked: 1 });
    expect(revoked.json.error!.message).toMatch(/dicabut.* \/ This desk was revoked/);
    // Its token cannot join again (rename or PIN) either; desk B is untouched.
    const rejoin = await new Promise<number>((resolve, reject) =>
      https
        .request({ host: LAN, port, path: '/hub/join', ca: cert.cert, method: 'POST', headers: { 'x-hadir-key': KEY, 'x-hadir-desk': a.token } }, (r) =>
          resolve(r.statusCode ?? 0),
        )
        .on('error', reject)
        .end(JSON.stringify({ name: 'Meja 2' })),
    );
    expect(rejoin).toBe(401);
    expect((await deskOp(b.token, 'checkin.stats', { eventId: event.id })).status).toBe(200);
    const after = (await local('/hub/info')).json.value as { desks: { name: string; revoked: boolean }[] };
    expect(after.desks.find((d) => d.name === 'Meja 2')!.revoked).toBe(true);
    // A new key forgets every desk: B must join again.
    hub!.newKey();
    expect((await deskOp(b.token, 'checkin.stats', { eventId: event.id }, { 'x-hadir-key': hub!.key })).status).toBe(401);
  });
});
