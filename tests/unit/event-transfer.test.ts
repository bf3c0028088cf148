// Moving an event between kiosks: export, import as a new event elsewhere, merge back.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { Ctx } from '../../electron/core/context';
import { ok, ROOT, tempCtx, tempDir, scope } from '../helpers/ctx';
import { FIELDS, type ParticipantInput } from '../../electron/shared/participant';

async function kioskWithEvent() {
  const ctx = tempCtx();
  const event = await ok(ctx, 'event.createDemo', {});
  const people = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
  const scope = { eventId: event.id, desk: 'Meja 1' };
  for (let i = 0; i < 30; i++) await ok(ctx, 'checkin.scan', { ...scope, text: people[i]!.code, day: 1 });
  for (let i = 10; i < 50; i++) await ok(ctx, 'checkin.scan', { ...scope, text: people[i]!.code, day: 2 });
  await ok(ctx, 'checkin.undo', { ...scope, participantId: people[3]!.id, day: 1, reason: 'salah orang' });
  await ok(ctx, 'badges.reissue', { ...scope, id: people[7]!.id });
  await ok(ctx, 'participants.delete', { ...scope, id: people[60]!.id });
  await ok(ctx, 'event.setLogo', { ...scope, bytes: fs.readFileSync(new URL('../fixtures/logo.png', import.meta.url)) } as never);
  return { ctx, event, people };
}

/** Every export a kiosk makes of its current event. */
async function exportsOf(ctx: Ctx) {
  const csv = await ok(ctx, 'participants.export', { format: 'csv', includePersonal: true });
  const recap = await ok(ctx, 'reports.recapExport', { format: 'csv', view: 'regency' });
  const recapDays = await ok(ctx, 'reports.recapExport', { format: 'csv', view: 'days' });
  const attendance = await ok(ctx, 'checkin.attendance', {} as never);
  return {
    csv: Buffer.from(csv.bytes),
    recap: Buffer.from(recap.bytes),
    recapDays: Buffer.from(recapDays.bytes),
    attendance: JSON.stringify(attendance),
  };
}

