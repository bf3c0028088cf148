import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { listAudit } from '../../electron/db/repositories/audit';
import { parseOffset } from '../../electron/cli/badges';
import { ok, ROOT, tempCtx, tempDir } from '../helpers/ctx';

const pdfPages = (bytes: Uint8Array) => {
  const f = path.join(tempDir(), 'x.pdf');
  fs.writeFileSync(f, bytes);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1]);
};
const pdfText = (bytes: Uint8Array) => {
  const f = path.join(tempDir(), 'x.pdf');
  fs.writeFileSync(f, bytes);
  return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

async function demo() {
  const ctx = tempCtx();
  await ok(ctx, 'event.createDemo', {});
  return ctx;
}

describe('badges.render', () => {
  it('renders everyone, a list filter, chosen ids and codes, and only the first page for a preview', async () => {
    const ctx = await demo();
    const all = await ok(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'all' } });
    expect([all.tags, all.pages, pdfPages(all.bytes), all.mime]).toEqual([66, 9, 9, 'application/pdf']);
    expect(all.fileName).toMatch(/^tanda-nama-a4-8-\d{4}-\d\d-\d\d\.pdf$/);

    const speakers = await ok(ctx, 'badges.render', { layout: 'a6', whom: { kind: 'filter', role: 'Narasumber' } });
    expect([speakers.tags, pdfPages(speakers.bytes)]).toEqual([4, 4]);
    expect(pdfText(speakers.bytes)).toContain('Drs. Aswarodi, M.Si.');

    const list = await ok(ctx, 'participants.list', { query: 'lestari' });
    const byCode = list.rows[0]!.code.toLowerCase();
    const chosen = await ok(ctx, 'badges.render', { layout: 'roll-62', whom: { kind: 'ids', ids: [byCode, list.rows[0]!.id] } });
    expect([chosen.tags, pdfPages(chosen.bytes)]).toEqual([2, 2]);

    const preview = await ok(ctx, 'badges.render', { layout: 'a4-10', whom: { kind: 'all' }, maxPages: 1 });
    expect([preview.tags, preview.pages, pdfPages(preview.bytes)]).toEqual([10, 1, 1]);

    const none = await dispatch(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'filter', query: 'zzzzqqq' } });
    expect(!none.ok && none.error.code).toBe('not_found');
    const unknown = await dispatch(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'ids', ids: ['NOTACODE!'] } });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const bad = await dispatch(ctx, 'badges.render', { layout: 'a5', whom: { kind: 'all' } } as never);
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const far = await dispatch(ctx, 'badges.render', { layout: 'a6', whom: { kind: 'all' }, offset: { x: 11, y: 0 } });
    expect(!far.ok && far.error.code).toBe('invalid_input');
  }, 120_000);

  it('saves an offset per layout (audited) and applies it unless one is given', async () => {
    const ctx = await demo();
    expect((await ok(ctx, 'badges.offsets', {}))['a4-8']).toEqual({ x: 0, y: 0 });
    const whom = { kind: 'ids' as const, ids: [1] };
    const plain = await ok(ctx, 'badges.render', { layout: 'a6', whom });
    const saved = await ok(ctx, 'badges.setOffset', { layout: 'a6', offset: { x: 1.25, y: -2 } });
    expect(saved.a6).toEqual({ x: 1.3, y: -2 });
    expect(saved['a4-8']).toEqual({ x: 0, y: 0 });
    const shifted = await ok(ctx, 'badges.render', { layout: 'a6', whom });
    expect(Buffer.from(shifted.bytes).equals(Buffer.from(plain.bytes))).toBe(false);
    const explicit = await ok(ctx, 'badges.render', { layout: 'a6', whom, offset: { x: 0, y: 0 } });
    expect(Buffer.from(explicit.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
    expect(listAudit(ctx.db).find((a) => a.action === 'badges.setOffset')?.detail).toContain('"layout":"a6"');
  });

  it('prints a one-page calibration sheet per layout', async () => {
    const ctx = await demo();
    for (const layout of ['a4-8', 'roll-62'] as const) {
      const f = await ok(ctx, 'badges.testSheet', { layout });
      expect(pdfPages(f.bytes)).toBe(1);
      expect(pdfText(f.bytes)).toMatch(/Kalibrasi/);
    }
  });

  it('runs a batch as a job with progress, and returns the same file', async () => {
    const ctx = await demo();
    const started = await ok(ctx, 'jobs.start', { job: 'badges.render', input: { layout: 'a4-10', whom: { kind: 'all' } } });
    let status = started;
    while (status.state === 'queued' || status.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      status = await ok(ctx, 'jobs.status', { id: started.id });
    }
    expect(status).toMatchObject({ state: 'done', phase: 'render', done: 7, total: 7 });
    const file = (await ok(ctx, 'jobs.result', { id: started.id })) as { pages: number; bytes: Uint8Array };
    expect(file.pages).toBe(7);
    expect(pdfPages(file.bytes)).toBe(7);
  });
});

describe('hadir badges', () => {
  it('writes a PDF for a layout, --only codes or ids, with --offset; refuses bad input with exit 2', () => {
    const dir = tempDir();
    const hadir = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args, '--data-dir', dir], { encoding: 'utf8' });
    hadir('event', 'demo');
    const out = path.join(dir, 'tags.pdf');
    const all = hadir('badges', '--layout', 'a4-10', '--out', out);
    expect([all.status, all.stdout]).toEqual([0, `Wrote 66 tag(s) on 7 page(s) to ${out}\n`]);
    const code = JSON.parse(hadir('participants', 'list', '--format', 'json').stdout)[0].code;
    const some = hadir('badges', '--layout', 'roll-62', '--only', code, '2', '--offset', '1.5,-2', '--out', out);
    expect([some.status, some.stdout]).toEqual([0, `Wrote 2 tag(s) on 2 page(s) to ${out}\n`]);
    expect(hadir('badges', '--layout', 'a5', '--out', out).status).toBe(2);
    expect(hadir('badges', '--layout', 'a6').status).toBe(2);
    expect(hadir('badges', '--layout', 'a6', '--offset', '20,0', '--out', out).stderr).toMatch(/at most 10 mm/);
  }, 120_000);

  it('reads offsets as X,Y or, with decimal commas, X;Y', () => {
    expect(parseOffset('1.5,-2')).toEqual({ x: 1.5, y: -2 });
    expect(parseOffset('1,5;-2')).toEqual({ x: 1.5, y: -2 });
    expect(() => parseOffset('1.5')).toThrow(/expected X,Y/);
    expect(() => parseOffset('a,b')).toThrow(/expected X,Y/);
  });
});
