import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { blankFields, type ParticipantInput } from '../../electron/shared/participant';
import { ok, PSM_EVENT, tempCtx, scope } from '../helpers/ctx';

const person = (name: string, over: Partial<ParticipantInput> = {}): ParticipantInput => ({
  ...blankFields(),
  externalId: null,
  name,
  gender: null,
  regency: 'Kabupaten Way Kanan',
  district: null,
  institution: null,
  nik: null,
  phone: null,
  email: null,
  role: 'Peserta',
  ...over,
});

let ctx: Ctx;
beforeEach(async () => {
  ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
});

describe('the participant list, as the desk reads it', () => {
  it('finds "Ma\'ruf" when typed without the apostrophe, or with another one (issue 9.10)', async () => {
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person("Ma'ruf Hasibuan") });
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Nur’aini', { regency: "Kota Ma'rifat" }) });
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Marudin') });
    const names = async (query: string) => (await ok(ctx, 'participants.list', { query })).rows.map((r) => r.name);
    expect(await names('maruf')).toEqual(["Ma'ruf Hasibuan"]);
    expect(await names("ma'ruf")).toEqual(["Ma'ruf Hasibuan"]);
    expect(await names('Ma’ruf hasi')).toEqual(["Ma'ruf Hasibuan"]);
    expect(await names('nuraini')).toEqual(['Nur’aini']);
    expect(await names("nur'aini")).toEqual(['Nur’aini']);
    expect(await names('marifat')).toEqual(['Nur’aini']);
    expect(await names('maru')).toEqual(["Ma'ruf Hasibuan", 'Marudin']);
    // An edit keeps the index in step, folded the same way.
    const p = (await ok(ctx, 'participants.list', { query: 'marudin' })).rows[0]!;
    await ok(ctx, 'participants.update', { ...scope(ctx), id: p.id, data: person("Mar'udin") });
    expect(await names('marudin')).toEqual(["Mar'udin"]);
  });

  it('counts the matches against the whole list: "2 of 64", not "2 of 2" (issue 9.9)', async () => {
    for (const n of ['Agus Salim', 'Agus Setiawan', 'Budi Santoso', 'Citra Dewi'])
      await ok(ctx, 'participants.create', { ...scope(ctx), ...person(n) });
    const res = await ok(ctx, 'participants.list', { query: 'agus' });
    expect({ total: res.total, all: res.all, deleted: res.deleted }).toEqual({ total: 2, all: 4, deleted: 0 });
  });

  it('keeps deleted participants findable under their own filter, restorable with their badge code (issue 9.1)', async () => {
    const a = await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Agus Salim') });
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Budi Santoso') });
    await ok(ctx, 'participants.delete', { ...scope(ctx), id: a.id });
    const active = await ok(ctx, 'participants.list', {});
    expect(active.rows.map((r) => r.name)).toEqual(['Budi Santoso']);
    expect({ all: active.all, deleted: active.deleted }).toEqual({ all: 1, deleted: 1 });
    const gone = await ok(ctx, 'participants.list', { onlyDeleted: true, query: 'agus' });
    expect(gone.rows.map((r) => [r.name, r.code, r.deleted])).toEqual([['Agus Salim', a.code, true]]);
    // Much later (no undo message any more): restored from that list, with the same badge code.
    const back = await ok(ctx, 'participants.restore', { ...scope(ctx), id: a.id });
    expect(back).toMatchObject({ deleted: false, code: a.code });
    expect((await ok(ctx, 'participants.list', { onlyDeleted: true })).total).toBe(0);
  });

  it('gives the first check-in time of each day the participant was present (issue 9.11)', async () => {
    const a = await ok(ctx, 'participants.create', { ...scope(ctx), ...person('Agus Salim') });
    const e = (await ok(ctx, 'event.get', {}))!;
    const scan = ctx.db.prepare(
      `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code)
       VALUES (?, ?, 'desk', ?, ?, ?, 'ok', ?)`,
    );
    scan.run('s1', e.id, a.id, e.days[1]!.id, '2022-09-08T01:05:00.000Z', a.code);
    scan.run('s2', e.id, a.id, e.days[1]!.id, '2022-09-08T03:00:00.000Z', a.code);
    scan.run('s3', e.id, a.id, e.days[0]!.id, '2022-09-07T00:58:00.000Z', a.code);
    const row = (await ok(ctx, 'participants.list', {})).rows[0]!;
    expect(row.daysPresent).toEqual([1, 2]);
    expect(row.presentAt).toEqual([
      { dayNo: 1, at: '2022-09-07T00:58:00.000Z' },
      { dayNo: 2, at: '2022-09-08T01:05:00.000Z' },
    ]);
  });

  it('remembers which fields were corrected in the form (for re-imports, issue 9.2)', async () => {
    const a = await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person('Agus Salim', { gender: 'P', phone: '081234567890' }),
    });
    expect(a.editedFields).toEqual([]);
    await ok(ctx, 'participants.update', {
      ...scope(ctx),
      id: a.id,
      data: person('Agus Salim', { gender: 'L', phone: '081234567890' }),
    });
    const b = await ok(ctx, 'participants.update', {
      ...scope(ctx),
      id: a.id,
      data: person('Agus Salim', { gender: 'L', phone: '0812 3456 7899' }),
    });
    expect(b.editedFields).toEqual(['gender', 'phone']);
  });
});
