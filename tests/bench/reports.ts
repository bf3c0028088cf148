// Reports at congress scale: the daftar hadir of 600 people, the recap of 10,000 over 3 days.
// References from the same run: writing the same rows as plain CSV text (the least a report
// can cost), and counting attendance with one bare GROUP BY (the least the recap can cost).
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/participants/import-commit';
import { scope } from '../helpers/ctx';
import { appendScan } from '../../electron/db/repositories/scans';
import { congressKiosk } from './congress';
import type { Row } from './run';

async function kiosk(resources: string, people: number, present: (i: number, day: number) => boolean) {
  const { ctx, event } = await congressKiosk(resources);
  const lines = ['Nama,Kabupaten/Kota,Instansi,Peran'];
  for (let i = 0; i < people; i++) lines.push(`Peserta Kongres ${i},Kota ${i % 15},Dinas Sosial Kota ${i % 15},Peserta`);
  await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: Buffer.from(lines.join('\n')), skipInvalid: false });
  const ids = ctx.db.prepare('SELECT id, code FROM participant ORDER BY id').all() as { id: number; code: string }[];
  ctx.db.transaction(() => {
    event.days.forEach((d, k) =>
      ids.forEach((p, i) => {
        if (!present(i, k + 1)) return;
        appendScan(ctx.db, {
          uuid: crypto.randomUUID(),
          eventId: event.id,
          station: 'meja-1',
          participantId: p.id,
          eventDayId: d.id,
          scannedAt: new Date(Date.UTC(2026, 11, k + 1, 0, 30) + i * 1000).toISOString(),
          verdict: 'ok',
          rawCode: p.code,
        });
      }),
    );
  })();
  return ctx;
}

const median = async (fn: () => Promise<unknown> | unknown, runs: number) => {
  const t: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const s = performance.now();
    await fn();
    if (i > 0) t.push(performance.now() - s); // the first run warms the worker and fonts
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
};

export async function benchReports(rows: Row[], resources: string): Promise<void> {
  const small = await kiosk(resources, 600, (i) => i % 10 !== 0);
  const sheet = await median(async () => {
    const r = await dispatch(small, 'reports.daftarHadir', { dayNo: 1, scope: 'all', order: 'name' });
    if (!r.ok) throw new Error(r.error.message);
  }, 5);
  const csvRef = await median(() => {
    const people = small.db.prepare('SELECT name, regency, institution, role FROM participant').all() as Record<string, string>[];
    return people.map((p) => `${p.name};${p.regency};${p.institution};${p.role}`).join('\n');
  }, 5);
  rows.push({
    name: 'daftar hadir PDF, 600 people (all, by name; in the job worker)',
    value: sheet,
    unit: 'ms',
    ref: 'same rows as plain text',
    refValue: csvRef,
  });
  await small.jobs.close();
  small.db.close();

  const big = await kiosk(resources, 10_000, (i, d) => (i + d) % 4 !== 0);
  const recap = await median(async () => {
    const r = await dispatch(big, 'reports.recap', {});
    if (!r.ok) throw new Error(r.error.message);
  }, 5);
  const bare = await median(() => big.db.prepare('SELECT event_day_id, COUNT(*) FROM attendance GROUP BY event_day_id').all(), 5);
  rows.push({
    name: 'recap, 10,000 participants over 3 days (~22,500 check-ins)',
    value: recap,
    unit: 'ms',
    ref: 'bare GROUP BY over the attendance view',
    refValue: bare,
  });
  const xlsx = await median(async () => {
    const r = await dispatch(big, 'reports.recapExport', { format: 'xlsx' });
    if (!r.ok) throw new Error(r.error.message);
  }, 3);
  rows.push({ name: 'recap as XLSX, same 10,000', value: xlsx, unit: 'ms', ref: 'recap on screen', refValue: recap });
  await big.jobs.close();
  big.db.close();
}
