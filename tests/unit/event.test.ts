import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { listAudit } from '../../electron/db/repositories/audit';
import { openContext } from '../../electron/core/open-context';
import { ok, PSM_EVENT, RESOURCES, tempCtx, tempDir, scope } from '../helpers/ctx';

describe('event operations', () => {
  it('has no event on a new database', async () => {
    expect(await ok(tempCtx(), 'event.get', {})).toBeNull();
  });

  it('creates an event with sorted days, default roles, and an audit row', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    expect(e).toMatchObject({
      name: 'Peningkatan Kemampuan Potensi PSM',
      organiser: 'Dinas Sosial Provinsi Lampung',
      venue: 'Hotel Horison',
      city: 'Bandar Lampung',
      signatoryName: 'Drs. Aswarodi, M.Si.',
      signatoryTitle: 'Kepala Dinas Sosial Provinsi Lampung',
      signatoryNip: '',
      roles: ['Peserta', 'Narasumber', 'Panitia'],
      participantCount: 0,
    });
    expect(e.days.map((d) => [d.dayNo, d.date])).toEqual([
      [1, '2022-09-07'],
      [2, '2022-09-08'],
    ]);
    expect(await ok(ctx, 'event.get', {})).toEqual(e);
    expect(listAudit(ctx.db)[0]).toMatchObject({ actor: 'test', action: 'event.create' });
  });

  it('persists across reopening the file', async () => {
    const dir = tempDir();
    const a = openContext(dir, 'cli', RESOURCES);
    await ok(a, 'event.create', { ...PSM_EVENT, signatoryNip: '196703121993031004' });
    a.db.close();
    const b = openContext(dir, 'web', RESOURCES);
    expect((await ok(b, 'event.get', {}))?.signatoryNip).toBe('196703121993031004');
  });

  it('updates details and days, keeping the ids of days that stay', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    const day1 = e.days[0]!.id;
    const u = await ok(ctx, 'event.update', {
      ...scope(ctx),
      ...PSM_EVENT,
      venue: 'Hotel Novotel',
      days: ['2022-09-06', '2022-09-07'],
    });
    expect(u.venue).toBe('Hotel Novotel');
    expect(u.days.map((d) => [d.dayNo, d.date])).toEqual([
      [1, '2022-09-06'],
      [2, '2022-09-07'],
    ]);
    expect(u.days[1]!.id).toBe(day1);
  });

  it('refuses to drop a day that already has check-ins', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    ctx.db
      .prepare(
        `INSERT INTO scan(uuid, event_id, station, event_day_id, scanned_at, verdict, raw_code) VALUES ('u', ?, 'd', ?, 'now', 'unknown', 'X')`,
      )
      .run(e.id, e.days[1]!.id);
    const res = await dispatch(ctx, 'event.update', { ...scope(ctx), ...PSM_EVENT, days: ['2022-09-07'] });
    // Checked before the write, so the message names the day (a foreign-key failure could not).
    expect(!res.ok && res.error).toMatchObject({ code: 'conflict', params: { day: '2022-09-08' } });
    expect((await ok(ctx, 'event.get', {}))!.days).toHaveLength(2);
  });

  it('opens the demo event from resources/ with its 66 participants', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.createDemo', {});
    expect(e.organiser).toBe('Dinas Sosial Provinsi Lampung');
    expect(e.venue).toBe('Hotel Horison Bandar Lampung');
    expect(e.days.map((d) => d.date)).toEqual(['2022-09-07', '2022-09-08']);
    expect(e.participantCount).toBe(66);
    // Marked, so the UI can tell it from the real 2022 event of the same name (issue 16, item 11).
    expect(e.demo).toBe(true);
    // The demo ships with the app: it must not depend on ../shared at run time.
    expect(fs.existsSync(`${RESOURCES}/demo/peserta.csv`)).toBe(true);
  });

  it('stores the UI language, defaulting to Indonesian', async () => {
    const ctx = tempCtx();
    expect(await ok(ctx, 'settings.get', {})).toEqual({ lang: 'id', kioskDesk: null });
    await ok(ctx, 'settings.set', { lang: 'en' });
    expect(await ok(ctx, 'settings.get', {})).toEqual({ lang: 'en', kioskDesk: null });
    const bad = await dispatch(ctx, 'settings.set', { lang: 'fr' } as never);
    expect(bad.ok).toBe(false);
  });

  it('keeps several events and switches the active one; participants stay with their event', async () => {
    const ctx = tempCtx();
    const demo = await ok(ctx, 'event.createDemo', {});
    const own = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Rapat PSM 2026', days: ['2026-12-01'] });
    expect((await ok(ctx, 'event.get', {}))!.id).toBe(own.id);
    expect((await ok(ctx, 'participants.list', {})).total).toBe(0);
    expect(await ok(ctx, 'event.list', {})).toEqual([
      {
        id: own.id,
        name: 'Rapat PSM 2026',
        city: 'Bandar Lampung',
        firstDay: '2026-12-01',
        lastDay: '2026-12-01',
        participantCount: 0,
        active: true,
        archived: false,
        demo: false,
      },
      {
        id: demo.id,
        name: demo.name,
        city: 'Bandar Lampung',
        firstDay: '2022-09-07',
        lastDay: '2022-09-08',
        participantCount: 66,
        active: false,
        archived: false,
        demo: true,
      },
    ]);
    expect((await ok(ctx, 'event.get', { eventId: own.id }))!.demo).toBe(false);
    expect((await ok(ctx, 'event.activate', { id: demo.id })).participantCount).toBe(66);
    expect((await ok(ctx, 'participants.list', {})).total).toBe(66);
    const missing = await dispatch(ctx, 'event.activate', { id: 999 });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });
});
