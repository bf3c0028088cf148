import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload } from '../../../electron/shared/badge-payload';
import type { HadirEvent } from '../../../electron/shared/event';
import { ok, PSM_EVENT, tempCtx, scope } from '../../helpers/ctx';
import { blankFields, type ParticipantInput } from '../../../electron/shared/participant';

const person = (over: Partial<ParticipantInput> = {}): ParticipantInput => ({
  ...blankFields(),
  externalId: null,
  name: 'Siti Aminah',
  gender: 'P',
  regency: 'Kota Metro',
  district: null,
  institution: 'Dinas Sosial Kota Metro',
  nik: '1872010101010003',
  phone: '081234567890',
  email: null,
  role: 'Peserta',
  ...over,
});

/** 09:15 WIB on the first day of the PSM event (7 September 2022). */
const DAY1_MORNING = new Date('2022-09-07T02:15:00Z');

const secretOf = (ctx: Ctx, id: number) =>
  (ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(id) as { secret: Buffer }).secret;
const badgeOf = (ctx: Ctx, eventId: number, code: string) => badgePayload(eventTag(secretOf(ctx, eventId)), code);
const rows = (ctx: Ctx) =>
  ctx.db
    .prepare(
      'SELECT station, participant_id AS pid, event_day_id AS dayId, verdict, raw_code AS raw, input, day_source AS src, reason FROM scan ORDER BY id',
    )
    .all();

