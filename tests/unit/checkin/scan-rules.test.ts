// The check-in verdicts an organiser meets on a kiosk that holds several events, and what the
// scan log keeps of people turned away, over real SQLite (cases mutation testing showed no test
// held: docs/engineering/mutation-testing.md).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload } from '../../../electron/shared/badge-payload';
import { RAW_CODE_LOGGED } from '../../../electron/shared/checkin';
import { ok, PSM_EVENT, tempCtx } from '../../helpers/ctx';

/** 09:15 WIB on the first day of the PSM event (7 September 2022). */
const DAY1_MORNING = new Date('2022-09-07T02:15:00Z');

const tagOf = (ctx: Ctx, id: number) =>
  eventTag((ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(id) as { secret: Buffer }).secret);
const log = (ctx: Ctx) =>
  ctx.db.prepare('SELECT event_id AS e, participant_id AS pid, event_day_id AS dayId, verdict FROM scan ORDER BY id').all();

describe('a kiosk with three events', () => {
  let ctx: Ctx;
  const ids = { own: 0, pkh: 0, rakor: 0 };
  const codes = { own: '', pkh: '', rakor: '' };
  beforeEach(async () => {
    ctx = tempCtx();
    ctx.now = () => DAY1_MORNING;
    for (const [k, name] of [
      ['pkh', 'Bimtek Pendamping PKH'],
      ['rakor', 'Rakor Dinas Sosial'],
      ['own', PSM_EVENT.name],
    ] as const) {
      ids[k] = (await ok(ctx, 'event.create', { ...PSM_EVENT, name })).id;
      const p = await ok(ctx, 'participants.create', {
        eventId: ids[k],
        desk: 'Meja 1',
        name: `Peserta ${name}`,
        role: 'Peserta',
      });
      codes[k] = p.code;
    }
  });
  const scan = (text: string) => ok(ctx, 'checkin.scan', { eventId: ids.own, desk: 'Meja 1', text, input: 'scanner' });
  const notRegistered = { verdict: 'red', reason: 'not_registered', participant: null };

  it('calls a mistyped code "not registered", not "badge of <another event>"', async () => {
    const res = await scan('ZZZZZZZZ');
    expect(res).toMatchObject(notRegistered);
    expect(res).not.toHaveProperty('otherEvent');
  });

  it('calls a badge of an event the kiosk does not hold "not registered", even when its code exists elsewhere', async () => {
    for (const text of [badgePayload('QQQQ', codes.pkh), badgePayload('QQQQ', codes.rakor), badgePayload('QQQQ', 'ZZZZZZZZ')]) {
      const res = await scan(text);
      expect(res, text).toMatchObject(notRegistered);
      expect(res, text).not.toHaveProperty('otherEvent');
    }
  });

  it('calls a badge with another event\'s tag but a code that event does not hold "not registered"', async () => {
    // Rakor's code on a badge tagged PKH: neither event printed it.
    for (const text of [badgePayload(tagOf(ctx, ids.pkh), codes.rakor), badgePayload(tagOf(ctx, ids.pkh), 'ZZZZZZZZ')]) {
      const res = await scan(text);
      expect(res, text).toMatchObject(notRegistered);
      expect(res, text).not.toHaveProperty('otherEvent');
    }
  });

  it('names the right one of the other events, from the tag or from a typed code', async () => {
    expect(await scan(badgePayload(tagOf(ctx, ids.rakor), codes.rakor))).toMatchObject({
      verdict: 'red',
      reason: 'other_event',
      otherEvent: { id: ids.rakor, name: 'Rakor Dinas Sosial' },
      participant: null,
    });
    expect(await scan(badgePayload(tagOf(ctx, ids.pkh), codes.pkh))).toMatchObject({
      reason: 'other_event',
      otherEvent: { id: ids.pkh, name: 'Bimtek Pendamping PKH' },
    });
    expect(await scan(codes.rakor.toLowerCase())).toMatchObject({
      reason: 'other_event',
      otherEvent: { id: ids.rakor, name: 'Rakor Dinas Sosial' },
    });
    // The own event's badge is still green, and every refusal above is logged without a person.
    expect(await scan(badgePayload(tagOf(ctx, ids.own), codes.own))).toMatchObject({ verdict: 'green' });
    const rows = log(ctx) as { e: number; pid: number | null; verdict: string }[];
    expect(rows.map((r) => [r.e, r.pid === null, r.verdict])).toEqual([
      [ids.own, true, 'other_event'],
      [ids.own, true, 'other_event'],
      [ids.own, true, 'other_event'],
      [ids.own, false, 'ok'],
    ]);
  });
});

