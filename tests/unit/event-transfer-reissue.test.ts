// Issue 18, defect 2: an older event file merged or replaced after a reissue must not bring the
// lost badge back to life, duplicate the person, undo a deletion or move a certificate number.
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { ok, tempCtx } from '../helpers/ctx';

async function office() {
  const ctx = tempCtx();
  const event = await ok(ctx, 'event.createDemo', {});
  const people = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
  const at = { eventId: event.id, desk: 'Meja 1' };
  // Dewi (person 12) attends both days and gets her certificate; person 13 is there too.
  for (const i of [12, 13]) for (const day of [1, 2]) await ok(ctx, 'checkin.scan', { ...at, text: people[i]!.code, day });
  const cert = await ok(ctx, 'certificates.issue', { ...at, participantId: people[12]!.id });
  return { ctx, at, people, dewi: people[12]!, number: cert.row.number! };
}

const live = (ctx: Ctx) =>
  (ctx.db.prepare('SELECT COUNT(*) AS n FROM participant WHERE deleted_at IS NULL').get() as { n: number }).n;
const all = (ctx: Ctx) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM participant').get() as { n: number }).n;
const certOf = (ctx: Ctx, number: string) =>
  ctx.db.prepare('SELECT participant_id AS id FROM certificate WHERE number = ?').all(number) as { id: number }[];
const scanOn = (ctx: Ctx, eventId: number, text: string, day: number) =>
  ok(ctx, 'checkin.scan', { eventId, desk: 'Meja 2', text, day });

describe('event file after a reissue', () => {
  for (const mode of ['merge', 'replace'] as const) {
    it(`an older file imported with ${mode} keeps the lost badge red, the person single, the deletion and the number`, async () => {
      const o = await office();
      const older = (await ok(o.ctx, 'event.exportFile', {})).bytes;
      const fresh = await ok(o.ctx, 'badges.reissue', { ...o.at, id: o.dewi.id });
      await ok(o.ctx, 'participants.delete', { ...o.at, id: o.people[30]!.id });
      const [liveBefore, allBefore] = [live(o.ctx), all(o.ctx)];

      await ok(o.ctx, 'event.importFile', { bytes: older, mode });

      expect([live(o.ctx), all(o.ctx)]).toEqual([liveBefore, allBefore]);
      expect(await scanOn(o.ctx, o.at.eventId, o.dewi.code, 1)).toMatchObject({ verdict: 'red', reason: 'badge_replaced' });
      const newCode = (o.ctx.db.prepare('SELECT code FROM participant WHERE id = ?').get(o.dewi.id) as { code: string }).code;
      expect(newCode).not.toBe(o.dewi.code);
      expect(JSON.stringify(fresh)).toContain(newCode);
      expect(await scanOn(o.ctx, o.at.eventId, newCode, 1)).toMatchObject({ verdict: 'amber' });
      expect(await scanOn(o.ctx, o.at.eventId, o.people[30]!.code, 1)).toMatchObject({
        verdict: 'red',
        reason: 'not_registered',
      });
      expect(certOf(o.ctx, o.number)).toEqual([{ id: o.dewi.id }]);
      o.ctx.db.close();
    });
  }

  it("a newer file carries the office's reissue to the venue: the old badge turns red there, nobody is duplicated", async () => {
    const o = await office();
    const venue = tempCtx();
    const moved = await ok(venue, 'event.importFile', { bytes: (await ok(o.ctx, 'event.exportFile', {})).bytes, mode: 'new' });
    await ok(o.ctx, 'badges.reissue', { ...o.at, id: o.dewi.id });
    const newer = (await ok(o.ctx, 'event.exportFile', {})).bytes;
    const before = all(venue);
    for (const mode of ['merge', 'replace'] as const) {
      await ok(venue, 'event.importFile', { bytes: newer, mode });
      expect(all(venue)).toBe(before);
      expect(await scanOn(venue, moved.eventId, o.dewi.code, 1)).toMatchObject({ verdict: 'red', reason: 'badge_replaced' });
      expect(certOf(venue, o.number)).toHaveLength(1);
    }
    o.ctx.db.close();
    venue.db.close();
  });

  it("both copies reissued the same lost badge: the kiosk keeps its badge, the old and the file's codes are red", async () => {
    const o = await office();
    const venue = tempCtx();
    const moved = await ok(venue, 'event.importFile', { bytes: (await ok(o.ctx, 'event.exportFile', {})).bytes, mode: 'new' });
    const venueDewi = (venue.db.prepare('SELECT id FROM participant WHERE code = ?').get(o.dewi.code) as { id: number }).id;
    await ok(venue, 'badges.reissue', { eventId: moved.eventId, desk: 'Meja 2', id: venueDewi });
    await ok(o.ctx, 'badges.reissue', { ...o.at, id: o.dewi.id });
    const officeCode = (o.ctx.db.prepare('SELECT code FROM participant WHERE id = ?').get(o.dewi.id) as { code: string }).code;
    const venueCode = (venue.db.prepare('SELECT code FROM participant WHERE id = ?').get(venueDewi) as { code: string }).code;
    const before = all(venue);
    await ok(venue, 'event.importFile', { bytes: (await ok(o.ctx, 'event.exportFile', {})).bytes, mode: 'replace' });
    expect(all(venue)).toBe(before);
    expect(await scanOn(venue, moved.eventId, venueCode, 1)).toMatchObject({ verdict: 'amber' });
    for (const code of [o.dewi.code, officeCode])
      expect(await scanOn(venue, moved.eventId, code, 1)).toMatchObject({ verdict: 'red', reason: 'badge_replaced' });
    o.ctx.db.close();
    venue.db.close();
  });

  it('refuses, writing nothing, a file whose certificate number this kiosk gave to someone else', async () => {
    const o = await office();
    const venue = tempCtx();
    const moved = await ok(venue, 'event.importFile', { bytes: (await ok(o.ctx, 'event.exportFile', {})).bytes, mode: 'new' });
    // Both copies issue the next number, to different people.
    await ok(o.ctx, 'certificates.issue', { ...o.at, participantId: o.people[13]!.id });
    const venue14 = (venue.db.prepare('SELECT id FROM participant WHERE code = ?').get(o.people[14]!.code) as { id: number }).id;
    const vAt = { eventId: moved.eventId, desk: 'Meja 2' };
    for (const day of [1, 2]) await ok(venue, 'checkin.scan', { ...vAt, text: o.people[14]!.code, day });
    await ok(venue, 'certificates.issue', { ...vAt, participantId: venue14 });
    const { dispatch } = await import('../../electron/core/dispatch');
    const res = await dispatch(venue, 'event.importFile', {
      bytes: (await ok(o.ctx, 'event.exportFile', {})).bytes,
      mode: 'merge',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'event_file_invalid', params: { detail: 'certificate_number' } } });
    expect((venue.db.prepare('SELECT COUNT(*) AS n FROM certificate').get() as { n: number }).n).toBe(2);
    o.ctx.db.close();
    venue.db.close();
  });
});
