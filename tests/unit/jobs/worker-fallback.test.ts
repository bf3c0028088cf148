// Issue 17, finding 5: when the job worker cannot start (out/main/jobs-worker.js inside app.asar
// has never been seen running), jobs run on the main thread, with a log entry and a notice on
// the job's status, instead of every import, badge sheet, certificate and report failing. The
// failure is forced for real: a worker entry that does not exist, and one whose import throws.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../../electron/core/open-context';
import { logFile } from '../../../electron/core/log/logger';
import { isWorkerStartFailure, WorkerPool } from '../../../electron/core/jobs/run-kind';
import { PSM_EVENT, RESOURCES, importGenerated, ok, scope, tempDir } from '../../helpers/ctx';

async function importWith(file: string, opts: { prestart?: boolean } = {}) {
  const ctx = openContext(tempDir(), 'electron', RESOURCES, { actor: 'test', jobsWorker: { file, execArgv: [] } });
  // The CLI starts the thread ahead of its import (openCli): that thread's failure falls back too.
  if (opts.prestart) WorkerPool.for({ file, execArgv: [] }).prestart('participants.readImport');
  try {
    await ok(ctx, 'event.create', PSM_EVENT);
    // participants.importCommit reads the file in the 'participants.readImport' worker kind.
    await importGenerated(ctx, scope(ctx), 25, 'Peserta');
    const n = (ctx.db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n;
    // A job started after the fallback says so on its status, for the desk to show.
    const started = ctx.jobs.start('participants.import', async () => 'ok');
    const status = await ctx.jobs.settled(started.id);
    const log = fs.readFileSync(logFile(ctx.dataDir), 'utf8');
    return { n, fellBack: ctx.jobs.workerFellBack, status, log };
  } finally {
    ctx.db.close();
  }
}

describe('the job worker fallback', () => {
  it('imports on the main thread when the worker file is missing, logs it once, and marks the jobs', async () => {
    const r = await importWith(path.join(tempDir(), 'out', 'main', 'jobs-worker.js'));
    expect(r.n).toBe(25);
    expect(r.fellBack).toBe(true);
    expect(r.status).toMatchObject({ state: 'done', notice: 'worker_fallback' });
    expect(r.log.match(/job worker could not start/g)).toHaveLength(1);
  });

  it('does the same when the worker module loads but its import fails (as a broken asar would)', async () => {
    const dir = tempDir();
    const entry = path.join(dir, 'jobs-worker.mjs');
    fs.writeFileSync(entry, "import './chunks/missing-chunk.js';\n");
    const r = await importWith(entry);
    expect(r.n).toBe(25);
    expect(r.status.notice).toBe('worker_fallback');
  });

  it('falls back the same way when the failing thread was started ahead of the job (the CLI)', async () => {
    for (const missing of [true, false]) {
      const dir = tempDir();
      const entry = path.join(dir, missing ? 'jobs-worker.js' : 'jobs-worker.mjs');
      if (!missing) fs.writeFileSync(entry, "import './chunks/missing-chunk.js';\n");
      const r = await importWith(entry, { prestart: true });
      expect(r.n).toBe(25);
      expect(r.status.notice).toBe('worker_fallback');
    }
  });

  it('never runs a job on the main thread because it ran out of memory in its worker, or after it began', () => {
    expect(isWorkerStartFailure(new Error('Cannot find module'), true, false)).toBe(true);
    expect(isWorkerStartFailure(Object.assign(new Error('OOM'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }), true, false)).toBe(false);
    expect(isWorkerStartFailure(new Error('crashed'), true, true)).toBe(false); // it had reported progress
    expect(isWorkerStartFailure(new Error('crashed'), false, false)).toBe(false); // a reused thread had started
  });
});