describe('event file', () => {
  it('imported on another kiosk, gives identical exports byte for byte', async () => {
    const a = await kioskWithEvent();
    const file = await ok(a.ctx, 'event.exportFile', {});
    expect(file.fileName).toMatch(/^acara-PSM-2022-09-07\.hadir$/);
    const b = tempCtx();
    const out = await ok(b, 'event.importFile', { bytes: file.bytes, mode: 'new' });
    expect(out.created).toBe(true);
    expect(out.added).toMatchObject({ participant: 66, event_day: 2, badge_replaced: 1 });
    await ok(b, 'event.activate', { id: out.eventId });
    const [ea, eb] = [await exportsOf(a.ctx), await exportsOf(b)];
    expect(eb.csv.equals(ea.csv)).toBe(true);
    expect(eb.recap.equals(ea.recap)).toBe(true);
    expect(eb.recapDays.equals(ea.recapDays)).toBe(true);
    expect(eb.attendance).toBe(ea.attendance);
    const [la, lb] = [await ok(a.ctx, 'event.logo', {}), await ok(b, 'event.logo', {})];
    expect(la).not.toBeNull();
    expect(Buffer.from(lb!.bytes).equals(Buffer.from(la!.bytes))).toBe(true);
    // The same badges still scan there: the event's key came along (amber: already checked in).
    const scanned = await ok(b, 'checkin.scan', { eventId: out.eventId, desk: 'Meja B', text: a.people[12]!.code, day: 2 });
    expect(scanned.verdict).toBe('amber');
    const replaced = await ok(b, 'checkin.scan', { eventId: out.eventId, desk: 'Meja B', text: a.people[7]!.code, day: 2 });
    expect(replaced).toMatchObject({ verdict: 'red', reason: 'badge_replaced' });
    a.ctx.db.close();
    b.db.close();
  });

  it("merges the other kiosk's check-ins into the same event, once", async () => {
    const a = await kioskWithEvent();
    const b = tempCtx();
    const moved = await ok(b, 'event.importFile', { bytes: (await ok(a.ctx, 'event.exportFile', {})).bytes, mode: 'new' });
    // Desk B checks in ten more people on day 2; desk A meanwhile one more on day 1.
    for (let i = 50; i < 60; i++)
      await ok(b, 'checkin.scan', { eventId: moved.eventId, desk: 'Meja B', text: a.people[i]!.code, day: 2 });
    await ok(a.ctx, 'checkin.scan', { eventId: a.event.id, desk: 'Meja 1', text: a.people[40]!.code, day: 1 });
    const back = (await ok(b, 'event.exportFile', { eventId: moved.eventId })).bytes;
    expect((await dispatch(a.ctx, 'event.importFile', { bytes: back, mode: 'new' })).ok).toBe(false); // already here
    const merged = await ok(a.ctx, 'event.importFile', { bytes: back, mode: 'merge' });
    expect(merged).toMatchObject({ created: false, eventId: a.event.id });
    expect(merged.added.scan).toBe(10);
    expect(merged.added.participant).toBe(0);
    const recap = await ok(a.ctx, 'reports.recap', {});
    expect(recap.days.map((d) => d.present)).toEqual([30, 50]); // 29 (one undone) + 1; 40 + 10
    const again = await ok(a.ctx, 'event.importFile', { bytes: back, mode: 'merge' });
    expect(Object.values(again.added).filter((n) => n > 0)).toEqual([]);
    a.ctx.db.close();
    b.db.close();
  });

  it('replaces the same event with the file: corrected names, details and deletions arrive; check-ins made here stay', async () => {
    const office = await kioskWithEvent();
    const venue = tempCtx();
    const moved = await ok(venue, 'event.importFile', {
      bytes: (await ok(office.ctx, 'event.exportFile', {})).bytes,
      mode: 'new',
    });
    await ok(venue, 'event.activate', { id: moved.eventId });
    // The venue checks in five more on day 2.
    for (let i = 50; i < 55; i++)
      await ok(venue, 'checkin.scan', { eventId: moved.eventId, desk: 'Meja B', text: office.people[i]!.code, day: 2 });
    // The office meanwhile corrects a name, moves the venue, deletes one and adds one.
    const fixed = office.people[20]!;
    const stored = await ok(office.ctx, 'participants.get', { id: fixed.id });
    const data = Object.fromEntries(FIELDS.map((f) => [f, stored[f]])) as ParticipantInput;
    await ok(office.ctx, 'participants.update', {
      ...scope(office.ctx),
      id: fixed.id,
      data: { ...data, name: 'Hj. Siti Aminah, S.Sos.' },
    });
    const details = await ok(office.ctx, 'event.get', {});
    await ok(office.ctx, 'event.update', {
      ...scope(office.ctx),
      ...eventFields(details as never),
      venue: 'Hotel Novotel Bandar Lampung',
    } as never);
    await ok(office.ctx, 'participants.delete', { ...scope(office.ctx), id: office.people[30]!.id });
    await ok(office.ctx, 'participants.create', { ...scope(office.ctx), name: 'Peserta Susulan', role: 'Peserta' });
    const file = (await ok(office.ctx, 'event.exportFile', {})).bytes;

    // A merge keeps what the venue has: the old name stays.
    await ok(venue, 'event.importFile', { bytes: file, mode: 'merge' });
    const nameAt = (ctx: Ctx) =>
      (ctx.db.prepare('SELECT name FROM participant WHERE code = ?').get(fixed.code) as { name: string }).name;
    expect(nameAt(venue)).toBe(fixed.name);
    // Replace takes the file's values.
    const out = await ok(venue, 'event.importFile', { bytes: file, mode: 'replace' });
    expect(out).toMatchObject({ created: false, eventId: moved.eventId, updated: { event: 1, participant: 2 } });
    expect(nameAt(venue)).toBe('Hj. Siti Aminah, S.Sos.');
    expect((await ok(venue, 'event.get', {}))!.venue).toBe('Hotel Novotel Bandar Lampung');
    const list = (await ok(venue, 'participants.list', { limit: 1000 })).rows;
    expect(list.map((p) => p.name)).toContain('Peserta Susulan');
    expect(list.map((p) => p.code)).not.toContain(office.people[30]!.code);
    // Search finds the corrected name (the index follows the update).
    expect((await ok(venue, 'participants.list', { query: 'aminah', limit: 10 })).rows.map((p) => p.code)).toContain(fixed.code);
    // The venue's own check-ins are still there: day 2 = the office's 40 + the venue's 5, less
    // person 30 (present on day 2, now deleted).
    expect((await ok(venue, 'reports.recap', {})).days.map((d) => d.present)).toEqual([29, 44]);
    // Replacing again changes nothing.
    const again = await ok(venue, 'event.importFile', { bytes: file, mode: 'replace' });
    expect(Object.values(again.updated).filter((n) => n > 0)).toEqual([]);
    expect(Object.values(again.added).filter((n) => n > 0)).toEqual([]);
    office.ctx.db.close();
    venue.db.close();
  });

  it('refuses a file that is not an event file, or from a newer version, and writes nothing', async () => {
    const ctx = tempCtx();
    for (const bytes of [Buffer.from('hello'), zlib.gzipSync('{"format":"other"}'), zlib.gzipSync('[')]) {
      expect(await dispatch(ctx, 'event.importFile', { bytes, mode: 'new' })).toMatchObject({
        ok: false,
        error: { code: 'event_file_invalid' },
      });
    }
    const a = await kioskWithEvent();
    const doc = JSON.parse(zlib.gunzipSync((await ok(a.ctx, 'event.exportFile', {})).bytes).toString());
    doc.schema = 9999;
    expect(await dispatch(ctx, 'event.importFile', { bytes: zlib.gzipSync(JSON.stringify(doc)), mode: 'new' })).toMatchObject({
      ok: false,
      error: { code: 'event_file_invalid', params: { detail: 'newer' } },
    });
    // A file whose scans point at a participant it does not hold: refused as a whole.
    doc.schema = 1;
    doc.tables.scan[0].participant_id = 999_999;
    expect(await dispatch(ctx, 'event.importFile', { bytes: zlib.gzipSync(JSON.stringify(doc)), mode: 'new' })).toMatchObject({
      ok: false,
    });
    expect(await ok(ctx, 'event.list', {})).toEqual([]);
    ctx.db.close();
    a.ctx.db.close();
  });
});

