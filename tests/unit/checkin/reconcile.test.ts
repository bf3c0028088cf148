// Issue 19, items 5 and 6: the reconciliation read from a real scan log (a real SQLite file),
// after desks sent their outboxes late to the hub, and after two laptops' event files merged.
// The PDF is read back with pdftotext.
import crypto from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload } from '../../../electron/shared/badge-payload';
import type { HadirEvent } from '../../../electron/shared/event';
import type { ReconciliationCase } from '../../../electron/shared/reconciliation';
import { ok, PSM_EVENT, ROOT, scope, tempCtx, tempDir } from '../../helpers/ctx';
import { hasProgram, skipReason } from '../../helpers/programs';

const NOW = new Date('2022-09-07T02:15:00Z'); // 09.15 WIB, day 1

const badgeOf = (ctx: Ctx, eventId: number, code: string) => {
  const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(eventId) as { secret: Buffer };
  return badgePayload(eventTag(secret), code);
};

/** A case as a line a person reads: kind, who, then each scan's desk/time/shown/logged/stands. */
const line = (c: ReconciliationCase) =>
  [c.kind, c.person?.name ?? c.rawCode, c.dayNo, ...c.scans.map((s) => `${s.desk} ${s.time} ${s.shown}>${s.logged}${s.stands ? '*' : ''}`), c.stands ? `stands ${c.stands.desk} ${c.stands.time}` : 'absent'].join(' | ');

