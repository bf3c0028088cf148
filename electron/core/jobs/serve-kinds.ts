import { isMarkedAsUntransferable, parentPort } from 'node:worker_threads';
import { HadirError } from '../../shared/errors';
import type { Kind, Loadable } from './kind';
import type { FromWorker, ToWorker } from './protocol';

/** Progress messages are cheap but not free: a kind reporting every row would flood the port. */
const PROGRESS_EVERY_MS = 50;

/**
 * The worker thread's side: for each message, runs that kind and posts progress, parts and the
 * outcome back. The main thread sends a thread one kind at a time (WorkerPool).
 */
export function serveKinds(kinds: Record<string, Kind<never, unknown>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveKinds() runs in a worker thread only');
  const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  // Resolvers of parts sent and not yet taken by the main thread (one at a time in practice).
  const acks: (() => void)[] = [];
  port.on('message', async (m: ToWorker) => {
    if (m.type === 'ack') return acks.shift()?.();
    // Errors surface when the kind runs; loading early only saves the wait.
    if (m.type === 'load') return void (kinds[m.kind] as Partial<Loadable> | undefined)?.load?.().catch(() => undefined);
    const kind = kinds[m.kind];
    let last = 0;
    try {
      if (!kind) throw new Error(`Unknown job kind: ${m.kind}`);
      const output = await (kind as Kind<unknown, unknown>)(m.input, {
        progress(done, total) {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS && done < total) return;
          last = now;
          post({ type: 'progress', done, total });
        },
        part(chunk) {
          return new Promise<void>((resolve) => {
            acks.push(resolve);
            post({ type: 'part', chunk }, transferables(chunk));
          });
        },
      });
      post({ type: 'done', output }, transferables(output));
    } catch (e) {
      post({ type: 'error', error: serialiseError(e) });
    }
  });
}

function serialiseError(e: unknown): Extract<FromWorker, { type: 'error' }>['error'] {
  if (e instanceof HadirError) return { hadir: true, ...e.toJSON() };
  const err = e instanceof Error ? e : new Error(String(e));
  return { hadir: false, name: err.name, message: err.message, stack: err.stack };
}

/**
 * Byte arrays in the result (a PDF, one level deep in an object, or a list of them) move to the
 * main thread instead of being copied. Only a Uint8Array that owns its whole buffer can move:
 * Node's small Buffers share one pool, and moving that would pull it from under the others.
 */
function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const take = (v: unknown) => {
    if (!(v instanceof Uint8Array)) return;
    const buf = v.buffer;
    if (buf instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buf.byteLength && !isMarkedAsUntransferable(buf))
      out.add(buf);
  };
  take(value);
  if (value && typeof value === 'object') for (const v of Object.values(value)) (take(v), Array.isArray(v) && v.forEach(take));
  return [...out];
}
