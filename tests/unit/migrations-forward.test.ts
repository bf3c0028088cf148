import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { ok, RESOURCES, ROOT } from '../helpers/ctx';
import { databaseAt, seedV10 } from '../helpers/schema';

const counts = (db: { prepare: (s: string) => { get: () => unknown } }) =>
  Object.fromEntries(
    ['event', 'event_day', 'role', 'participant', 'scan', 'audit', 'setting'].map((t) => [
      t,
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );

describe('migrations, all of them', () => {
  it('are numbered in steps of ten, in order, once each', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of versions) expect(v % 10).toBe(0);
  });

  it('each have a test of their own (tests/unit/**/migration-NNNN.test.ts)', () => {
    const tests = fs
      .readdirSync(path.join(ROOT, 'tests/unit'), { recursive: true })
      .map(String)
      .map((f) => path.basename(f));
    for (const m of MIGRATIONS) {
      const name = `migration-${String(m.version).padStart(4, '0')}.test.ts`;
      expect(tests, `${name} for migration ${m.name}`).toContain(name);
    }
  });

  // A kiosk may skip versions: it updates from whatever it ran at the last event.
  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    'bring a kiosk at version %i forward with its data, and the app works on it',
    async (version) => {
      const { db, file } = databaseAt(version);
      seedV10(db);
      const before = counts(db);
      db.close();

      const ctx = openContext(path.dirname(file), 'web', RESOURCES, { actor: 'test' });
      expect(ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
      expect(counts(ctx.db)).toEqual(before);

      // Reads see the old rows: the list (search index included) and attendance from the log.
      const list = await ok(ctx, 'participants.list', { eventId: 1, query: 'rina' });
      expect(list.rows.map((r) => r.name)).toEqual(['Rina Marlina']);
      const present = await ok(ctx, 'participants.list', { eventId: 1, status: 'present', day: 1 });
      expect(present.rows.map((r) => r.name)).toEqual(['Rina Marlina']); // Joko came on day 2
      expect((await ok(ctx, 'event.get', {}))!.name).toBe('Pelatihan PSM');
      // And writes go through, audit row and all.
      await ok(ctx, 'participants.create', { eventId: 2, desk: 'Meja 1', name: 'Siti Aminah', role: 'Peserta' });
      const dup = await dispatch(ctx, 'participants.create', {
        eventId: 1,
        desk: 'Meja 1',
        name: 'Rina Marlina',
        role: 'Peserta',
        regency: 'Kota Metro',
      });
      expect(!dup.ok && dup.error.code).toBe('conflict');
      ctx.db.close();
    },
    60_000,
  );
});
