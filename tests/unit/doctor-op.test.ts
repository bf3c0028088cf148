// Issue 17: `hadir doctor` as an operation (system.doctor) for the device-check screen, and the
// job-worker fallback as the host tells the desks (app.info's workerFallback, the worker check).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/core/open-context';
import { checkWorker } from '../../electron/core/system/doctor';
import { checkMessage } from '../../electron/shared/doctor';
import type { Ctx } from '../../electron/core/context';
import { ok, PSM_EVENT, RESOURCES, scope, tempCtx, tempDir } from '../helpers/ctx';

describe('system.doctor', () => {
  it('measures the open kiosk: five checks in order, the database and a fresh worker ok', async () => {
    const ctx = tempCtx();
    try {
      await ok(ctx, 'event.create', PSM_EVENT);
      const r = await ok(ctx, 'system.doctor', {});
      expect(r.checks.map((c) => c.check)).toEqual(['database', 'disk', 'backup', 'worker', 'clock']);
      expect(r.checks.find((c) => c.check === 'database')?.state).toBe('ok');
      expect(r.checks.find((c) => c.check === 'worker')).toMatchObject({
        state: 'ok',
        message: expect.stringMatching(/made a PDF test page/), // the screen renders the page (full)
      });
      expect(r.dataDir).toBe(ctx.dataDir);
      expect(r.ok).toBe(r.checks.every((c) => c.state !== 'fail'));
    } finally {
      ctx.db.close();
    }
  }, 120_000);

  it("compares the clock with the desk's event when the desk names one, else the kiosk's", async () => {
    const ctx = tempCtx();
    try {
      await ok(ctx, 'event.create', PSM_EVENT);
      const psm = scope(ctx).eventId;
      await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Bimtek 2021', days: ['2021-03-01'] }); // now the kiosk's
      (ctx as { now: () => Date }).now = () => new Date('2022-09-07T03:00:00Z');
      const clock = async (input: { eventId?: number }) =>
        (await ok(ctx, 'system.doctor', input)).checks.find((c) => c.check === 'clock')!;
      expect((await clock({})).message).toContain('acara 2021-03-01–2021-03-01');
      expect((await clock({ eventId: psm })).message).not.toMatch(/Tanggal laptop .* acara/);
    } finally {
      ctx.db.close();
    }
  }, 120_000);
});

describe('the worker fallback, as the desks learn it', () => {
  it('app.info says so once a job ran without its worker, and the device check fails its worker line', async () => {
    const missing = path.join(tempDir(), 'out', 'main', 'jobs-worker.js');
    const ctx: Ctx = openContext(tempDir(), 'electron', RESOURCES, {
      actor: 'test',
      jobsWorker: { file: missing, execArgv: [] },
    });
    try {
      await ok(ctx, 'event.create', PSM_EVENT);
      expect((await ok(ctx, 'app.info', {})).workerFallback).toBe(false);
      // A test sheet needs the worker: it falls back, and still gives its PDF.
      const sheet = await ok(ctx, 'badges.testSheet', { layout: 'a4-8' });
      expect(Buffer.from(sheet.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect((await ok(ctx, 'app.info', {})).workerFallback).toBe(true);
      const worker = (await ok(ctx, 'system.doctor', {})).checks.find((c) => c.check === 'worker')!;
      expect(worker.state).toBe('fail');
    } finally {
      ctx.db.close();
    }
  }, 120_000);

  it('a worker that starts now after an earlier fallback is a warning that says to restart', () => {
    const r = checkWorker({ ok: true, ms: 500, rendered: true }, true);
    expect(r.state).toBe('warn');
    expect(checkMessage(r.message, 'id')).toMatch(/proses utama.*Mulai ulang Hadir/);
    expect(checkMessage(r.message, 'en')).toMatch(/main thread.*Restart Hadir/);
  });

  it('checkMessage gives one language, or the whole sentence when it cannot tell', () => {
    expect(checkMessage('Baik. / Good.', 'id')).toBe('Baik.');
    expect(checkMessage('Baik. / Good.', 'en')).toBe('Good.');
    expect(checkMessage('a / b / c', 'en')).toBe('a / b / c');
  });
});
