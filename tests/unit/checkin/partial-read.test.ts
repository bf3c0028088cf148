import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { partialBadge } from '../../../electron/core/checkin/partial-read';
import { badgePayload } from '../../../electron/shared/badge-payload';
import type { HadirEvent } from '../../../electron/shared/event';
import { ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';

// Issue 16, defect 4: a scanner read that lost its first characters still checks in when what
// remains names exactly one badge of the desk's event.

describe('partial scanner read: the suffix rule', () => {
  const tag = '7K2Q';
  const codes = ['AB3XK9TM', 'ZZ3XK9TM', 'QRSTVWXY'];
  const ending = (tail: string, limit: number) => codes.filter((c) => c.endsWith(tail)).slice(0, limit);

  it('reads the code from 9 to 13 characters whose head is the end of HD + this event tag', () => {
    for (const text of ['D7K2QAB3XK9TM', '7K2QAB3XK9TM', 'K2QAB3XK9TM', '2QAB3XK9TM', 'QAB3XK9TM', ' qab3xk9tm ']) {
      expect(partialBadge(text, tag, ending)).toEqual({ kind: 'badge', eventTag: tag, code: 'AB3XK9TM' });
    }
    // Another event's tag, or a head that is not a tag's end: not this event's badge.
    expect(partialBadge('D9999AB3XK9TM', tag, ending)).toBeNull();
    expect(partialBadge('XQAB3XK9TM', tag, ending)).toBeNull();
  });

  it('matches 6 or 7 characters only when exactly one code ends with them', () => {
    expect(partialBadge('STVWXY', tag, ending)).toEqual({ kind: 'badge', eventTag: tag, code: 'QRSTVWXY' });
    expect(partialBadge('B3XK9TM', tag, ending)).toEqual({ kind: 'badge', eventTag: tag, code: 'AB3XK9TM' });
    // Two badges end in 3XK9TM: ambiguous, never a guess.
    expect(partialBadge('3XK9TM', tag, ending)).toBeNull();
    expect(partialBadge('00000A', tag, ending)).toBeNull();
  });

  it('leaves everything else alone: too short, whole badges and codes, URLs, other letters', () => {
    for (const text of ['XK9TM', 'AB3XK9TM', 'HD7K2QAB3XK9TM', 'https://x.id/AB3XK9TM', 'QAB3-XK9TM', 'QAB3XK9TMO']) {
      expect(partialBadge(text, tag, ending)).toBeNull();
    }
  });
});

describe('checkin.scan with a read that lost its first characters', () => {
  let ctx: Ctx;
  let event: HadirEvent;
  beforeEach(async () => {
    ctx = tempCtx();
    ctx.now = () => new Date('2022-09-07T02:15:00Z');
    event = await ok(ctx, 'event.create', PSM_EVENT);
  });
  const secretOf = (id: number) => (ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(id) as { secret: Buffer }).secret;
  const scan = (text: string, input = 'scanner') =>
    ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text, input: input as 'scanner' });

  it('checks in from the scanner, logs what arrived, and refuses what is ambiguous or from the camera', async () => {
    const siti = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Siti Aminah', role: 'Peserta' });
    const budi = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Budi Santoso', role: 'Peserta' });
    const full = badgePayload(eventTag(secretOf(event.id)), siti.code);
    // The same truncated text from the camera is not a badge: a camera never loses characters.
    expect((await scan(full.slice(2), 'camera')).verdict).toBe('not_a_badge');
    const green = await scan(full.slice(2));
    expect(green).toMatchObject({ verdict: 'green', participant: { id: siti.id } });
    expect((await scan(full.slice(1))).verdict).toBe('amber');
    // Six characters of Budi's code: his, as long as no other code ends the same way.
    const tail = budi.code.slice(-6);
    const others = ctx.db.prepare('SELECT count(*) AS n FROM participant WHERE event_id = ? AND code LIKE ?').get(event.id, `%${tail}`) as {
      n: number;
    };
    expect(others.n).toBe(1);
    expect(await scan(tail)).toMatchObject({ verdict: 'green', participant: { id: budi.id } });
    // Give another participant a code with the same ending: the tail is ambiguous now.
    const rina = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Rina Marlina', role: 'Peserta' });
    const twin = `${budi.code.startsWith('Z') ? 'Y' : 'Z'}${budi.code.slice(1, 2)}${tail}`;
    ctx.db.prepare('UPDATE participant SET code = ? WHERE id = ?').run(twin, rina.id);
    expect((await scan(tail)).verdict).toBe('not_a_badge');
    // Another event's badge cut the same way names nobody here.
    const other = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Acara lain' });
    const foreign = badgePayload(eventTag(secretOf(other.id)), siti.code);
    expect((await scan(foreign.slice(1))).verdict).toBe('not_a_badge');
    const rows = ctx.db.prepare('SELECT verdict, raw_code AS raw, participant_id AS pid FROM scan ORDER BY id').all();
    expect(rows).toEqual([
      { verdict: 'not_a_badge', raw: full.slice(2), pid: null },
      { verdict: 'ok', raw: full.slice(2), pid: siti.id },
      { verdict: 'duplicate', raw: full.slice(1), pid: siti.id },
      { verdict: 'ok', raw: tail, pid: budi.id },
      { verdict: 'not_a_badge', raw: tail, pid: null },
      { verdict: 'not_a_badge', raw: foreign.slice(1), pid: null },
    ]);
  });
});
