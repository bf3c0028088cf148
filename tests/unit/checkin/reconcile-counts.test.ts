// Issue 19: the recap (and so the dashboard, every 750 ms) counts the reconciliation's cases with
// one statement (db/repositories/reconciliation-counts.ts) instead of building the whole list.
// The count must equal the full list's, whatever the log holds: here after every step of a
// seeded run of real operations on a real SQLite file (online and late scans from four desks,
// undos, old, foreign and unknown badges, days refused, two laptops' check-ins merged), then the
// plan is pinned: the event's log from the covering index, no temporary B-tree, no table scan.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { reconcile } from '../../../electron/core/checkin/reconcile';
import { dispatch } from '../../../electron/core/dispatch';
import { RECONCILIATION_COUNTS_SQL, reconciliationCounts } from '../../../electron/db/repositories/reconciliation-counts';
import { badgePayload } from '../../../electron/shared/badge-payload';
import type { Participant } from '../../../electron/shared/participant';
import { ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';

const NOW = new Date('2022-09-08T09:00:00Z'); // 16.00 WIB on day 2 of PSM_EVENT

/** A small seeded generator (mulberry32): the same run every time, and another seed is another run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const badgeOf = (ctx: Ctx, eventId: number, code: string) => {
  const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(eventId) as { secret: Buffer };
  return badgePayload(eventTag(secret), code);
};

describe('the recap counts the reconciliation as the full list does', () => {
  it.each([1, 2, 3])('after every step of seeded run %i', async (seed) => {
    const rnd = random(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const ctx = tempCtx();
    ctx.now = () => NOW;
    const other = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Bimtek Pendamping PKH' });
    const stranger = await ok(ctx, 'participants.create', {
      eventId: other.id,
      desk: 'Meja 1',
      name: 'Gita Orang Lain',
      role: 'Peserta',
    });
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    const people: Participant[] = [];
    for (let i = 0; i < 10; i++)
      people.push(await ok(ctx, 'participants.create', { ...scope(ctx), name: `Peserta Nomor ${i + 1}`, role: 'Peserta' }));
    const days = ctx.db.prepare('SELECT id FROM event_day WHERE event_id = ? ORDER BY day_no').all(event.id) as { id: number }[];
    const oldCodes: string[] = [];
    const desks = ['Meja 1', 'Meja 2', 'Meja 3 – HP Rina', 'Meja 4'] as const;
    const lateAt = () =>
      pick([
        '2022-09-07T01:05:00Z',
        '2022-09-07T03:30:00Z',
        '2022-09-08T01:10:00Z',
        '2022-09-08T02:00:00Z',
        '2022-09-06T02:00:00Z',
      ]);
    const someone = () => pick(people);
    // A scan from a desk's outbox: its own time and UUID (sometimes a day the event does not have).
    const fromOutbox = () =>
      ok(ctx, 'checkin.scan', {
        eventId: event.id,
        desk: pick(desks),
        text: badgeOf(ctx, event.id, someone().code),
        input: 'camera',
        uuid: crypto.randomUUID(),
        at: lateAt(),
      });

    const steps: (() => Promise<unknown>)[] = [
      // Online at the hub (today: day 2).
      () =>
        ok(ctx, 'checkin.scan', {
          eventId: event.id,
          desk: pick(desks),
          text: badgeOf(ctx, event.id, someone().code),
          input: 'camera',
        }),
      // From a desk's outbox, twice as likely as the others (the cases come from late scans).
      fromOutbox,
      fromOutbox,
      // An undo at some desk (refused when nothing stands: that is fine, nothing is written).
      () =>
        dispatch(ctx, 'checkin.undo', {
          eventId: event.id,
          desk: pick(desks),
          participantId: someone().id,
          day: pick([1, 2]),
          reason: 'salah orang',
        }),
      // Late: an old badge, another event's badge, a code no one has, something that is not a badge.
      async () => {
        if (oldCodes.length === 0 || rnd() < 0.3)
          oldCodes.push((await ok(ctx, 'badges.reissue', { ...scope(ctx), id: someone().id })).oldCode);
        const text = pick([
          badgeOf(ctx, event.id, pick(oldCodes)),
          badgeOf(ctx, other.id, stranger.code),
          'ZZZZ9999',
          'https://contoh.go.id/bayar',
        ]);
        return ok(ctx, 'checkin.scan', {
          eventId: event.id,
          desk: pick(desks),
          text,
          input: 'camera',
          uuid: crypto.randomUUID(),
          at: lateAt(),
          shown: 'pending_unknown',
        });
      },
      // Another laptop's check-in brought by an event-file merge: a second ok row (both "Meja 1").
      async () => {
        const p = someone();
        ctx.db
          .prepare(
            `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code, input)
             VALUES (?, ?, 'Meja 1', ?, ?, ?, 'ok', ?, 'camera')`,
          )
          .run(crypto.randomUUID(), event.id, p.id, pick(days).id, '2022-09-07T02:00:00.000Z', p.code);
      },
    ];
    // Badge codes change on reissue: read each person's current code before scanning them.
    const refresh = () => {
      for (const p of people)
        p.code = (ctx.db.prepare('SELECT code FROM participant WHERE id = ?').get(p.id) as { code: string }).code;
    };
    let cases = 0;
    for (let i = 0; i < 120; i++) {
      await pick(steps)();
      refresh();
      const full = reconcile(ctx.db, event.id, event.timeZone);
      expect(reconciliationCounts(ctx.db, event.id), `step ${i}`).toEqual(full.counts);
      expect(full.counts.total).toBe(full.cases.length);
      cases = full.counts.total;
    }
    // The run made cases of every kind: otherwise equality proves little.
    const last = reconcile(ctx.db, event.id, event.timeZone).counts;
    expect(cases).toBeGreaterThan(0);
    for (const k of ['double', 'badge_replaced', 'badge_other_event', 'refused'] as const) expect(last[k], k).toBeGreaterThan(0);
    // And the recap carries the counts.
    expect((await ok(ctx, 'reports.recap', { eventId: event.id })).reconciliation).toEqual(last);
  });

  it('reads the log from the covering index, the few person-days by their index, with no temporary B-tree or table scan', () => {
    const ctx = tempCtx();
    const plan = (
      ctx.db.prepare(`EXPLAIN QUERY PLAN ${RECONCILIATION_COUNTS_SQL}`).all({ eventId: 1 }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.filter((d) => /^(SEARCH|SCAN|USE)/.test(d))).toEqual([
      'SEARCH scan USING COVERING INDEX scan_reconcile (event_id=?)',
      'SCAN late',
      expect.stringMatching(/^SEARCH scan USING COVERING INDEX scan_reconcile \(event_id=\?/),
      'SCAN g',
      'SEARCH s USING INDEX scan_participant_day (participant_id=? AND event_day_id=?)',
      'SEARCH u USING INDEX scan_participant_day (participant_id=? AND event_day_id=? AND rowid>?)',
    ]);
  });
});
