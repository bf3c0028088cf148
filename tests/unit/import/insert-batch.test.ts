// insertParticipants names in each statement only the columns its batch fills (issue 21, fifth
// pass): what lands must be what was given, whichever columns each batch happens to fill.
import { describe, expect, it } from 'vitest';
import { blankFields, FIELDS, type ParticipantInput } from '../../../electron/shared/participant';
import { allParticipants, INSERT_BATCH, insertParticipants } from '../../../electron/db/repositories/participants';
import { ok, PSM_EVENT, tempCtx } from '../../helpers/ctx';

describe('inserting a batch of new people', () => {
  it('stores every field given, and NULL for the rest, whatever each batch fills', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    const n = INSERT_BATCH * 3 + 7;
    const rows = Array.from({ length: n }, (_, i) => {
      const p: ParticipantInput = { ...blankFields(), name: `Peserta ${String(i).padStart(3, '0')}`, role: 'Peserta' };
      // The first batch fills only the name; later ones fill fields in a pattern of their own.
      if (i >= INSERT_BATCH && i % 3 === 0) p.email = `p${i}@contoh.id`;
      if (i >= INSERT_BATCH && i % 5 === 0) p.regency = 'Kota Metro';
      if (i === n - 1) p.accountNo = '1234567890';
      return { code: `C${String(i).padStart(7, '0')}`, nameKey: `peserta ${i}|`, p };
    });
    ctx.db.transaction(() => insertParticipants(ctx.db, event.id, rows, '2026-12-07T00:00:00Z'))();
    const stored = allParticipants(ctx.db, event.id);
    expect(stored).toHaveLength(n);
    for (const s of stored) {
      const given = rows.find((r) => r.code === s.code)!;
      for (const f of FIELDS) expect([s.code, f, s[f]]).toEqual([s.code, f, given.p[f]]);
    }
    ctx.db.close();
  });
});