describe('reconciliation of scans sent late to the hub', () => {
  let ctx: Ctx;
  let event: HadirEvent;
  beforeEach(async () => {
    ctx = tempCtx();
    ctx.now = () => NOW;
    event = await ok(ctx, 'event.create', PSM_EVENT);
  });
  /** A scan from a desk's outbox: its own UUID and time, and what it showed. */
  const late = (desk: string, text: string, at: string, shown?: 'pending' | 'pending_unknown') =>
    ok(ctx, 'checkin.scan', { eventId: event.id, desk, text, input: 'camera', uuid: crypto.randomUUID(), at, ...(shown && { shown }) });
  const online = (desk: string, text: string) => ok(ctx, 'checkin.scan', { eventId: event.id, desk, text, input: 'camera' });

  it('lists every double, old badge, foreign badge and refused scan; one attendance each; the recap counts them', async () => {
    const mk = (name: string) => ok(ctx, 'participants.create', { ...scope(ctx), name, role: 'Peserta' });
    const [ani, budi, citra, dedi, eka, fajar] = await Promise.all(
      ['Ani Lestari', 'Budi Santoso', 'Citra Dewi', 'Dedi Kurniawan', 'Eka Putri', 'Fajar Nugroho'].map(mk),
    );
    const b = (code: string) => badgeOf(ctx, event.id, code);
    // Ani: desk 1 online at 09.15; desk 2 had scanned her at 08.05 while cut off, sent now.
    await online('Meja 1', b(ani!.code));
    expect(await late('Meja 2', b(ani!.code), '2022-09-07T01:05:00Z')).toMatchObject({ verdict: 'amber' });
    // Budi: both desks cut off; desk 3 (08.10) arrives before desk 2 (08.05).
    await late('Meja 3', b(budi!.code), '2022-09-07T01:10:00Z');
    await late('Meja 2', b(budi!.code), '2022-09-07T01:05:00Z');
    // Citra: only desk 2, late: no case. An online amber later at desk 1 is what a desk shows: no case.
    await late('Meja 2', b(citra!.code), '2022-09-07T01:06:00Z');
    await online('Meja 1', b(citra!.code));
    // Dedi: desk 2 saw him twice while cut off: a repeat at one desk, not a double.
    await late('Meja 2', b(dedi!.code), '2022-09-07T01:00:00Z');
    await late('Meja 2', b(dedi!.code), '2022-09-07T01:01:00Z');
    // Fajar: desk 1 let the wrong person through, took it back, checked Fajar in again: no case.
    await online('Meja 1', b(fajar!.code));
    await ok(ctx, 'checkin.undo', { eventId: event.id, desk: 'Meja 1', participantId: fajar!.id, day: 1, reason: 'salah orang' });
    await online('Meja 1', b(fajar!.code));
    // Eka lost her badge; desk 3, cut off, accepted the old one at 08.20 (its snapshot said her name).
    const re = await ok(ctx, 'badges.reissue', { ...scope(ctx), id: eka!.id });
    expect(await late('Meja 3', b(re.oldCode), '2022-09-07T01:20:00Z', 'pending')).toMatchObject({ reason: 'badge_replaced' });
    // A badge of another event on this kiosk, and a typed code no one has, both accepted provisionally.
    const other = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Bimtek Pendamping PKH' });
    const stranger = await ok(ctx, 'participants.create', { eventId: other.id, desk: 'Meja 1', name: 'Gita Orang Lain', role: 'Peserta' });
    await late('Meja 3', badgeOf(ctx, other.id, stranger.code), '2022-09-07T01:21:00Z', 'pending_unknown');
    await late('Meja 2', 'ZZZZ9999', '2022-09-07T01:22:00Z', 'pending_unknown');

    const r = await ok(ctx, 'reports.reconciliation', { eventId: event.id });
    expect(r.cases.map(line)).toEqual([
      'double | Ani Lestari | 1 | Meja 1 09:15 green>ok* | Meja 2 08:05 pending>duplicate | stands Meja 1 09:15',
      'double | Budi Santoso | 1 | Meja 3 08:10 pending>ok* | Meja 2 08:05 pending>duplicate | stands Meja 3 08:10',
      `badge_replaced | Eka Putri | 1 | Meja 3 08:20 pending>replaced | absent`,
      'badge_other_event | ' + stranger.code + ' | 1 | Meja 3 08:21 pending_unknown>other_event | absent',
      'refused | ZZZZ9999 | 1 | Meja 2 08:22 pending_unknown>unknown | absent',
    ]);
    // Each late scan says when it reached the hub (09:15 here).
    expect(r.cases[0]!.scans[1]).toMatchObject({ receivedTime: '09:15', receivedAt: NOW.toISOString() });
    expect(r.cases[0]!.scans[0]!.receivedAt).toBeNull();
    expect(r.counts).toEqual({ double: 2, badge_replaced: 1, badge_other_event: 1, refused: 1, total: 5, sentLate: 9 });
    // One attendance per person per day; every scan stays in the log.
    const present = await ok(ctx, 'checkin.attendance', { eventId: event.id });
    expect(present.map((a) => a.name).sort()).toEqual(['Ani Lestari', 'Budi Santoso', 'Citra Dewi', 'Dedi Kurniawan', 'Fajar Nugroho']);
    const logged = ctx.db.prepare('SELECT COUNT(*) AS n FROM scan WHERE event_id = ?').get(event.id) as { n: number };
    expect(logged.n).toBe(14);
    // The recap counts them.
    const recap = await ok(ctx, 'reports.recap', { eventId: event.id });
    expect(recap.reconciliation).toEqual(r.counts);
    expect(recap.days[0]!.present).toBe(5);
    // Eka with her new badge, online: the old badge's case now says what stands.
    await online('Meja 1', b(re.newCode));
    const again = await ok(ctx, 'reports.reconciliation', { eventId: event.id });
    expect(line(again.cases[2]!)).toBe('badge_replaced | Eka Putri | 1 | Meja 3 08:20 pending>replaced | stands Meja 1 09:15');
  });

  it.skipIf(!hasProgram('pdftotext'))('the PDF lists the cases and ends with the committee sign-off', async () => {
    const budi = await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Budi Santoso', role: 'Peserta' });
    await late('Meja 3', badgeOf(ctx, event.id, budi.code), '2022-09-07T01:10:00Z');
    await late('Meja 2 – HP Rina', badgeOf(ctx, event.id, budi.code), '2022-09-07T01:05:00Z');
    const f = await ok(ctx, 'reports.reconciliationPdf', { eventId: event.id });
    expect(f).toMatchObject({ mime: 'application/pdf', fileName: expect.stringMatching(/^rekonsiliasi-.*\.pdf$/) });
    const file = path.join(tempDir(), f.fileName);
    fs.writeFileSync(file, f.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('REKONSILIASI CHECK-IN');
    expect(text).toContain(PSM_EVENT.name);
    for (const s of ['Budi Santoso', 'Meja 3', 'Meja 2 – HP Rina', '08:10', '08:05', 'Hadir — belum terkirim', 'Hadir, Meja 3 08:10'])
      expect(text).toContain(s);
    expect(text).toMatch(/1 kasus: 1 hadir di dua meja/);
    for (const s of ['Ketua Panitia', 'Sekretaris', 'Anggota', 'Halaman 1 dari 1']) expect(text).toContain(s);

    // The command line writes the same report (hadir report reconciliation).
    const out = path.join(tempDir(), 'rekonsiliasi.pdf');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), 'report', 'reconciliation', '--data-dir', ctx.dataDir, ...args], {
        encoding: 'utf8',
      });
    expect(run('--out', out).status).toBe(0);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Meja 2 – HP Rina');
    expect(JSON.parse(run('--format', 'json').stdout)).toMatchObject({ counts: { double: 1, total: 1, sentLate: 2 } });
    const bad = run('--format', 'xlsx', '--out', out);
    expect([bad.status, bad.stderr.trim().split('\n')]).toEqual([2, ['hadir: --format must be pdf or json: xlsx']]);
  });
  if (!hasProgram('pdftotext')) console.warn(skipReason('pdftotext'));
});

