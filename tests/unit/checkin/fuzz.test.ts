import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload, CODE_ALPHABET } from '../../../electron/shared/badge-payload';
import { MAX_SCAN_TEXT, RAW_CODE_LOGGED } from '../../../electron/shared/checkin';
import { ok, PSM_EVENT, tempCtx, scope } from '../../helpers/ctx';

describe('checkin.scan under hostile input (fast-check)', () => {
  it('never crashes, never checks anyone in, and writes nothing but failed-scan rows', async () => {
    const ctx = tempCtx();
    ctx.now = () => new Date('2022-09-07T03:00:00Z');
    const other = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Acara Lain' });
    const otherCodes: string[] = [];
    for (let i = 0; i < 5; i++)
      otherCodes.push((await ok(ctx, 'participants.create', { ...scope(ctx), name: `Lain ${i}`, role: 'Peserta' })).code);
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    for (let i = 0; i < 5; i++) await ok(ctx, 'participants.create', { ...scope(ctx), name: `Peserta ${i}`, role: 'Peserta' });
    const secret = (id: number) => (ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(id) as { secret: Buffer }).secret;
    const ownTag = eventTag(secret(event.id));
    const otherTag = eventTag(secret(other.id));
    const snapshot = () =>
      ctx.db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM participant) AS p, (SELECT COUNT(*) FROM attendance) AS a,
             (SELECT COUNT(*) FROM audit) AS au, (SELECT group_concat(updated_at) FROM participant) AS u`,
        )
        .get();
    const before = snapshot();

    const CROCKFORD = `[${CODE_ALPHABET}]`;
    /** What the desk must answer for a text: not a badge, not registered, or the other event's badge. */
    const oracle = (t: string): 'own' | { reason: 'not_a_badge' | 'not_registered' | 'other_event' } => {
      if (t.length > 64) return { reason: 'not_a_badge' };
      const upper = t.trim().toUpperCase();
      const full = new RegExp(`^HD(${CROCKFORD}{4})(${CROCKFORD}{8})$`).exec(upper);
      const typed = upper.replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
      const [tag, c] = full ? [full[1]!, full[2]!] : new RegExp(`^${CROCKFORD}{8}$`).test(typed) ? [null, typed] : [null, null];
      if (c === null) return { reason: 'not_a_badge' };
      if ((tag === null || tag === ownTag) && ownCodes.includes(c)) return 'own';
      if ((tag === null || tag === otherTag) && otherCodes.includes(c)) return { reason: 'other_event' };
      return { reason: 'not_registered' };
    };

    const code = fc.string({ unit: fc.constantFrom(...CODE_ALPHABET), minLength: 8, maxLength: 8 });
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      // Control characters, NUL and the keys a wedge scanner may append.
      fc
        .array(fc.constantFrom('\u0000', '\t', '\r', '\n', '\u001b', '\u007f', '\u200b', 'H', 'D', '0'), { maxLength: 30 })
        .map((a) => a.join('')),
      fc.string({ minLength: MAX_SCAN_TEXT - 10, maxLength: MAX_SCAN_TEXT + 10 }),
      fc.constantFrom(...otherCodes),
      fc.constantFrom(...otherCodes).map((c) => badgePayload(otherTag, c)),
      // Well-formed badges of this event and of unknown events with random (unregistered) codes.
      code.map((c) => badgePayload(ownTag, c)),
      fc.tuple(code, code).map(([t, c]) => badgePayload(t.slice(0, 4), c)),
      code.map((c) => ` ${c.toLowerCase()}\r\n`),
    );
    const desk = fc.oneof({ arbitrary: fc.constant('Meja 1'), weight: 4 }, fc.string({ maxLength: 60 }));
    const day = fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, fc.integer({ min: -2, max: 40 }));
    const ownCodes = (ctx.db.prepare('SELECT code FROM participant WHERE event_id = ?').all(event.id) as { code: string }[]).map(
      (r) => r.code,
    );
    const days = (await ok(ctx, 'event.get', {}))!.days;
    const lastRow = ctx.db.prepare(
      `SELECT station, participant_id AS pid, event_day_id AS dayId, verdict, raw_code AS raw, input, day_source AS src
         FROM scan ORDER BY id DESC LIMIT 1`,
    );
    let logged = 0;
    await fc.assert(
      fc.asyncProperty(text, desk, day, async (t, d, day) => {
        const res = await dispatch(ctx, 'checkin.scan', { eventId: event.id, desk: d, text: t, input: 'scanner', day });
        if (!res.ok) {
          expect(['invalid_input', 'not_found']).toContain(res.error.code);
          return;
        }
        logged++;
        // Each answer, not only the set of answers: the verdict and reason the rules give this
        // text (an oracle written from shared/badge-payload.ts's comment), the event named, the
        // day counted, and the row the log keeps.
        const want = oracle(t);
        if (want === 'own') return; // a random code equal to one of this event's 5 (odds ~1e-11)
        const chosen = days.find((x) => x.dayNo === (day ?? 1))!;
        expect(res.value, JSON.stringify(t)).toMatchObject({
          verdict: want.reason === 'not_a_badge' ? 'not_a_badge' : 'red',
          reason: want.reason,
          participant: null,
          day: { dayNo: chosen.dayNo, date: chosen.date },
        });
        expect(res.value.otherEvent, JSON.stringify(t)).toEqual(
          want.reason === 'other_event' ? { id: other.id, name: 'Acara Lain' } : undefined,
        );
        // The desk name as the contract normalised it (trimmed), the same on screen and in the log.
        const desk = res.value.scan.desk;
        if (d === 'Meja 1') expect(desk).toBe('Meja 1');
        expect(lastRow.get()).toEqual({
          station: desk,
          pid: null,
          dayId: chosen.id,
          verdict: { not_a_badge: 'not_a_badge', not_registered: 'unknown', other_event: 'other_event' }[want.reason],
          raw: t.slice(0, RAW_CODE_LOGGED),
          input: 'scanner',
          src: day === null ? 'auto' : 'operator',
        });
      }),
      { numRuns: 1500 },
    );
    // Whole objects of the wrong shape, too.
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        const res = await dispatch(ctx, 'checkin.scan', input);
        if (res.ok) logged++;
        else expect(res.error.code).not.toBe('internal');
      }),
      { numRuns: 300 },
    );

    expect(snapshot()).toEqual(before);
    const rows = ctx.db.prepare('SELECT verdict, length(raw_code) AS n FROM scan').all() as { verdict: string; n: number }[];
    expect(rows).toHaveLength(logged);
    expect(logged).toBeGreaterThan(800);
    for (const r of rows) {
      expect(['unknown', 'other_event', 'not_a_badge', 'replaced', 'wrong_day']).toContain(r.verdict);
      expect(r.n).toBeLessThanOrEqual(RAW_CODE_LOGGED);
    }
    expect(new Set(rows.map((r) => r.verdict))).toEqual(new Set(['unknown', 'other_event', 'not_a_badge']));
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
