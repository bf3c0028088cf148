// A desk that records check-ins as fast as it can until it is killed (crash.test.ts). It prints
// "ACK <uuid> <verdict>" only after checkin.scan returned, i.e. after the commit: exactly what a
// desk screen would show. Every seventh round is a walk-in (a participant and a scan row in one
// transaction), so a kill can also land inside a multi-statement write.
import fs from 'node:fs';
import { dispatch } from '../../../electron/core/dispatch';
import { openContext } from '../../../electron/core/open-context';

const [dir, resources, eventArg, startArg] = process.argv.slice(2);
const eventId = Number(eventArg);
const ctx = openContext(dir!, 'cli', resources!);
const codes = (
  ctx.db.prepare('SELECT code FROM participant WHERE event_id = ? ORDER BY id').all(eventId) as { code: string }[]
).map((r) => r.code);
for (let i = Number(startArg); ; i++) {
  const day = 1 + (i % 2);
  const res =
    i % 7 === 0
      ? await dispatch(ctx, 'checkin.walkIn', {
          eventId,
          desk: 'crash',
          day,
          participant: { name: `Walk-in ${process.pid} ${i}`, role: 'Peserta' },
        })
      : await dispatch(ctx, 'checkin.scan', { eventId, desk: 'crash', text: codes[i % codes.length]!, input: 'scanner', day });
  if (!res.ok) throw new Error(res.error.message);
  fs.writeSync(1, `ACK ${res.value.scan.uuid} ${res.value.verdict}\n`);
}