describe('reconciliation after merging two laptops (no network)', () => {
  it('the merge answers the people checked in on both laptops; one attendance stands', async () => {
    const a = tempCtx();
    a.now = () => NOW;
    const event = await ok(a, 'event.create', PSM_EVENT);
    const [gita, hana] = await Promise.all(
      ['Gita Permata', 'Hana Safitri'].map((name) => ok(a, 'participants.create', { ...scope(a), name, role: 'Peserta' })),
    );
    const b = tempCtx();
    const moved = await ok(b, 'event.importFile', { bytes: (await ok(a, 'event.exportFile', {})).bytes, mode: 'new' });
    expect(moved.reconciliation).toBeUndefined();
    // Both laptops kept the default desk name: the two check-ins are still told apart.
    b.now = () => new Date('2022-09-07T01:30:00Z'); // 08.30 WIB
    await ok(b, 'checkin.scan', { eventId: moved.eventId, desk: 'Meja 1', text: badgeOf(b, moved.eventId, gita!.code), input: 'camera' });
    await ok(b, 'checkin.scan', { eventId: moved.eventId, desk: 'Meja 1', text: badgeOf(b, moved.eventId, hana!.code), input: 'camera' });
    a.now = () => new Date('2022-09-07T01:00:00Z'); // 08.00 WIB
    await ok(a, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text: badgeOf(a, event.id, gita!.code), input: 'camera' });

    const merged = await ok(a, 'event.importFile', { bytes: (await ok(b, 'event.exportFile', { eventId: moved.eventId })).bytes, mode: 'merge' });
    expect(merged.reconciliation!.map(line)).toEqual([
      'double | Gita Permata | 1 | Meja 1 08:00 green>ok* | Meja 1 08:30 green>ok | stands Meja 1 08:00',
    ]);
    const present = await ok(a, 'checkin.attendance', { eventId: event.id });
    expect(present.map((p) => [p.name, p.firstAt])).toEqual([
      ['Gita Permata', '2022-09-07T01:00:00.000Z'],
      ['Hana Safitri', '2022-09-07T01:30:00.000Z'],
    ]);
    expect((await ok(a, 'reports.recap', { eventId: event.id })).reconciliation).toMatchObject({ double: 1, total: 1, sentLate: 0 });
    // Merged again: nothing new came, so no cases to show for this merge.
    const again = await ok(a, 'event.importFile', { bytes: (await ok(b, 'event.exportFile', { eventId: moved.eventId })).bytes, mode: 'merge' });
    expect(again.reconciliation).toBeUndefined();
  });
});
