// A kiosk where one desk imports a large list while another keeps checking people in, until it is
// killed (import-crash.test.ts). Each insert of the import is held 2 ms by a temporary trigger on
// this connection, so the import's one transaction stays open for tens of seconds, as on a slow
// laptop. It prints "IMPORTING" once the import's write has begun, and "ACK <uuid>" for each
// check-in only after checkin.scan returned: exactly what a desk screen would show green.
import fs from 'node:fs';
import { dispatch } from '../../../electron/core/dispatch';
import { openContext } from '../../../electron/core/open-context';
import { inLongWrite } from '../../../electron/db/long-write';

const [dir, resources, eventArg] = process.argv.slice(2);
const eventId = Number(eventArg);
const ctx = openContext(dir!, 'cli', resources!);
const hold = new Int32Array(new SharedArrayBuffer(4));
ctx.db.function('hold_insert', () => (Atomics.wait(hold, 0, 0, 2), 0));
ctx.db.exec('CREATE TEMP TRIGGER hold_insert AFTER INSERT ON main.participant BEGIN SELECT hold_insert(); END');
const codes = (
  ctx.db.prepare('SELECT code FROM participant WHERE event_id = ? ORDER BY id').all(eventId) as { code: string }[]
).map((r) => r.code);
const lines = ['Nama,Kabupaten/Kota'];
for (let i = 0; i < 20_000; i++) lines.push(`Peserta Impor ${i},Kota Metro`);
void dispatch(ctx, 'participants.importCommit', {
  eventId,
  desk: 'impor',
  fileName: 'besar.csv',
  bytes: Buffer.from(lines.join('\n')),
  mapping: ['name', 'regency'],
  skipInvalid: false,
});
while (!inLongWrite(ctx.db)) await new Promise((r) => setTimeout(r, 5));
fs.writeSync(1, 'IMPORTING\n');
for (let i = 0; ; i++) {
  const res = await dispatch(ctx, 'checkin.scan', {
    eventId,
    desk: 'meja-1',
    text: codes[i % codes.length]!,
    input: 'scanner',
    day: 1 + (i % 2),
  });
  if (!res.ok) throw new Error(res.error.message);
  fs.writeSync(1, `ACK ${res.value.scan.uuid}\n`);
  await new Promise((r) => setTimeout(r, 10));
}
