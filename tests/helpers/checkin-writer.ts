// A check-in desk in its own process, for the backup tests: writes durable check-ins into a
// database file in a loop and prints each one's uuid only after its commit returned (what the
// screen would acknowledge). Runs until killed.
import crypto from 'node:crypto';
import { openDatabase } from '../../electron/db/connection';
import { appendScan } from '../../electron/db/repositories/scans';

const [file] = process.argv.slice(2);
const db = openDatabase(file!);
const people = db.prepare('SELECT id, code, event_id AS eventId FROM participant').all() as { id: number; code: string; eventId: number }[];
const day = (db.prepare('SELECT id FROM event_day ORDER BY day_no LIMIT 1').get() as { id: number }).id;
for (let i = 0; ; i++) {
  const p = people[i % people.length]!;
  const uuid = crypto.randomUUID();
  appendScan(db, { uuid, eventId: p.eventId, station: 'meja-2', participantId: p.id, eventDayId: day, scannedAt: new Date().toISOString(), verdict: 'ok', rawCode: p.code });
  process.stdout.write(`${uuid}\n`);
  if (i % 50 === 0) await new Promise((r) => setImmediate(r));
}
