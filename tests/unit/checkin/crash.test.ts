import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleChild } from '../../helpers/bundle-child';
import { openContext } from '../../../electron/core/open-context';
import { ok, PSM_EVENT, RESOURCES, ROOT, tempDir, scope } from '../../helpers/ctx';

const KILLS = 110;

// The child is bundled once into plain JavaScript, its npm packages inside: each of the 110
// starts costs a Node start and one file to load (~0.24 s of CPU to the first check-in, against
// ~0.43 with the packages loaded from node_modules: resolving and reading a few hundred files).
const bundleCrashChild = () => bundleChild(path.join(import.meta.dirname, 'crash-child.ts'), { packages: 'inside' });

/** Starts a desk, kills it with SIGKILL at a random moment, returns the acknowledgements it printed. */
function runAndKill(child: string, args: string[], rnd: () => number): Promise<{ acks: string[]; verdicts: string[] }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    // One kill in ten lands at a random moment after start (opening the file, the first reads);
    // the rest at a random moment once the desk is writing.
    if (rnd() < 0.1) timer = setTimeout(() => p.kill('SIGKILL'), rnd() * 300);
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (!timer) timer = setTimeout(() => p.kill('SIGKILL'), rnd() * 120);
    });
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`desk exited by itself (${code}): ${err}`));
      // Only whole lines count: a line cut by the kill was never shown as acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve({ acks: lines.map((l) => l.split(' ')[1]!), verdicts: lines.map((l) => l.split(' ')[2]!) });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged check-in through ${KILLS} SIGKILLs at random moments`, { timeout: 900_000 }, async () => {
    const dir = tempDir();
    const ctx = openContext(dir, 'cli', RESOURCES);
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    for (let i = 0; i < 300; i++) await ok(ctx, 'participants.create', { ...scope(ctx), name: `Peserta ${i}`, role: 'Peserta' });
    ctx.db.close();
    const child = await bundleCrashChild();

    // A seeded generator: a failure can be replayed with the same moments.
    let seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const acked: string[] = [];
    let greens = 0;
    let start = 0;
    for (let k = 0; k < KILLS; k++) {
      const { acks, verdicts } = await runAndKill(child, [dir, RESOURCES, String(event.id), String(start)], rnd);
      acked.push(...acks);
      greens += verdicts.filter((v) => v === 'green').length;
      start += acks.length + 1;
    }

    const db = openContext(dir, 'cli', RESOURCES).db;
    expect(db.pragma('integrity_check', { simple: true }), `seed ${seed}`).toBe('ok');
    const stored = new Set((db.prepare('SELECT uuid FROM scan').all() as { uuid: string }[]).map((r) => r.uuid));
    const lost = acked.filter((u) => !stored.has(u));
    expect(lost, `seed ${seed}`).toEqual([]);
    expect(acked.length).toBeGreaterThan(KILLS);
    expect(greens).toBeGreaterThan(0);
    // Walk-ins are all or nothing: nobody was added without their check-in row.
    expect(
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM participant p WHERE p.name LIKE 'Walk-in %'
           AND NOT EXISTS (SELECT 1 FROM scan s WHERE s.participant_id = p.id AND s.input = 'walk_in' AND s.verdict = 'ok')`,
        )
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});
