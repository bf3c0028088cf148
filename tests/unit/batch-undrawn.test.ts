// Issue 18: a badge or certificate batch result names the people whose names have characters the
// fonts cannot draw (their pages are made, with empty boxes), in the operation, the job and the CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, ROOT, tempCtx, tempDir } from '../helpers/ctx';

const CHINESE = '王小明';

describe('batch results name whose names could not be drawn', () => {
  it('badges.render, the badges.render job, certificates.batch and the CLI name them; a batch of drawable names names nobody', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const scope = { eventId: event.id, desk: 'Meja 1' };
    const odd = await ok(ctx, 'participants.create', { ...scope, name: CHINESE, role: 'Peserta' });
    const budi = (await ok(ctx, 'participants.list', { limit: 1 })).rows[0]!;

    const tags = await ok(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'ids', ids: [budi.id, odd.id] } });
    expect(tags.tags).toBe(2);
    expect(tags.undrawable).toEqual([{ name: CHINESE, missing: ['王', '小', '明'] }]);
    const plain = await ok(ctx, 'badges.render', { layout: 'a4-8', whom: { kind: 'ids', ids: [budi.id] } });
    expect(plain.undrawable).toEqual([]);

    // The job the screen runs for big batches returns the same result.
    const started = await ok(ctx, 'jobs.start', { job: 'badges.render', input: { layout: 'a4-8', whom: { kind: 'all' } } });
    for (let s = started; s.state === 'queued' || s.state === 'running'; ) {
      await new Promise((r) => setTimeout(r, 100));
      s = await ok(ctx, 'jobs.status', { id: started.id });
    }
    const fromJob = (await ok(ctx, 'jobs.result', { id: started.id })) as { undrawable: unknown };
    expect(fromJob.undrawable).toEqual([{ name: CHINESE, missing: ['王', '小', '明'] }]);

    for (const p of [budi, odd]) await ok(ctx, 'certificates.override', { ...scope, participantId: p.id, reason: 'hadir penuh' });
    const certs = await ok(ctx, 'certificates.batch', { ...scope, participantIds: [budi.id, odd.id] });
    expect(certs.count).toBe(2);
    expect(certs.undrawable).toEqual([{ name: CHINESE, missing: ['王', '小', '明'] }]);
    ctx.db.close();

    const dir = path.dirname(ctx.db.name);
    const out = path.join(tempDir(), 'tags.pdf');
    const hadir = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args, '--data-dir', dir], { encoding: 'utf8' });
    const cli = hadir('badges', '--layout', 'a4-8', '--out', out);
    expect(cli.status).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(cli.stderr).toBe(
      'Warning: 1 name(s) have characters the fonts cannot draw; they print as empty boxes:\n' +
        `  ${CHINESE} (王 U+738B, 小 U+5C0F, 明 U+660E)\n`,
    );
    const certCli = hadir('certificates', '--all-eligible', '--out', path.join(tempDir(), 'c.pdf'));
    expect(certCli.status).toBe(0);
    expect(certCli.stderr).toContain(`  ${CHINESE} (王 U+738B, 小 U+5C0F, 明 U+660E)`);
  }, 300_000);
});
