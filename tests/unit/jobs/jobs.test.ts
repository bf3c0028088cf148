import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Jobs } from '../../../electron/core/jobs/jobs';
import { JobCancelled } from '../../../electron/core/jobs/run-kind';
import { sourceWorkerEntry } from '../../../electron/core/jobs/worker-entry';
import { toOpError } from '../../../electron/core/op-error';
import { HadirError } from '../../../electron/shared/errors';

// The real worker machinery (a thread per job, tsx-loaded TypeScript) with test-only kinds.
const entry = { ...sourceWorkerEntry(), file: path.join(import.meta.dirname, 'test-worker.ts') };
const newJobs = () => new Jobs(entry, (e) => toOpError(e));
const kind = (name: string) => name as never;

/** Polls until `cond` holds; the test waits for a state, it never measures a time. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

describe('jobs', () => {
  it('runs a kind in a worker, reports progress, and keeps the result until fetched', async () => {
    const jobs = newJobs();
    const counter = new SharedArrayBuffer(4);
    const seen: number[] = [];
    const started = jobs.start('participants.import', async (job) => {
      const n = await job.inWorker('count', kind('test.count'), { to: 200_000, counter } as never);
      seen.push(jobs.status(started.id).done);
      return n;
    });
    expect(started.state).toBe('queued');
    const end = await jobs.settled(started.id);
    expect(end).toMatchObject({ state: 'done', phase: 'count', total: 200_000, done: 200_000 });
    expect(seen[0]).toBe(200_000); // the last progress message arrives before the result
    expect(jobs.result(started.id)).toBe(200_000);
  });

  it('cancelling stops the worker itself, even in a synchronous loop', async () => {
    const jobs = newJobs();
    const counter = new SharedArrayBuffer(4);
    const seen = new Int32Array(counter);
    const to = 2_000_000_000; // minutes of work: only cancelling ends it
    const { id } = jobs.start('participants.import', (job) =>
      job.inWorker('count', kind('test.count'), { to, counter } as never),
    );
    await until(() => Atomics.load(seen, 0) > 1000 && jobs.status(id).done > 0);
    const end = await jobs.cancel(id);
    expect(end.state).toBe('cancelled');
    expect(end.finishedAt).not.toBeNull();
    // The thread is gone once cancel() returns: the count no longer moves.
    const stopped = Atomics.load(seen, 0);
    expect(stopped).toBeLessThan(to);
    await new Promise((r) => setTimeout(r, 100));
    expect(Atomics.load(seen, 0)).toBe(stopped);
    expect(() => jobs.result(id)).toThrow(HadirError);
  });

  it('cancels a job between chunks of main-thread work', async () => {
    const jobs = newJobs();
    let chunks = 0;
    const { id } = jobs.start('participants.import', async (job) => {
      for (;;) {
        job.checkCancelled();
        chunks++;
        await new Promise((r) => setImmediate(r));
      }
    });
    await until(() => chunks > 3);
    expect((await jobs.cancel(id)).state).toBe('cancelled');
    const after = chunks;
    await new Promise((r) => setImmediate(r));
    expect(chunks).toBe(after);
  });

  it('passes a HadirError through as the job error; an internal error keeps its detail out', async () => {
    const jobs = newJobs();
    const a = jobs.start('participants.import', (job) => job.inWorker('x', kind('test.fail'), { hadir: true } as never));
    expect(await jobs.settled(a.id)).toMatchObject({
      state: 'failed',
      error: { code: 'import_invalid', params: { rows: 3 } },
    });
    expect(() => jobs.result(a.id)).toThrow(HadirError);
    const b = jobs.start('participants.import', (job) => job.inWorker('x', kind('test.fail'), { hadir: false } as never));
    const failed = await jobs.settled(b.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('internal');
    expect(JSON.stringify(failed)).not.toContain('secret internal detail');
    // The result gives the same error, under the same reference (logged once).
    const thrown = (() => {
      try {
        jobs.result(b.id);
      } catch (e) {
        return e as HadirError;
      }
    })();
    expect(thrown?.toJSON()).toEqual(failed.error);
  });

  it('moves bytes out of the worker intact', async () => {
    const jobs = newJobs();
    const out = (await jobs.run(kind('test.bytes'), { size: 1 << 20 } as never)) as { bytes: Uint8Array };
    expect(out.bytes).toBeInstanceOf(Uint8Array);
    expect(out.bytes.byteLength).toBe(1 << 20);
    expect(out.bytes[300]).toBe(300 % 251);
  });

  it('delivers parts in order, before the result, one at a time', async () => {
    const jobs = newJobs();
    const got: number[] = [];
    const sent = new Int32Array(new SharedArrayBuffer(4));
    let ahead = 0;
    const n = await jobs.run(kind('test.parts'), { n: 500, sent: sent.buffer } as never, {
      onPart: (c) => {
        got.push(...(c as number[]));
        // The worker waits for each part to be taken before it sends the next, so parts never
        // pile up and get read in one turn of this thread's event loop.
        ahead = Math.max(ahead, Atomics.load(sent, 0) - got.length);
      },
    });
    expect(n).toBe(500);
    expect(got).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(ahead).toBe(0);
  });

  it('cancelling a queued job never starts it', async () => {
    const jobs = newJobs();
    const counter = new SharedArrayBuffer(4);
    const first = jobs.start('participants.import', (job) =>
      job.inWorker('count', kind('test.count'), { to: 2_000_000_000, counter } as never),
    );
    const starts: string[] = [];
    // Fill every slot (1 or 2 on a small machine), then queue one more.
    const second = jobs.start('participants.import', async () => starts.push('second'));
    const third = jobs.start('participants.import', async () => starts.push('third'));
    await until(() => jobs.status(first.id).state === 'running');
    const queued = [second, third].filter((j) => jobs.status(j.id).state === 'queued');
    expect(queued.length).toBeGreaterThan(0);
    const last = queued[queued.length - 1]!;
    expect((await jobs.cancel(last.id)).state).toBe('cancelled');
    await jobs.cancel(first.id);
    await Promise.all([second, third].map((j) => jobs.settled(j.id)));
    expect(starts).not.toContain(last === second ? 'second' : 'third');
  });

  it('says which job is unknown', () => {
    expect(() => newJobs().status('00000000-0000-4000-8000-000000000000')).toThrow(/No job/);
    expect(new JobCancelled().name).toBe('JobCancelled');
  });
});

describe('jobs inline (the CLI)', () => {
  it("a worker's progress does not take the bar back from the phase the reader has moved on to", async () => {
    // The import writes the rows while the worker still reads them (read-import-kind.ts): once the
    // walk says 'write', the worker's per-part progress must not flip the bar back to 'read'.
    const jobs = new Jobs('inline', (e) => toOpError(e));
    const csv = new TextEncoder().encode(['Nama', ...Array.from({ length: 1_600 }, (_, i) => `Peserta ${i}`)].join('\n'));
    const phases: string[] = [];
    const { id } = jobs.start('participants.import', async (job) => {
      let written = 0;
      await job.inWorker(
        'read',
        'participants.readImport',
        { bytes: csv, fileName: 'a.csv', roles: ['Peserta'] },
        {
          onPart: async (c) => {
            if (!('rows' in (c as object))) return;
            phases.push(jobs.status(id).phase ?? '');
            job.progress('write', (written += (c as { rows: unknown[] }).rows.length), 1_600);
          },
        },
      );
    });
    expect(await jobs.settled(id)).toMatchObject({ state: 'done', phase: 'write', done: 1_600, total: 1_600 });
    expect(phases).toEqual(['read', 'write', 'write', 'write']);
  });

  it('runs the same kinds on the calling thread, parts and progress included', async () => {
    const jobs = new Jobs('inline', (e) => toOpError(e));
    const got: unknown[] = [];
    const csv = new TextEncoder().encode('Nama,Peran\nBudi Santoso,Peserta\n');
    const { id } = jobs.start('participants.import', (job) =>
      job.inWorker(
        'read',
        'participants.readImport',
        { bytes: csv, fileName: 'a.csv', roles: ['Peserta'] },
        { onPart: (c) => got.push(c) },
      ),
    );
    const end = await jobs.settled(id);
    expect(end).toMatchObject({ state: 'done', phase: 'read', done: 1, total: 1 });
    expect(jobs.result(id)).toMatchObject({ rowCount: 1, invalidRows: 0, mapping: ['name', 'role'] });
    // The head first, then the rows, then the summary (read-import-kind.ts ImportPart).
    expect(got).toHaveLength(3);
    expect(got[0]).toMatchObject({ head: { rowCount: 1 } });
    expect(got[1]).toMatchObject({ rows: [{ line: 2, valid: true, values: { name: 'Budi Santoso' } }] });
    expect(got[2]).toMatchObject({ summary: { rowCount: 1, invalidRows: 0 } });
  });
});
