// One writer of the multi-process concurrency test (issue 8, defect 4): its own process and its
// own connection to a shared data folder, doing one kind of write as fast as it can. Usage:
//   node --import tsx tests/helpers/writer-child.ts <dataDir> <eventId> open|import|edit|scan <n> <tag>
// Prints one line of JSON: { role, done, failures: ["code: message", ...] }.
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import type { OpName } from '../../electron/shared/op-names';
import { RESOURCES } from './ctx';

const [dataDir, eventArg, role, countArg, tag] = process.argv.slice(2);
const eventId = Number(eventArg);
const n = Number(countArg);
const failures: string[] = [];
let done = 0;

// 'open': wait until the parent says go (on stdin), then only open the data folder, so that
// several processes open a new folder at the same instant.
if (role === 'open') {
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
}

let ctx: ReturnType<typeof openContext>;
try {
  ctx = openContext(dataDir!, 'cli', RESOURCES, { actor: `test:${tag}`, jobsWorker: 'inline' });
} catch (e) {
  process.stdout.write(JSON.stringify({ role, done, failures: [`open: ${(e as Error).message}`] }) + '\n');
  process.exit(0);
}

async function call(name: OpName, input: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, input as never);
  if (r.ok) {
    done++;
    return r.value;
  }
  failures.push(`${r.error.code}: ${r.error.message}`);
  return null;
}

/** A list of 300 people of this writer, with phone numbers that change per round (updates). */
function csv(round: number): Uint8Array {
  const lines = ['Nama,Kabupaten/Kota,No HP'];
  for (let i = 0; i < 300; i++) lines.push(`Peserta ${tag} ${i},Kota Metro,0812${String(1_000_000 + round * 1000 + i)}`);
  return Buffer.from(lines.join('\n'));
}

if (role === 'import') {
  for (let round = 0; round < n; round++) {
    await call('participants.importCommit', {
      fileName: `${tag}.csv`,
      bytes: csv(round),
      mapping: ['name', 'regency', 'phone'],
      skipInvalid: false,
      eventId,
      desk: `meja-${tag}`,
    });
  }
} else if (role === 'edit') {
  const desk = `meja-${tag}`;
  for (let i = 0; i < n; i++) {
    const name = `Tamu ${tag} ${i}`;
    const p = (await call('participants.create', { name, regency: 'Kota Metro', role: 'Peserta', eventId, desk })) as {
      id: number;
    } | null;
    if (p)
      await call('participants.update', {
        id: p.id,
        eventId,
        desk,
        data: { name, regency: 'Kota Bandar Lampung', role: 'Panitia' },
      });
  }
} else if (role === 'scan') {
  const codes = ctx.db.prepare('SELECT code FROM participant WHERE event_id = ? LIMIT 500').all(eventId) as { code: string }[];
  for (let i = 0; i < n; i++) {
    await call('checkin.scan', { eventId, desk: `meja-${tag}`, text: codes[i % codes.length]!.code, input: 'scanner', day: 1 });
  }
}
ctx.db.close();
process.stdout.write(JSON.stringify({ role, done, failures }) + '\n');
process.exit(0);
