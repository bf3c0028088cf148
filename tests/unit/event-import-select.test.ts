// Issue 18, defect 14: an event imported onto an empty kiosk is the kiosk's event at once
// (before, event.get said "no event yet" until `hadir event use`); onto a kiosk that already
// works on an event, that one stays selected.
import { describe, expect, it } from 'vitest';
import { ok, tempCtx } from '../helpers/ctx';

describe('event import selects the event on an empty kiosk', () => {
  it('selects it when the kiosk has none, keeps the current one otherwise', async () => {
    const office = tempCtx();
    await ok(office, 'event.createDemo', {});
    const file = (await ok(office, 'event.exportFile', {})).bytes;

    const empty = tempCtx();
    expect(await ok(empty, 'event.get', {})).toBeNull();
    const out = await ok(empty, 'event.importFile', { bytes: file, mode: 'new' });
    expect((await ok(empty, 'event.get', {}))?.id).toBe(out.eventId);
    expect((await ok(empty, 'participants.list', { limit: 1 })).total).toBe(66);

    const busy = tempCtx();
    const own = await ok(busy, 'event.createDemo', {});
    const imported = await ok(busy, 'event.importFile', { bytes: file, mode: 'new' });
    expect(imported.eventId).not.toBe(own.id);
    expect((await ok(busy, 'event.get', {}))?.id).toBe(own.id);
    for (const c of [office, empty, busy]) c.db.close();
  }, 120_000);
});
