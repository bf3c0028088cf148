// A check-in acknowledged while another desk's large import holds the transaction open commits
// only with the import. Killed mid-import, the kiosk must still have every check-in it showed
// green (db/pending-scans.ts), and nothing of the import (all or nothing).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../../electron/core/open-context';
import { ok, PSM_EVENT, RESOURCES, tempDir, scope } from '../../helpers/ctx';

function runUntilAcks(args: string[], acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-crash-child.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.split('\n').filter((l) => l.startsWith('ACK ')).length >= acks) p.kill('SIGKILL');
    });
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`kiosk exited by itself (${code}): ${err}`));
      const lines = out.split('\n').slice(0, -1); // a line cut by the kill was never shown
      if (lines[0] !== 'IMPORTING') return reject(new Error(`the import had not begun: ${out}`));
      resolve(lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4)));
    });
  });
}

describe('crash during a large import', () => {
  it('keeps every check-in acknowledged while the import ran, and nothing of the import', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const ctx = openContext(dir, 'cli', RESOURCES);
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    for (let i = 0; i < 30; i++) await ok(ctx, 'participants.create', { ...scope(ctx), name: `Peserta ${i}`, role: 'Peserta' });
    ctx.db.close();

    const acked = await runUntilAcks([dir, RESOURCES, String(event.id)], 25);
    expect(acked).toHaveLength(25);
    expect(fs.existsSync(path.join(dir, 'hadir.db-pending-scans'))).toBe(true);

    const after = openContext(dir, 'cli', RESOURCES);
    const db = after.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT uuid FROM scan').all() as { uuid: string }[]).map((r) => r.uuid));
    expect(acked.filter((u) => !stored.has(u))).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n).toBe(30);
    expect(fs.existsSync(path.join(dir, 'hadir.db-pending-scans'))).toBe(false);
    // The desk's counts come back as shown: the first 30 scans were each person's first on their day.
    const present = await ok(after, 'reports.recap', {});
    expect(present.days.reduce((s, d) => s + d.present, 0)).toBe(25);
    db.close();
  });
});
