// Issue 18, defect 3: what a hostile event file costs the kiosk to refuse, against an ordinary
// event file of the same people. Each file is imported (mode new) into a kiosk whose desk checks
// someone in every 5 ms meanwhile (import-delay.ts's desk); figures: time to the answer, peak
// memory of the process (RSS sampled every 10 ms, worker thread included) above the level before,
// and the longest check-in delay at the desk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { appendScan } from '../../electron/db/repositories/scans';
import type { HadirEvent } from '../../electron/shared/event';
import { desk } from './import-delay';
import type { Row } from './run';

const PEOPLE = 5_000;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function kiosk(resources: string, name: string): Promise<{ ctx: Ctx; event: HadirEvent }> {
  const ctx = openContext(fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-')), 'web', resources);
  const event = await must(
    dispatch(ctx, 'event.create', {
      name,
      organiser: 'Bench',
      venue: 'Hall',
      city: 'Bandar Lampung',
      days: ['2026-12-01', '2026-12-02'],
      signatoryName: 'Bench',
      signatoryTitle: 'Bench',
      signatoryNip: '',
    }),
  );
  const lines = ['Nama,Kabupaten/Kota,NIK,No HP'];
  for (let i = 0; i < PEOPLE; i++) lines.push(`Peserta ${i},Kota Metro ${i % 15},${1801000000000000 + i},08${1100000000 + i}`);
  await must(
    dispatch(ctx, 'participants.importCommit', {
      eventId: event.id,
      desk: 'meja-1',
      fileName: 'peserta.csv',
      bytes: Buffer.from(lines.join('\n')),
      mapping: ['name', 'regency', 'nik', 'phone'],
      skipInvalid: false,
    }),
  );
  return { ctx, event };
}

/** Runs `op` while sampling RSS and a desk checks in; returns the figures. */
async function measure(ctx: Ctx, event: HadirEvent, op: () => Promise<{ ok: boolean }>) {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  const running = op().then((r) => ({ r, ms: performance.now() - t0 }));
  const during = await desk(ctx, event, running);
  const { r, ms } = await running;
  clearInterval(sampler);
  return { ok: r.ok, ms, peakMb: (peak - base) / 1024 / 1024, longest: Math.max(...during.wall), checkins: during.wall.length };
}

export async function benchEventFile(rows: Row[], resources: string): Promise<void> {
  // The file: an event of PEOPLE people, each checked in on both days.
  const source = await kiosk(resources, 'Acara Sumber');
  const people = source.ctx.db.prepare('SELECT id, code FROM participant').all() as { id: number; code: string }[];
  source.ctx.db.transaction(() => {
    for (const day of source.event.days)
      for (const p of people)
        appendScan(source.ctx.db, {
          uuid: crypto.randomUUID(),
          eventId: source.event.id,
          station: 'meja-1',
          participantId: p.id,
          eventDayId: day.id,
          scannedAt: new Date().toISOString(),
          verdict: 'ok',
          rawCode: p.code,
        });
  })();
  const ordinary = (await must(dispatch(source.ctx, 'event.exportFile', { eventId: source.event.id }))).bytes;
  const doc = JSON.parse(zlib.gunzipSync(ordinary).toString());
  // Hostile 1: the bomb, ~100 KB inflating to 100 MB.
  const bomb = zlib.gzipSync(
    `{"format":"hadir-event","version":1,"schema":60,"event":{},"tables":{},"pad":"${' '.repeat(100 * 1024 * 1024)}"}`,
    { level: 9 },
  );
  // Hostile 2: the same people, one duplicate code at the end: read and checked in full, then refused.
  doc.tables.participant.push({ ...doc.tables.participant[0], id: 999_999 });
  const late = zlib.gzipSync(JSON.stringify(doc));

  const target = await kiosk(resources, 'Acara Meja');
  // A warm worker thread (its first start compiles with tsx), as on a kiosk that has run a job.
  await dispatch(target.ctx, 'event.importFile', { bytes: Buffer.from('warm'), mode: 'new' });
  const imp = (bytes: Uint8Array) => () => dispatch(target.ctx, 'event.importFile', { bytes, mode: 'new' });
  const refBomb = await measure(target.ctx, target.event, imp(bomb));
  const refLate = await measure(target.ctx, target.event, imp(late));
  const ref = await measure(target.ctx, target.event, imp(ordinary));
  if (refBomb.ok || refLate.ok || !ref.ok) throw new Error('event file bench: unexpected outcome');
  const kb = (b: Uint8Array) => `${Math.round(b.byteLength / 1024)} KB`;
  const label = `ordinary event file, ${PEOPLE.toLocaleString('en')} people (${kb(ordinary)}), imported`;
  for (const [what, m] of [
    [`event file bomb (${kb(bomb)} → 100 MB)`, refBomb],
    [`event file of the same people + a duplicate code at the end (${kb(late)})`, refLate],
  ] as const) {
    rows.push({ name: `${what}: time to refusal`, value: m.ms, unit: 'ms', ref: label, refValue: ref.ms });
    rows.push({ name: `${what}: peak RSS above start`, value: m.peakMb, unit: 'MB', ref: label, refValue: ref.peakMb });
    rows.push({
      name: `${what}: longest check-in delay at another desk (${m.checkins} check-ins)`,
      value: m.longest,
      unit: 'ms',
      ref: `${label} (${ref.checkins} check-ins)`,
      refValue: ref.longest,
    });
  }
  for (const k of [source, target]) {
    await k.ctx.jobs.close();
    k.ctx.db.close();
  }
}
