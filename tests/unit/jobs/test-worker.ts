// A worker entry for the job tests: the real kinds plus a few that exist only to be observed.
import { HadirError } from '../../../electron/shared/errors';
import type { Kind } from '../../../electron/core/jobs/kind';
import { KINDS } from '../../../electron/core/jobs/kinds';
import { serveKinds } from '../../../electron/core/jobs/serve-kinds';

/** Counts to `to` in one synchronous loop, publishing the count where the test can watch it. */
const count: Kind<{ to: number; counter: SharedArrayBuffer }, number> = ({ to, counter }, io) => {
  const seen = new Int32Array(counter);
  for (let i = 1; i <= to; i++) {
    Atomics.store(seen, 0, i);
    io.progress(i, to);
  }
  return to;
};

const fail: Kind<{ hadir: boolean }, never> = ({ hadir }) => {
  if (hadir) throw new HadirError('import_invalid', 'Expected failure', { rows: 3 });
  throw new Error('secret internal detail /home/kiosk/x.ts');
};

const bytes: Kind<{ size: number }, { fileName: string; bytes: Uint8Array }> = ({ size }) => {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = i % 251;
  return { fileName: 'x.bin', bytes: out };
};

/** Sends n parts, counting in `sent` how many it has posted. */
const parts: Kind<{ n: number; sent: SharedArrayBuffer }, number> = async ({ n, sent }, io) => {
  const count = new Int32Array(sent);
  for (let i = 0; i < n; i++) {
    Atomics.add(count, 0, 1);
    await io.part([i]);
  }
  return n;
};

serveKinds({ ...KINDS, 'test.count': count, 'test.fail': fail, 'test.bytes': bytes, 'test.parts': parts });
