// Issue 18, defect 17: a badge code is compared as raw ASCII. Unicode case mapping folds
// look-alikes onto code letters (ſ → S, ı → I → 1, ß → SS): such a text is not a badge, never
// the person's own code (108 of 9,880 mutations gave amber before).
import { describe, expect, it } from 'vitest';
import { parseBadgeText } from '../../electron/shared/badge-payload';
import { ok, tempCtx } from '../helpers/ctx';

const CODE = 'SS1ABCDE';
const LOOK_ALIKES = ['ßıABCDE', 'ſS1ABCDE', 'SſıABCDE', 'ßıabcde', 'SS1ABCDE\u00a0X'.slice(0, 8) + '\u0301'];

describe('badge codes are ASCII', () => {
  it('reads the code itself, typed or scanned, as before', () => {
    expect(parseBadgeText(CODE)).toEqual({ kind: 'code', code: CODE });
    expect(parseBadgeText(' ss1abcde\t')).toEqual({ kind: 'code', code: CODE });
    expect(parseBadgeText(`HD7K2Q${CODE}\r\n`)).toEqual({ kind: 'badge', eventTag: '7K2Q', code: CODE });
  });

  it('refuses case-mapping look-alikes, bare and inside a full badge', () => {
    for (const text of LOOK_ALIKES) expect(parseBadgeText(text), text).toEqual({ kind: 'not_a_badge' });
    expect(parseBadgeText('HD7K2Qßıabcde')).toEqual({ kind: 'not_a_badge' });
    expect(parseBadgeText('hd7k2qſs1abcde')).toEqual({ kind: 'not_a_badge' });
  });

  it('a look-alike of a checked-in person is not amber at the desk', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const person = (await ok(ctx, 'participants.list', { limit: 1 })).rows[0]!;
    ctx.db.prepare('UPDATE participant SET code = ? WHERE id = ?').run(CODE, person.id);
    const at = { eventId: event.id, desk: 'Meja 1', day: 1 };
    expect(await ok(ctx, 'checkin.scan', { ...at, text: CODE })).toMatchObject({ verdict: 'green' });
    for (const text of ['ßıABCDE', 'ſS1ABCDE'])
      expect(await ok(ctx, 'checkin.scan', { ...at, text }), text).toMatchObject({ verdict: 'not_a_badge' });
    ctx.db.close();
  });
});
