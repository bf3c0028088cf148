// Who is "the same person" on import and in the form (core/participants/matcher.ts): by the
// organiser's ID, else NIK, else name + regency, never merging two people whose IDs or NIKs
// differ. Over plain keys, then through a real import into SQLite (what the organiser sees:
// records kept, badges kept).
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { Matcher, nameKeyOf } from '../../electron/core/participants/matcher';
import type { Field } from '../../electron/shared/participant';
import { bin, ok, PSM_EVENT, tempCtx } from '../helpers/ctx';

const keys = (id: number, v: { externalId?: string; nik?: string; name: string; regency: string }, deleted = false) => ({
  id,
  externalId: v.externalId ?? null,
  nik: v.nik ?? null,
  nameKey: nameKeyOf(v),
  deleted,
});
const row = (v: { externalId?: string; nik?: string; name: string; regency: string }) => ({
  externalId: v.externalId ?? null,
  nik: v.nik ?? null,
  name: v.name,
  regency: v.regency,
});

describe('nameKeyOf', () => {
  it('treats a missing name or regency as empty, so a row without a regency matches one stored with an empty one', () => {
    expect(nameKeyOf({ name: 'Dewi', regency: null })).toBe(nameKeyOf({ name: 'Dewi', regency: '' }));
    expect(nameKeyOf({ name: null, regency: 'Metro' })).toBe(nameKeyOf({ name: '', regency: 'Metro' }));
  });
});

describe('Matcher', () => {
  const siti = { externalId: 'A-1', nik: '1872010101010003', name: 'Siti Aminah', regency: 'Kota Metro' };
  const m = new Matcher([
    keys(1, siti),
    keys(2, { name: 'Budi Santoso', regency: 'Lampung Timur' }),
    keys(3, { nik: '1801', name: 'Ani', regency: 'Pesawaran' }),
  ]);

  it('matches on the ID first, then NIK, then name + regency, and says which', () => {
    expect(m.match(row({ externalId: 'A-1', name: 'S. Aminah', regency: 'Metro' }))).toEqual({
      hit: keys(1, siti),
      by: 'externalId',
    });
    expect(m.match(row({ nik: siti.nik, name: 'Siti A.', regency: 'Metro' }))).toMatchObject({ hit: { id: 1 }, by: 'nik' });
    expect(m.match(row({ name: '  siti  AMINAH ', regency: 'kota metro' }))).toMatchObject({ hit: { id: 1 }, by: 'name' });
    expect(m.match(row({ externalId: 'Z-9', nik: '1801', name: 'Siti Aminah', regency: 'Kota Metro' }))).toMatchObject({
      hit: { id: 3 },
      by: 'nik',
    });
    expect(m.find(row({ name: 'Siti Aminah', regency: 'Lampung Timur' }))).toBeUndefined();
  });

  it('refuses a name match when both sides carry different IDs, or different NIKs', () => {
    expect(m.find(row({ externalId: 'A-2', name: 'Siti Aminah', regency: 'Kota Metro' }))).toBeUndefined();
    expect(m.find(row({ nik: '1872010101010099', name: 'Siti Aminah', regency: 'Kota Metro' }))).toBeUndefined();
  });

  it('matches by name when only one side has an ID or a NIK (an ID column added later)', () => {
    expect(m.match(row({ externalId: 'B-7', name: 'Budi Santoso', regency: 'Lampung Timur' }))).toMatchObject({
      hit: { id: 2 },
      by: 'name',
    });
    expect(m.match(row({ nik: '1804', name: 'Budi Santoso', regency: 'Lampung Timur' }))).toMatchObject({
      hit: { id: 2 },
      by: 'name',
    });
    // The stored one has them, the row does not.
    expect(m.match(row({ name: 'Siti Aminah', regency: 'Kota Metro' }))).toMatchObject({ hit: { id: 1 }, by: 'name' });
    expect(m.match(row({ externalId: 'A-1', name: 'Siti Aminah', regency: 'Kota Metro' }))).toMatchObject({ by: 'externalId' });
  });

  it('finds people added after it was built, and removed ones too (the import keeps those out)', () => {
    const later = new Matcher([]);
    later.add(keys(9, { externalId: 'X', name: 'Dewi', regency: 'Metro' }, true));
    expect(later.find(row({ externalId: 'X', name: 'Lain', regency: 'Lain' }))).toMatchObject({ id: 9, deleted: true });
    expect(later.find(row({ name: 'Dewi', regency: 'Metro' }))).toMatchObject({ id: 9 });
    expect(later.find(row({ name: '', regency: '' }))).toBeUndefined();
  });
});

const MAP: (Field | null)[] = ['externalId', 'name', 'regency', 'role'];
const NO_ID_MAP: (Field | null)[] = ['name', 'regency', 'role'];
const people = (ctx: Ctx) =>
  ctx.db.prepare('SELECT id, external_id AS ext, name, regency, code FROM participant ORDER BY id').all() as {
    id: number;
    ext: string | null;
    name: string;
    regency: string;
    code: string;
  }[];

describe('importing namesakes', () => {
  const commit = async (ctx: Ctx, eventId: number, csv: string, mapping: (Field | null)[]) =>
    ok(ctx, 'participants.importCommit', {
      eventId,
      desk: 'Meja 1',
      fileName: 'peserta.csv',
      bytes: bin(csv),
      mapping,
      skipInvalid: false,
    });

  it('keeps two people of one name and regency apart when their IDs differ, in one file or across imports', async () => {
    const ctx = tempCtx();
    const { id: eventId } = await ok(ctx, 'event.create', PSM_EVENT);
    const first = await commit(
      ctx,
      eventId,
      'ID,Nama,Kabupaten/Kota,Peran\nA-1,Siti Aminah,Kota Metro,Peserta\nA-2,Siti Aminah,Kota Metro,Panitia\n',
      MAP,
    );
    expect(first).toMatchObject({ inserted: 2, updated: 0 });
    const again = await commit(ctx, eventId, 'ID,Nama,Kabupaten/Kota,Peran\nA-3,Siti Aminah,Kota Metro,Narasumber\n', MAP);
    expect(again).toMatchObject({ inserted: 1, updated: 0 });
    const all = people(ctx);
    expect(all.map((p) => [p.ext, p.name])).toEqual([
      ['A-1', 'Siti Aminah'],
      ['A-2', 'Siti Aminah'],
      ['A-3', 'Siti Aminah'],
    ]);
    expect(new Set(all.map((p) => p.code)).size).toBe(3);
    expect(ctx.db.prepare('SELECT role FROM participant ORDER BY id').all()).toEqual([
      { role: 'Peserta' },
      { role: 'Panitia' },
      { role: 'Narasumber' },
    ]);
  });

  it('a re-import that adds an ID column updates the same people and keeps their badges', async () => {
    const ctx = tempCtx();
    const { id: eventId } = await ok(ctx, 'event.create', PSM_EVENT);
    await commit(
      ctx,
      eventId,
      'Nama,Kabupaten/Kota,Peran\nSiti Aminah,Kota Metro,Peserta\nBudi Santoso,Lampung Timur,Peserta\n',
      NO_ID_MAP,
    );
    const before = people(ctx);
    const res = await commit(
      ctx,
      eventId,
      'ID,Nama,Kabupaten/Kota,Peran\nA-1,Siti Aminah,Kota Metro,Peserta\nA-2,Budi Santoso,Lampung Timur,Peserta\n',
      MAP,
    );
    expect(res).toMatchObject({ inserted: 0, updated: 2 });
    expect(people(ctx)).toEqual(before.map((p, i) => ({ ...p, ext: `A-${i + 1}` })));
  });
});