describe('the scan log keeps who was turned away', () => {
  let ctx: Ctx;
  let at: Date;
  let eventId: number;
  beforeEach(async () => {
    ctx = tempCtx();
    at = DAY1_MORNING;
    ctx.now = () => at;
    eventId = (await ok(ctx, 'event.create', PSM_EVENT)).id;
  });
  const scan = (text: string, day?: number) =>
    ok(ctx, 'checkin.scan', { eventId, desk: 'Meja 1', text, input: 'scanner', ...(day !== undefined && { day }) });

  it('on a day that is not an event day: red, the person shown, and named in the log', async () => {
    const siti = await ok(ctx, 'participants.create', { eventId, desk: 'Meja 1', name: 'Siti Aminah', role: 'Peserta' });
    at = new Date('2022-09-10T02:00:00Z');
    expect(await scan(siti.code)).toMatchObject({
      verdict: 'red',
      reason: 'not_event_day',
      participant: { id: siti.id, name: 'Siti Aminah' },
      day: null,
    });
    expect(log(ctx)).toEqual([{ e: eventId, pid: siti.id, dayId: null, verdict: 'wrong_day' }]);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get()).toEqual({ n: 0 });
  });

  it('removed from the list: red "not registered", the person shown so the desk can restore them, and named in the log', async () => {
    const siti = await ok(ctx, 'participants.create', { eventId, desk: 'Meja 1', name: 'Siti Aminah', role: 'Peserta' });
    await ok(ctx, 'participants.delete', { eventId, desk: 'Meja 1', id: siti.id });
    expect(await scan(siti.code)).toMatchObject({ verdict: 'red', reason: 'not_registered', participant: { id: siti.id } });
    const day1 = (await ok(ctx, 'event.get', {}))!.days[0]!.id;
    expect(log(ctx)).toEqual([{ e: eventId, pid: siti.id, dayId: day1, verdict: 'unknown' }]);
  });

  it("records for the operator's day when one is chosen, and refuses a day the event does not have", async () => {
    const siti = await ok(ctx, 'participants.create', { eventId, desk: 'Meja 1', name: 'Siti Aminah', role: 'Peserta' });
    at = new Date('2022-09-10T02:00:00Z');
    expect(await scan(siti.code, 2)).toMatchObject({ verdict: 'green', day: { dayNo: 2, date: '2022-09-08' } });
    expect(ctx.db.prepare('SELECT day_source AS s FROM scan').all()).toEqual([{ s: 'operator' }]);
    const bad = await dispatch(ctx, 'checkin.scan', { eventId, desk: 'Meja 1', text: siti.code, input: 'scanner', day: 3 });
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'not_found',
      params: { day: 3 },
      message: 'Day 3 is not a day of this event.',
    });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM scan').get()).toEqual({ n: 1 });
  });

  it('logs at most the first RAW_CODE_LOGGED characters of a long text read (a URL, a payment QR)', async () => {
    const url = `https://example.org/${'x'.repeat(400)}`;
    expect(await scan(url)).toMatchObject({ verdict: 'not_a_badge' });
    expect(ctx.db.prepare('SELECT raw_code AS raw FROM scan').all()).toEqual([{ raw: url.slice(0, RAW_CODE_LOGGED) }]);
    expect(RAW_CODE_LOGGED).toBeLessThan(url.length);
  });
});
