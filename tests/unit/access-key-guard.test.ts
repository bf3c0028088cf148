// Issue 18, defect 17: the LAN access key could be guessed ~8,000 times a second on one
// connection with no delay and no log entry. Wrong keys are now slowed down per address (one
// per slot, however many connections) and logged; the right key is never delayed.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { logFile } from '../../electron/core/log/logger';
import { sameAccessKey, WrongKeyGuard, wrongKeyDelay } from '../../electron/web/access-key';
import { createWebHost } from '../../electron/web/server';
import { tempCtx, tempDir } from '../helpers/ctx';

const KEY = 'K7Q2M9X4B1ZS';

function fakeGuard() {
  let now = 1_000_000;
  const waits: number[] = [];
  const logged: [string, number][] = [];
  const guard = new WrongKeyGuard(
    (address, failures) => logged.push([address, failures]),
    () => now,
    async (ms) => void waits.push(ms),
  );
  return { guard, waits, logged, advance: (ms: number) => (now += ms) };
}

describe('access key guard', () => {
  it('lets a desk mistype a few times, then doubles the wait up to a cap', () => {
    expect([1, 2, 3].map(wrongKeyDelay)).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7].map(wrongKeyDelay)).toEqual([100, 200, 400, 800]);
    expect(wrongKeyDelay(50)).toBe(5_000);
  });

  it('serves parallel wrong keys from one address one slot after another, and logs them per address', async () => {
    const { guard, waits, logged } = fakeGuard();
    // 12 guesses at the same instant (12 connections): each waits behind the one before.
    await Promise.all(Array.from({ length: 12 }, () => guard.refuse('10.0.0.9')));
    expect(waits).toHaveLength(9);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
    expect(waits.at(-1)).toBe(100 + 200 + 400 + 800 + 1600 + 3200 + 5000 + 5000 + 5000);
    // Another address is not held up by the first one's guesses.
    await guard.refuse('10.0.0.10');
    expect(waits).toHaveLength(9);
    expect(logged).toEqual([
      ['10.0.0.9', 1],
      ['10.0.0.10', 1],
    ]);
    expect(guard.failures('10.0.0.9')).toBe(12);
  });

  it('compares ASCII only: a case-mapping look-alike of the key is wrong', () => {
    expect(sameAccessKey(KEY.toLowerCase(), KEY)).toBe(true);
    expect(sameAccessKey('k7q2m9x4b1zſ', KEY)).toBe(false);
    expect(sameAccessKey(undefined, KEY)).toBe(false);
  });

  it('the web host logs wrong keys with the address, and still answers the right one', async () => {
    const ctx = tempCtx();
    const server = createWebHost({ ctx, staticDir: tempDir(), loopbackOnly: false, accessKey: KEY });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const call = (key: string) =>
      fetch(`${base}/api/event.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hadir-key': key },
        body: '{}',
      });
    for (let i = 0; i < 5; i++) expect((await call(`WRONGKEY000${i}`)).status).toBe(401);
    expect((await call(KEY)).status).toBe(200);
    const logged = () =>
      fs.existsSync(logFile(ctx.dataDir)) &&
      fs
        .readFileSync(logFile(ctx.dataDir), 'utf8')
        .split('\n')
        .some((l) => l.includes('wrong access key') && l.includes('127.0.0.1'));
    while (!logged()) await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((r) => server.close(() => r()));
    ctx.db.close();
  });
});
