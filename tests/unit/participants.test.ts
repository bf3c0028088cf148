import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { maskDigits, maskEmail } from '../../electron/core/participants/mask';
import { toMatchQuery } from '../../electron/core/participants/search';
import { blankFields, type ParticipantInput } from '../../electron/shared/participant';
import { ok, PSM_EVENT, tempCtx, scope } from '../helpers/ctx';

const person = (over: Partial<ParticipantInput> = {}): ParticipantInput => ({
  ...blankFields(),
  externalId: null,
  name: 'Ni Luh Putu Ayu Kusumawati, A.Md.',
  gender: 'P',
  regency: 'Kabupaten Lampung Barat',
  district: 'Sidomulyo',
  institution: null,
  nik: '1871010101010003',
  phone: '081234567890',
  email: 'niluh@example.id',
  role: 'Peserta',
  ...over,
});

let ctx: Ctx;
beforeEach(async () => {
  ctx = tempCtx();
  await ok(ctx, 'event.create', PSM_EVENT);
});

describe('masking (UU PDP)', () => {
  it('masks NIK, phone and e-mail the way the desk sees them', () => {
    expect(maskDigits('1871010101010003')).toBe('1871••••••••0003');
    expect(maskDigits('081234567890')).toBe('0812•••••890');
    expect(maskDigits('08123456')).toBe('08••••56');
    expect(maskEmail('niluh@example.id')).toBe('ni•••@example.id');
    expect(maskDigits(null)).toBeNull();
  });
});

describe('participants', () => {
  it('creates with a unique 8-character badge code; lists mask personal data, get shows it', async () => {
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    expect(p.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const list = await ok(ctx, 'participants.list', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      name: p.name,
      nik: '1871••••••••0003',
      phone: '0812•••••890',
      email: 'ni•••@example.id',
    });
    expect(await ok(ctx, 'participants.get', { id: p.id })).toMatchObject({ nik: '1871010101010003', phone: '081234567890' });
  });

  it('refuses a second record of the same person and an unknown role', async () => {
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    const dup = await dispatch(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'NI LUH PUTU AYU KUSUMAWATI, A.Md.', nik: null }),
    });
    expect(!dup.ok && dup.error.code).toBe('conflict');
    const role = await dispatch(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'Other', nik: null, role: 'Tamu' }),
    });
    expect(!role.ok && role.error.code).toBe('invalid_input');
    await ok(ctx, 'roles.add', { ...scope(ctx), name: 'Tamu' });
    expect(
      (await ok(ctx, 'participants.create', { ...scope(ctx), ...person({ name: 'Other', nik: null, role: 'Tamu' }) })).role,
    ).toBe('Tamu');
    expect((await ok(ctx, 'participants.facets', {})).roles).toEqual(['Peserta', 'Narasumber', 'Panitia', 'Tamu']);
  });

  it('searches by the prefix of any word, ignoring case and diacritics', async () => {
    await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'José Hernández', nik: null, regency: 'Kota Metro' }),
    });
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'Lukman Hakim', nik: null, regency: 'Kabupaten Tanggamus' }),
    });
    const names = async (query: string) => (await ok(ctx, 'participants.list', { query })).rows.map((r) => r.name);
    expect(await names('ni luh')).toEqual(['Ni Luh Putu Ayu Kusumawati, A.Md.']);
    expect(await names('KUSUMA')).toEqual(['Ni Luh Putu Ayu Kusumawati, A.Md.']);
    expect(await names('jose hernan')).toEqual(['José Hernández']);
    expect(await names('HERNÁNDEZ')).toEqual(['José Hernández']);
    expect(await names('lu')).toEqual(['Lukman Hakim', 'Ni Luh Putu Ayu Kusumawati, A.Md.']);
    expect(await names('uh')).toEqual([]); // prefix of a word, not any substring
    expect(await names('tanggamus')).toEqual(['Lukman Hakim']);
    expect(await names('"AND* NEAR(')).toEqual([]); // FTS syntax is just text
    expect(await names('')).toHaveLength(3);
  });

  it('builds quoted prefix queries', () => {
    expect(toMatchQuery('Ni  Luh')).toBe('"ni"* "luh"*');
    expect(toMatchQuery('  ,. ')).toBeNull();
    expect(toMatchQuery('Hernández')).toBe('"hernandez"*');
  });

  it('filters by regency, role and attendance on a day', async () => {
    const a = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    await ok(ctx, 'participants.create', {
      ...scope(ctx),
      ...person({ name: 'Budi', nik: null, regency: 'Kota Metro', role: 'Narasumber' }),
    });
    const e = (await ok(ctx, 'event.get', {}))!;
    ctx.db
      .prepare(
        `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code) VALUES ('s1', ?, 'desk', ?, ?, 'now', 'ok', ?)`,
      )
      .run(e.id, a.id, e.days[1]!.id, a.code);
    const q = async (input: object) => (await ok(ctx, 'participants.list', input)).rows.map((r) => r.name);
    expect(await q({ regency: 'Kota Metro' })).toEqual(['Budi']);
    expect(await q({ role: 'Narasumber' })).toEqual(['Budi']);
    expect(await q({ status: 'present' })).toEqual([a.name]);
    expect(await q({ status: 'present', day: 1 })).toEqual([]);
    expect(await q({ status: 'present', day: 2 })).toEqual([a.name]);
    expect(await q({ status: 'absent', day: 2 })).toEqual(['Budi']);
    expect((await ok(ctx, 'participants.list', {})).rows.find((r) => r.id === a.id)!.daysPresent).toEqual([2]);
    // An undo row (a later log entry) makes the participant absent again.
    ctx.db
      .prepare(
        `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code, reason) VALUES ('s2', ?, 'desk', ?, ?, 'now', 'undo', ?, 'wrong person')`,
      )
      .run(e.id, a.id, e.days[1]!.id, a.code);
    expect(await q({ status: 'present' })).toEqual([]);
    const bad = await dispatch(ctx, 'participants.list', { status: 'present', day: 9 });
    expect(!bad.ok && bad.error.code).toBe('not_found');
  });

  it('soft-deletes with undo, keeping the badge code', async () => {
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    const d = await ok(ctx, 'participants.delete', { ...scope(ctx), id: p.id });
    expect(d.deleted).toBe(true);
    expect((await ok(ctx, 'participants.list', {})).total).toBe(0);
    expect((await ok(ctx, 'participants.list', { includeDeleted: true })).total).toBe(1);
    expect((await ok(ctx, 'event.get', {}))!.participantCount).toBe(0);
    const r = await ok(ctx, 'participants.restore', { ...scope(ctx), id: p.id });
    expect(r).toMatchObject({ deleted: false, code: p.code });
    expect((await ok(ctx, 'participants.list', {})).total).toBe(1);
  });

  it('updates a participant and keeps search in step', async () => {
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person() });
    const u = await ok(ctx, 'participants.update', {
      ...scope(ctx),
      id: p.id,
      data: person({ name: 'Ni Luh Sari', phone: '0811-222-333' }),
    });
    expect(u.name).toBe('Ni Luh Sari');
    expect((await ok(ctx, 'participants.list', { query: 'sari' })).total).toBe(1);
    expect((await ok(ctx, 'participants.list', { query: 'kusumawati' })).total).toBe(0);
    const missing = await dispatch(ctx, 'participants.update', { ...scope(ctx), id: 999, data: person() });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });
});
