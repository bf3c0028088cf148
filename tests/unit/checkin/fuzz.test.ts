import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { eventTag } from '../../../electron/core/badges/event-tag';
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
    let logged = 0;
    await fc.assert(
      fc.asyncProperty(text, desk, day, async (t, d, day) => {
        const res = await dispatch(ctx, 'checkin.scan', { eventId: event.id, desk: d, text: t, input: 'scanner', day });
        if (!res.ok) {
          expect(['invalid_input', 'not_found']).toContain(res.error.code);
          return;
        }
        logged++;
        expect(['red', 'not_a_badge']).toContain(res.value.verdict);
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