/** An event as event.update takes it. */
function eventFields(e: Record<string, unknown> & { days: { date: string }[] }) {
  const keys = [
    'name',
    'organiser',
    'venue',
    'city',
    'signatoryName',
    'signatoryTitle',
    'signatoryNip',
    'signatoryRank',
    'timeZone',
  ];
  return { ...Object.fromEntries(keys.filter((k) => k in e).map((k) => [k, e[k]])), days: e.days.map((d) => d.date) };
}

describe('hadir event export | import', () => {
  const hadir = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });
  it('moves the active event to another data folder, refuses a second copy in one line, merges and replaces', () => {
    const [a, b] = [tempDir(), tempDir()];
    expect(hadir('event', 'demo', '--data-dir', a).status).toBe(0);
    const file = path.join(tempDir(), 'psm.hadir');
    const out = hadir('event', 'export', '--out', file, '--data-dir', a);
    expect([out.status, out.stdout.trim()]).toEqual([0, file]);
    const added = hadir('event', 'import', file, '--data-dir', b);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^event added \d+: .*participant 66/);
    const twice = hadir('event', 'import', file, '--data-dir', b);
    expect(twice.status).not.toBe(0);
    expect(twice.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^hadir: This event is already on this kiosk/)]);
    expect(hadir('event', 'import', file, '--merge', '--data-dir', b).stdout).toMatch(/^merged into event \d+: nothing new\n$/);
    expect(hadir('event', 'import', file, '--replace', '--data-dir', b).stdout).toMatch(/^replaced event \d+: nothing new\n$/);
  }, 120_000);
});
