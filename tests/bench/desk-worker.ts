// One check-in desk for the multi-desk benchmark: its own process and connection, writing
// durable check-ins into the shared database file as fast as it can. Prints its latencies.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/db/connection';
import { appendScan } from '../../electron/db/repositories/scans';

const [file, station, countArg] = process.argv.slice(2);
const db = openDatabase(file!);
const ids = db.prepare('SELECT id, code, event_id AS eventId FROM participant').all() as {
  id: number;
  code: string;
  eventId: number;
}[];
const day = (db.prepare('SELECT id FROM event_day ORDER BY day_no LIMIT 1').get() as { id: number }).id;
const write = db.transaction((p: (typeof ids)[number]) =>
  appendScan(db, {
    uuid: crypto.randomUUID(),
    eventId: p.eventId,
    station: station!,
    participantId: p.id,
    eventDayId: day,
    scannedAt: new Date().toISOString(),
    verdict: 'ok',
    rawCode: p.code,
  }),
);
const lat: number[] = [];
for (let i = 0; i < Number(countArg); i++) {
  const s = performance.now();
  write(ids[(i * 7919) % ids.length]!);
  lat.push(performance.now() - s);
}
db.close();
process.stdout.write(JSON.stringify(lat));
