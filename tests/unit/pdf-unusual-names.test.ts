// Names the fonts handle badly must not stop anybody else's paper (issue 18, defect 8): a
// combining mark fontkit cannot position (U+0337 in "Za̷b") used to fail every badge, the
// certificate batch and the daftar hadir for the whole event, and the failed batch kept numbers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPrints } from '../../electron/db/repositories/certificates';
import { ok, scope, tempDir } from '../helpers/ctx';
import { psmEvent, scan } from './certificates/helpers';

function pdfText(bytes: Uint8Array): string {
  const file = path.join(tempDir(), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

const MARKED = ['Za\u0337b Santoso', 'Dewi x\u0338 Lestari'];

describe('names with combining marks the font cannot position', () => {
  it('badges, certificates and the daftar hadir print everyone, the marked names included', async () => {
    const { ctx, event, ids } = await psmEvent();
    const marked = [];
    for (const name of MARKED) marked.push(await ok(ctx, 'participants.create', { ...scope(ctx), name, role: 'Peserta' }));
    for (const p of marked) for (const d of [1, 2]) scan(ctx, event, p.id, d);
    for (const d of [1, 2]) scan(ctx, event, ids.get('Abdul Rozak')!, d);

    const badges = await ok(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'all' } });
    const badgeText = pdfText(badges.bytes);
    expect(badgeText).toContain('Abdul Rozak');
    expect(badgeText).toContain('Santoso');
    expect(badgeText).toContain('Lestari');

    const batch = await ok(ctx, 'certificates.batch', { ...scope(ctx), allEligible: true });
    expect(batch.count).toBe(3);
    const certText = pdfText(batch.file.bytes);
    expect(certText).toContain('Abdul Rozak');
    expect(certText).toContain('Santoso');
    expect(listPrints(ctx.db, event.id)).toHaveLength(3);

    const dh = await ok(ctx, 'reports.daftarHadir', { dayNo: 1, scope: 'all', order: 'name' });
    const dhText = pdfText(dh.bytes);
    expect(dhText).toContain('Abdul Rozak');
    expect(dhText).toContain('Santoso');
    expect(dhText).toContain('Lestari');
    ctx.db.close();
  }, 120_000);

  it('a batch that produced no PDF (cancelled) leaves no number assigned', async () => {
    const { ctx, event, ids } = await psmEvent();
    for (const id of ids.values()) for (const d of [1, 2]) scan(ctx, event, id, d);
    const started = await ok(ctx, 'jobs.start', { job: 'certificates.batch', input: { ...scope(ctx), allEligible: true } });
    while ((await ok(ctx, 'jobs.status', { id: started.id })).state !== 'running') await new Promise((r) => setTimeout(r, 5));
    const end = await ok(ctx, 'jobs.cancel', { id: started.id });
    expect(end.state).toBe('cancelled');
    await ctx.jobs.settled(started.id);
    expect(listPrints(ctx.db, event.id)).toEqual([]);
    expect((await ok(ctx, 'certificates.list', { status: 'issued' })).rows).toHaveLength(0);
    // The next batch numbers from 001 again.
    const again = await ok(ctx, 'certificates.batch', { ...scope(ctx), allEligible: true });
    expect(again.count).toBe(66);
    const issued = (await ok(ctx, 'certificates.list', { status: 'issued' })).rows.map((r) => r.number).sort();
    expect(issued[0]).toBe('001/PSM/DINSOS/IX/2022');
    expect(issued[65]).toBe('066/PSM/DINSOS/IX/2022');
    ctx.db.close();
  }, 180_000);
});
