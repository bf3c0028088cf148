// Issue 19, the hub's per-request cost: every desk scan carries a UUID, and every scan asks for its
// event's badge tag. Preparing the UUID lookup's statement again cost about 50 µs of CPU a scan, and
// the tag's HMAC about 20 µs (measured with process.cpuUsage, load average 13; a CPU profile under
// that load had overstated both by an order of magnitude). After the first scan on a connection,
// a scan prepares no statement and computes no HMAC: counted on the real connection and the real
// crypto module (the calls go through), on a real SQLite file.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload } from '../../../electron/shared/badge-payload';
import { localDate } from '../../../electron/shared/time-zone';
import { ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';

afterEach(() => vi.restoreAllMocks());

describe('a scan on the hub after the first', () => {
  it('prepares no statement and computes no event-tag HMAC, whichever desk and badge', async () => {
    const ctx = tempCtx();
    // Another event on the kiosk: a badge of it is looked up by every other event's tag.
    await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Bimtek Pendamping PKH' });
    const event = await ok(ctx, 'event.create', { ...PSM_EVENT, days: [localDate(new Date(), 'Asia/Jakarta')] });
    const [a, b] = [
      await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Ani Lestari', role: 'Peserta' }),
      await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Budi Santoso', role: 'Peserta' }),
    ];
    const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(event.id) as { secret: Buffer };
    const scanOf = (code: string, desk: string) =>
      ok(ctx, 'checkin.scan', {
        eventId: event.id,
        desk,
        text: badgePayload(eventTag(secret), code),
        input: 'camera',
        uuid: crypto.randomUUID(),
      });
    // The first scan, and the first replay, on this connection prepare their statements once.
    const first = {
      eventId: event.id,
      desk: 'Meja 1',
      text: badgePayload(eventTag(secret), a!.code),
      input: 'camera' as const,
      uuid: crypto.randomUUID(),
    };
    expect((await ok(ctx, 'checkin.scan', first)).verdict).toBe('green');
    expect(await ok(ctx, 'checkin.scan', first)).toMatchObject({ replayed: true });

    const prepare = vi.spyOn(ctx.db, 'prepare');
    const hmac = vi.spyOn(crypto, 'createHmac');
    expect((await scanOf(b!.code, 'Meja 2')).verdict).toBe('green');
    expect((await scanOf(a!.code, 'Meja 3')).verdict).toBe('amber');
    // The same UUID sent again (an answer lost on the way): answered from the log, still nothing prepared.
    const uuid = crypto.randomUUID();
    const text = badgePayload(eventTag(secret), b!.code);
    await ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 2', text, input: 'camera', uuid });
    expect(await ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 2', text, input: 'camera', uuid })).toMatchObject({
      replayed: true,
    });
    expect(prepare).not.toHaveBeenCalled();
    expect(hmac).not.toHaveBeenCalled();
  });

  it('keeps each event its own tag: the same as computed afresh, a new one for another secret', () => {
    const secrets = Array.from({ length: 50 }, () => crypto.randomBytes(32));
    const fresh = (s: Buffer) => {
      let bits = crypto.createHmac('sha256', s).update('hadir:badge-event-tag').digest().readUInt32BE(0);
      let tag = '';
      for (let i = 0; i < 4; i++) ((tag += '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[bits & 31]), (bits >>>= 5));
      return tag;
    };
    for (const s of secrets) expect(eventTag(s)).toBe(fresh(s));
    for (const s of secrets) expect(eventTag(new Uint8Array(s))).toBe(fresh(s));
    // The same bytes at another place in a larger buffer (a row read from SQLite) give the same tag.
    const inside = Buffer.concat([Buffer.from('xx'), secrets[0]!, Buffer.from('yy')]).subarray(2, 34);
    expect(eventTag(inside)).toBe(fresh(secrets[0]!));
  });
});