describe('checkin.scan', () => {
  let ctx: Ctx;
  let event: HadirEvent;
  let at: Date;
  beforeEach(async () => {
    ctx = tempCtx();
    at = DAY1_MORNING;
    ctx.now = () => at;
    event = await ok(ctx, 'event.create', PSM_EVENT);
  });
  const scan = (text: string, extra: object = {}) =>
    ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text, input: 'camera', ...extra });

  it('checks a badge in (green), then says when and where it already was (amber)', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    const green = await scan(badgeOf(ctx, event.id, siti.code));
    expect(green).toMatchObject({
      verdict: 'green',
      reason: 'checked_in',
      participant: { id: siti.id, name: siti.name, regency: 'Kota Metro', role: 'Peserta', code: siti.code },
      day: { dayNo: 1, date: '2022-09-07' },
      scan: { time: '09:15', desk: 'Meja 1', at: DAY1_MORNING.toISOString() },
    });
    // No personal data at the desk.
    expect(Object.keys(green.participant!).sort()).toEqual(['code', 'id', 'institution', 'name', 'regency', 'role']);

    at = new Date('2022-09-07T03:02:00Z');
    const amber = await ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 2', text: siti.code, input: 'scanner' });
    expect(amber).toMatchObject({
      verdict: 'amber',
      reason: 'already_checked_in',
      previous: { time: '09:15', desk: 'Meja 1' },
      scan: { time: '10:02', desk: 'Meja 2' },
    });
    const day1 = event.days[0]!.id;
    expect(rows(ctx)).toEqual([
      {
        station: 'Meja 1',
        pid: siti.id,
        dayId: day1,
        verdict: 'ok',
        raw: badgeOf(ctx, event.id, siti.code),
        input: 'camera',
        src: 'auto',
        reason: null,
      },
      {
        station: 'Meja 2',
        pid: siti.id,
        dayId: day1,
        verdict: 'duplicate',
        raw: siti.code,
        input: 'scanner',
        src: 'auto',
        reason: null,
      },
    ]);
    // The next day is a new day.
    at = new Date('2022-09-08T01:00:00Z');
    expect((await scan(siti.code)).verdict).toBe('green');
  });

  it('tells a QR that is not a badge, an unknown code and a removed participant apart, and logs each', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    expect(await scan('00020101021126570011ID.DANA.WWW')).toMatchObject({ verdict: 'not_a_badge', participant: null });
    expect(await scan('https://example.com/')).toMatchObject({ verdict: 'not_a_badge' });
    expect(await scan('ZZZZZZZZ')).toMatchObject({ verdict: 'red', reason: 'not_registered', participant: null });
    // A badge printed for an event this kiosk does not hold: not registered, never checked in.
    expect(await scan(badgePayload('QQQQ', siti.code))).toMatchObject({ verdict: 'red', reason: 'not_registered' });
    await ok(ctx, 'participants.delete', { ...scope(ctx), id: siti.id });
    expect(await scan(siti.code)).toMatchObject({ verdict: 'red', reason: 'not_registered', participant: { id: siti.id } });
    expect(rows(ctx).map((r) => (r as { verdict: string }).verdict)).toEqual([
      'not_a_badge',
      'not_a_badge',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get()).toEqual({ n: 0 });
  });

  it('answers "badge replaced on <date>" for a lost badge, and checks the new one in', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    at = new Date('2022-09-06T17:30:00Z'); // 00:30 WIB on 7 September
    const r = await ok(ctx, 'badges.reissue', { ...scope(ctx), id: siti.id });
    at = DAY1_MORNING;
    expect(await scan(badgeOf(ctx, event.id, r.oldCode))).toMatchObject({
      verdict: 'red',
      reason: 'badge_replaced',
      replacedOn: '2022-09-07',
      participant: null,
    });
    expect(await scan(r.oldCode)).toMatchObject({ verdict: 'red', reason: 'badge_replaced' });
    expect(await scan(badgeOf(ctx, event.id, r.newCode))).toMatchObject({ verdict: 'green', participant: { id: siti.id } });
    expect(rows(ctx).map((x) => (x as { verdict: string }).verdict)).toEqual(['replaced', 'replaced', 'ok']);
  });

  it("names the other event on the kiosk whose badge it is, from the QR's tag or a typed code", async () => {
    const first = event;
    const budi = await ok(ctx, 'participants.create', { ...scope(ctx), ...person({ name: 'Budi Santoso', nik: null }) });
    const second = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Bimtek Pendamping PKH' });
    // The desk records into the event it names, whatever the active event is (now the second).
    const res = await ok(ctx, 'checkin.scan', {
      eventId: second.id,
      desk: 'Meja 1',
      text: badgeOf(ctx, first.id, budi.code),
      input: 'camera',
    });
    expect(res).toMatchObject({ verdict: 'red', reason: 'other_event', otherEvent: { id: first.id, name: PSM_EVENT.name } });
    expect(res.participant).toBeNull();
    const typed = await ok(ctx, 'checkin.scan', { eventId: second.id, desk: 'Meja 1', text: budi.code, input: 'scanner' });
    expect(typed).toMatchObject({ verdict: 'red', reason: 'other_event', otherEvent: { id: first.id } });
    // Nobody was checked in anywhere; the rows belong to the second event and name no participant.
    expect(ctx.db.prepare('SELECT DISTINCT event_id AS e, participant_id AS p, verdict AS v FROM scan').all()).toEqual([
      { e: second.id, p: null, v: 'other_event' },
    ]);
    // The same badge at a desk of its own event is green.
    expect((await scan(badgeOf(ctx, first.id, budi.code))).verdict).toBe('green');
  });

  it("picks today's day in the event's time zone, and takes the operator's day instead when given", async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    // 23:30 WIB on 7 September is already 00:30 WITA on the 8th.
    at = new Date('2022-09-07T16:30:00Z');
    expect((await scan(siti.code)).day).toEqual({ dayNo: 1, date: '2022-09-07' });
    await ok(ctx, 'event.update', { ...scope(ctx), ...PSM_EVENT, timeZone: 'Asia/Makassar' });
    expect((await ok(ctx, 'event.get', {}))!.timeZone).toBe('Asia/Makassar');
    const next = await scan(siti.code);
    expect(next).toMatchObject({ verdict: 'green', day: { dayNo: 2 }, scan: { time: '00:30' } });
    // An update that does not mention the zone keeps it.
    await ok(ctx, 'event.update', { ...scope(ctx), ...PSM_EVENT });
    expect((await ok(ctx, 'event.get', {}))!.timeZone).toBe('Asia/Makassar');

    // Outside the event's dates: red until the operator picks a day, then green on that day.
    at = new Date('2022-09-10T02:00:00Z');
    const budi = await ok(ctx, 'participants.create', { ...scope(ctx), ...person({ name: 'Budi', nik: null }) });
    expect(await scan(budi.code)).toMatchObject({
      verdict: 'red',
      reason: 'not_event_day',
      participant: { id: budi.id },
      day: null,
    });
    expect(await scan(budi.code, { day: 1 })).toMatchObject({ verdict: 'green', day: { dayNo: 1 } });
    expect(rows(ctx).slice(-2)).toMatchObject([
      { verdict: 'wrong_day', dayId: null, src: 'auto' },
      { verdict: 'ok', dayId: event.days[0]!.id, src: 'operator' },
    ]);
    const bad = await dispatch(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text: budi.code, day: 3 });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'not_found', params: { day: 3 } });
  });

  it('refuses an unknown event or a missing desk before logging anything', async () => {
    const noEvent = await dispatch(ctx, 'checkin.scan', { eventId: 999, desk: 'Meja 1', text: 'X' });
    expect(!noEvent.ok && noEvent.error.code).toBe('desk_event');
    const noDesk = await dispatch(ctx, 'checkin.scan', { eventId: event.id, desk: '  ', text: 'X' });
    expect(!noDesk.ok && noDesk.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'desk' }] });
    const noEventId = await dispatch(ctx, 'checkin.scan', { desk: 'Meja 1', text: 'X' });
    expect(!noEventId.ok && noEventId.error.issues?.[0]?.path).toBe('eventId');
    expect(rows(ctx)).toEqual([]);
  });

  it('undoes a check-in with a reason as a new row; the person can then check in again', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    await scan(siti.code);
    const u = await ok(ctx, 'checkin.undo', {
      eventId: event.id,
      desk: 'Meja 1',
      participantId: siti.id,
      day: 1,
      reason: 'wrong person',
    });
    expect(u).toMatchObject({ participant: { id: siti.id }, day: { dayNo: 1 }, scan: { desk: 'Meja 1', time: '09:15' } });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get()).toEqual({ n: 0 });
    const again = await dispatch(ctx, 'checkin.undo', {
      eventId: event.id,
      desk: 'Meja 1',
      participantId: siti.id,
      day: 1,
      reason: 'twice',
    });
    expect(!again.ok && again.error).toMatchObject({ code: 'conflict', params: { notCheckedIn: 1, name: siti.name } });
    const noReason = await dispatch(ctx, 'checkin.undo', {
      eventId: event.id,
      desk: 'M',
      participantId: siti.id,
      day: 1,
      reason: ' ',
    });
    expect(!noReason.ok && noReason.error.issues?.[0]?.path).toBe('reason');
    expect((await scan(siti.code)).verdict).toBe('green');
    expect(rows(ctx).map((r) => [(r as { verdict: string }).verdict, (r as { reason: string }).reason])).toEqual([
      ['ok', null],
      ['undo', 'wrong person'],
      ['ok', null],
    ]);
    expect(ctx.db.prepare("SELECT action FROM audit WHERE action = 'checkin.undo'").all()).toHaveLength(1);
  });

  it('adds a walk-in and checks them in at once; refuses someone already on the list, writing nothing', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    const w = await ok(ctx, 'checkin.walkIn', {
      eventId: event.id,
      desk: 'Meja 1',
      participant: { name: 'Wayan Ariawan', regency: 'Kabupaten Tanggamus', role: 'Peserta' },
    });
    expect(w).toMatchObject({ verdict: 'green', participant: { name: 'Wayan Ariawan', regency: 'Kabupaten Tanggamus' } });
    expect(w.participant!.code).toMatch(/^[0-9A-Z]{8}$/);
    expect(rows(ctx)).toMatchObject([{ verdict: 'ok', input: 'walk_in', pid: w.participant!.id }]);

    const before = rows(ctx).length;
    const dup = await dispatch(ctx, 'checkin.walkIn', { eventId: event.id, desk: 'Meja 1', participant: person() });
    expect(!dup.ok && dup.error).toMatchObject({ code: 'conflict', params: { id: siti.id } });
    at = new Date('2022-09-20T02:00:00Z');
    const noDay = await dispatch(ctx, 'checkin.walkIn', {
      eventId: event.id,
      desk: 'Meja 1',
      participant: { name: 'Rina Lestari', role: 'Peserta' },
    });
    expect(!noDay.ok && noDay.error.code).toBe('not_event_day');
    expect(rows(ctx)).toHaveLength(before);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM participant WHERE name = 'Rina Lestari'").get()).toEqual({ n: 0 });
  });

  it('searches by name for the manual check-in: regency and institution tell namesakes apart, presence shown', async () => {
    const metro = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ nik: null, regency: 'Kabupaten Tanggamus', institution: 'Puskesmas Kota Agung' }),
    });
    await scan(metro.code, { input: 'search' });
    const hits = await ok(ctx, 'checkin.search', { eventId: event.id, query: 'siti ami' });
    expect(hits.map((h) => [h.name, h.regency, h.institution, h.presentTime])).toEqual([
      ['Siti Aminah', 'Kota Metro', 'Dinas Sosial Kota Metro', '09:15'],
      ['Siti Aminah', 'Kabupaten Tanggamus', 'Puskesmas Kota Agung', null],
    ]);
    expect(Object.keys(hits[0]!)).not.toContain('nik');
    expect(await ok(ctx, 'checkin.search', { eventId: event.id, query: ' "* ' })).toEqual([]);
    expect((await ok(ctx, 'checkin.search', { eventId: event.id, query: 'siti', day: 2 }))[0]!.presentAt).toBeNull();
  });

  it('counts present of expected per regency and role, and lists the last scans, newest first', async () => {
    const a = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    const b = await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'Budi', nik: null, regency: 'Kabupaten Tanggamus' }),
    });
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'Citra', nik: null, regency: null, role: 'Narasumber' }),
    });
    await scan(a.code);
    at = new Date('2022-09-07T02:16:00Z');
    await scan(b.code);
    await scan(b.code);
    await scan('not a badge');
    const s = await ok(ctx, 'checkin.stats', { eventId: event.id });
    expect(s).toMatchObject({
      timeZone: 'Asia/Jakarta',
      today: '2022-09-07',
      todayDay: 1,
      day: { dayNo: 1 },
      expected: 3,
      present: 2,
      byRole: [
        { name: 'Peserta', expected: 2, present: 2 },
        { name: 'Narasumber', expected: 1, present: 0 },
      ],
    });
    expect(s.byRegency).toEqual([
      { name: '', expected: 1, present: 0 },
      { name: 'Kabupaten Tanggamus', expected: 1, present: 1 },
      { name: 'Kota Metro', expected: 1, present: 1 },
    ]);
    expect(s.recent.map((r) => [r.verdict, r.name])).toEqual([
      ['not_a_badge', null],
      ['amber', 'Budi'],
      ['green', 'Budi'],
      ['green', a.name],
    ]);
    expect((await ok(ctx, 'checkin.stats', { eventId: event.id, day: 2 })).present).toBe(0);
    expect((await ok(ctx, 'checkin.stats', { eventId: event.id, recent: 1 })).recent).toHaveLength(1);

    const list = await ok(ctx, 'checkin.attendance', { eventId: event.id });
    expect(list.map((r) => [r.dayNo, r.name, r.time, r.desk])).toEqual([
      [1, a.name, '09:15', 'Meja 1'],
      [1, 'Budi', '09:16', 'Meja 1'],
    ]);
    expect(await ok(ctx, 'checkin.attendance', { eventId: event.id, day: 2 })).toEqual([]);
  });
});
