import { describe, expect, it } from 'vitest';
import { deskEventId, readEventId } from '../../electron/core/event/desk-event';
import { HadirError } from '../../electron/shared/errors';
import { deskScope } from '../../electron/shared/desk';
import { ok, PSM_EVENT, tempCtx } from '../helpers/ctx';

const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof HadirError ? e.toJSON() : e;
  }
  throw new Error('did not throw');
};

describe('desk scope', () => {
  it('names an event and a desk, trimmed, and refuses an empty or overlong desk name', () => {
    expect(deskScope.parse({ eventId: 3, desk: '  Meja 2 ' })).toEqual({ eventId: 3, desk: 'Meja 2' });
    expect(deskScope.safeParse({ eventId: 3, desk: '   ' }).success).toBe(false);
    expect(deskScope.safeParse({ eventId: 3, desk: 'x'.repeat(41) }).success).toBe(false);
    expect(deskScope.safeParse({ eventId: 0, desk: 'Meja 1' }).success).toBe(false);
    expect(deskScope.safeParse({ desk: 'Meja 1' }).success).toBe(false);
  });

  it('lets a desk record into an event that exists, and refuses one that does not, saying which', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    expect(deskEventId(ctx, { eventId: e.id, desk: 'Meja 1' })).toBe(e.id);
    expect(caught(() => deskEventId(ctx, { eventId: e.id + 1, desk: 'Meja 1' }))).toMatchObject({
      code: 'desk_event',
      params: { missing: e.id + 1 },
    });
  });

  it("reads the desk's event when named, else the kiosk's default", async () => {
    const ctx = tempCtx();
    expect(caught(() => readEventId(ctx, undefined))).toMatchObject({ code: 'no_event' });
    const a = await ok(ctx, 'event.create', PSM_EVENT);
    const b = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Acara kedua' });
    expect(readEventId(ctx, undefined)).toBe(b.id);
    expect(readEventId(ctx, a.id)).toBe(a.id);
    expect(caught(() => readEventId(ctx, b.id + 5))).toMatchObject({ code: 'desk_event' });
  });
});
