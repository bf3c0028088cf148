import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload } from '../../../electron/shared/badge-payload';
import type { HadirEvent } from '../../../electron/shared/event';
import { ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';

// Issue 19, item 3: a desk's outbox sends each scan with the UUID it made, again and again until
// answered, and late (with the time it was made) after the network was down. The log keeps each
// UUID once; two desks that checked in the same person offline give one attendance and two rows.
describe('checkin.scan with a desk UUID and time', () => {
  let ctx: Ctx;
  let event: HadirEvent;
  const NOW = new Date('2022-09-07T02:15:00Z'); // 09.15 WIB, day 1
  beforeEach(async () => {
    ctx = tempCtx();
    ctx.now = () => NOW;
    event = await ok(ctx, 'event.create', PSM_EVENT);
  });
  const badge = (code: string) => {
    const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(event.id) as { secret: Buffer };
    return badgePayload(eventTag(secret), code);
  };
  const rows = () =>
    ctx.db.prepare('SELECT uuid, station, verdict, scanned_at AS at FROM scan ORDER BY id').all() as {
      uuid: string;
      station: string;
      verdict: string;
      at: string;
    }[];

  it('stores a UUID once: sent again, it answers what was stored and writes nothing', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Siti Aminah', role: 'Peserta' });
    const uuid = crypto.randomUUID();
    const input = { eventId: event.id, desk: 'Meja 2 – HP Rina', text: badge(siti.code), input: 'camera' as const, uuid };
    const first = await ok(ctx, 'checkin.scan', input);
    expect(first).toMatchObject({ verdict: 'green', scan: { uuid } });
    expect(first.replayed).toBeUndefined();
    const again = await ok(ctx, 'checkin.scan', input);
    expect(again).toMatchObject({
      verdict: 'green',
      reason: 'checked_in',
      replayed: true,
      participant: { id: siti.id },
      scan: { uuid },
    });
    expect(again.scan.at).toBe(first.scan.at);
    expect(rows()).toHaveLength(1);
    // A UUID that is not one is refused, and nothing is written.
    const bad = await dispatch(ctx, 'checkin.scan', { ...input, uuid: 'not-a-uuid' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    expect(rows()).toHaveLength(1);
  });

  it('two desks offline for the same person: one attendance (the first to arrive), both scans in the log, each at its own time', async () => {
    const budi = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Budi Santoso', role: 'Peserta' });
    const text = badge(budi.code);
    // Desk 3 scanned at 08.10 WIB, desk 2 at 08.05 WIB; desk 3's outbox arrives first.
    const late = await ok(ctx, 'checkin.scan', {
      eventId: event.id,
      desk: 'Meja 3',
      text,
      input: 'camera',
      uuid: crypto.randomUUID(),
      at: '2022-09-07T01:10:00Z',
    });
    const early = await ok(ctx, 'checkin.scan', {
      eventId: event.id,
      desk: 'Meja 2',
      text,
      input: 'camera',
      uuid: crypto.randomUUID(),
      at: '2022-09-07T01:05:00+00:00',
    });
    expect(late.verdict).toBe('green');
    expect(early).toMatchObject({ verdict: 'amber', previous: { desk: 'Meja 3' } });
    expect(rows().map((r) => [r.station, r.verdict, r.at])).toEqual([
      ['Meja 3', 'ok', '2022-09-07T01:10:00.000Z'],
      ['Meja 2', 'duplicate', '2022-09-07T01:05:00.000Z'],
    ]);
    const list = await ok(ctx, 'checkin.attendance', { eventId: event.id });
    expect(list.filter((a) => a.code === budi.code).map((a) => [a.dayNo, a.firstAt])).toEqual([[1, '2022-09-07T01:10:00.000Z']]);
  });

  it('a desk clock ahead of the kiosk does not date a scan in the future; a late scan counts for its own day', async () => {
    const rina = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Rina Marlina', role: 'Peserta' });
    const ahead = await ok(ctx, 'checkin.scan', {
      eventId: event.id,
      desk: 'Meja 2',
      text: badge(rina.code),
      input: 'camera',
      uuid: crypto.randomUUID(),
      at: '2022-09-07T05:00:00Z',
    });
    expect(ahead.scan.at).toBe(NOW.toISOString());
    // Day 2 is 8 Sep; a scan made on 7 Sep but sent on the 8th counts for day 1.
    ctx.now = () => new Date('2022-09-08T01:00:00Z');
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Siti Aminah', role: 'Peserta' });
    const yesterday = await ok(ctx, 'checkin.scan', {
      eventId: event.id,
      desk: 'Meja 2',
      text: badge(siti.code),
      input: 'camera',
      uuid: crypto.randomUUID(),
      at: '2022-09-07T09:00:00Z',
    });
    expect(yesterday).toMatchObject({ verdict: 'green', day: { dayNo: 1 } });
  });
});
