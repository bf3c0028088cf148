// Online backup of a 10,000-participant kiosk while check-ins continue on the same thread (as in
// the Electron main process or the web host): the backup's time, and the longest a check-in waits.
// References from the same run: copying the file (the cheapest possible copy, which a running
// kiosk cannot use safely), and the longest wait between check-ins with no backup running.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importFile } from '../../electron/core/participants/import-commit';
import { scope } from '../helpers/ctx';
import { runBackup } from '../../electron/core/system/backup';
import { appendScan } from '../../electron/db/repositories/scans';
import { congressKiosk } from './congress';
import type { Row } from './run';

export async function benchBackup(rows: Row[], resources: string): Promise<void> {
  const { ctx, event } = await congressKiosk(resources);
  const lines = ['Nama,Kabupaten/Kota,Peran'];
  for (let i = 0; i < 10_000; i++) lines.push(`Peserta Kongres ${i},Kota ${i % 15},Peserta`);
  await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: Buffer.from(lines.join('\n')), skipInvalid: false });
  const people = ctx.db.prepare('SELECT id, code FROM participant').all() as { id: number; code: string }[];
  const days = event.days.map((d) => d.id);
  let n = 0;
  const checkin = ctx.db.transaction(() => {
    const p = people[n % people.length]!;
    appendScan(ctx.db, {
      uuid: crypto.randomUUID(),
      eventId: event.id,
      station: 'meja-1',
      participantId: p.id,
      eventDayId: days[Math.floor(n / people.length) % days.length]!,
      scannedAt: new Date().toISOString(),
      verdict: 'ok',
      rawCode: p.code,
    });
    n++;
  });
  for (let i = 0; i < 20_000; i++) checkin(); // two days of a congress already scanned

  /** Check-ins back to back on the event loop until `until` settles; the longest gap between two. */
  async function longestWait(until: Promise<unknown>): Promise<number> {
    let done = false;
    void until.finally(() => (done = true));
    let last = performance.now();
    let worst = 0;
    while (!done) {
      checkin();
      await new Promise((r) => setImmediate(r));
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }
    return worst;
  }

  const t0 = performance.now();
  let backupMs = 0;
  const backup = runBackup(ctx, 'manual').then(() => (backupMs = performance.now() - t0));
  const worstDuring = await longestWait(backup);
  const worstAlone = await longestWait(new Promise((r) => setTimeout(r, Math.max(200, backupMs))));
  const copyStart = performance.now();
  fs.copyFileSync(ctx.dbPath, path.join(ctx.dataDir, 'copy.db'));
  const copyMs = performance.now() - copyStart;
  const mb = (fs.statSync(ctx.dbPath).size / 1e6).toFixed(1);
  rows.push({ name: `online backup, 10,000 participants + 20,000 scans (${mb} MB), check-ins continuing`, value: backupMs, unit: 'ms', ref: 'plain file copy (unsafe while running)', refValue: copyMs });
  rows.push({ name: 'longest check-in wait during that backup (target ≤ 50 ms)', value: worstDuring, unit: 'ms', ref: 'longest wait with no backup', refValue: worstAlone });
  ctx.db.close();
}
