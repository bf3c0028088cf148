import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { errorRef, logFile } from '../../electron/core/log/logger';
import { RotatingFile } from '../../electron/core/log/rotating-file';
import { createWebHost } from '../../electron/web/server';
import { openContext } from '../../electron/core/open-context';
import { bin, ok, PSM_EVENT, RESOURCES, tempCtx, tempDir, scope } from '../helpers/ctx';

const logText = (ctx: Ctx) => fs.readFileSync(logFile(ctx.dataDir), 'utf8');
const entries = (ctx: Ctx) =>
  logText(ctx)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { msg: string });

/** A fault of Hadir's own, not the organiser's: a table gone from under an operation. */
function breakSettings(ctx: Ctx): void {
  ctx.db.exec('DROP TABLE setting');
}

describe('log file', () => {
  it('writes an internal error to logs/hadir.log under a reference; the result carries only the reference', async () => {
    const ctx = tempCtx();
    breakSettings(ctx);
    const res = await dispatch(ctx, 'settings.get', {});
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const ref = String(res.error.params?.ref);
    expect(res.error.code).toBe('internal');
    expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(JSON.stringify(res)).not.toMatch(/no such table|setting|\.ts|at /);
    const entry = entries(ctx).find((e) => e.ref === ref)!;
    expect(entry).toMatchObject({ level: 50, msg: 'internal error', where: 'settings.get' });
    expect(JSON.stringify(entry.err)).toContain('no such table: setting');
    expect(JSON.stringify(entry.err)).toMatch(/at .*\.ts/); // the stack is in the log
  });

  it('keeps the message and stack out of the HTTP response', async () => {
    const ctx = tempCtx();
    const server = createWebHost({ ctx, staticDir: tempDir() });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    breakSettings(ctx);
    const res = await fetch(`http://127.0.0.1:${port}/api/settings.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const body = await res.text();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    expect(body).not.toMatch(/no such table|SqliteError|\.ts|node_modules|at /);
    const { error } = JSON.parse(body) as { error: { code: string; params: { ref: string } } };
    expect(error.code).toBe('internal');
    expect(logText(ctx)).toContain(error.params.ref);
  });

  it('records start-up, migrations, refusals (by code, no personal data) and jobs', async () => {
    const ctx = openContext(tempDir(), 'web', RESOURCES);
    await ok(ctx, 'event.create', PSM_EVENT);
    await ok(ctx, 'participants.create', { ...scope(ctx), name: 'Siti Rahmawati', role: 'Peserta' } as never);
    const dup = await dispatch(ctx, 'participants.create', { ...scope(ctx), name: 'Siti Rahmawati', role: 'Peserta' } as never);
    expect(!dup.ok && dup.error.code).toBe('conflict');
    const job = await ok(ctx, 'jobs.start', {
      job: 'participants.import',
      input: {
        ...scope(ctx),
        fileName: 'a.csv',
        bytes: bin('Nama,Peran\nBudi Santoso,Peserta\n'),
        mapping: ['name', 'role'],
        skipInvalid: false,
      },
    });
    await ctx.jobs.settled(job.id);
    const log = entries(ctx);
    expect(log.find((e) => e.msg === 'database migrated')).toMatchObject({ level: 30, from: 0 });
    expect(log.find((e) => e.msg === 'started')).toMatchObject({ runtime: 'web' });
    expect(log.find((e) => e.msg === 'operation refused')).toMatchObject({
      level: 40,
      op: 'participants.create',
      code: 'conflict',
    });
    expect(log.filter((e) => e.id === job.id).map((e) => e.msg)).toEqual(['job started', 'job done']);
    expect(logText(ctx)).not.toContain('Siti');
  });

  it('rotates by size and keeps a fixed number of files', () => {
    const dir = tempDir();
    const file = path.join(dir, 'logs', 'hadir.log');
    const out = new RotatingFile(file, 1000, 3);
    for (let i = 0; i < 100; i++) out.write(`${String(i).padStart(3, '0')} ${'x'.repeat(95)}\n`);
    out.close();
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['hadir.log', 'hadir.log.1', 'hadir.log.2']);
    for (const f of fs.readdirSync(path.dirname(file))) {
      expect(fs.statSync(path.join(path.dirname(file), f)).size).toBeLessThanOrEqual(1000);
    }
    expect(fs.readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)).toMatch(/^099 /);
    expect(fs.readFileSync(`${file}.2`, 'utf8')).toMatch(/^07\d /);
  });

  it('never lets a failing log take an operation down', async () => {
    const ctx = tempCtx();
    // The log folder replaced by a file: every write fails.
    fs.rmSync(path.dirname(logFile(ctx.dataDir)), { recursive: true, force: true });
    const out = new RotatingFile(path.join(ctx.dataDir, 'blocked', 'x.log'), 1000, 2);
    fs.writeFileSync(path.join(ctx.dataDir, 'blocked'), 'not a folder');
    expect(() => out.write('line\n')).not.toThrow();
    expect(errorRef()).not.toBe(errorRef());
  });
});
