import { beforeEach, expect, test, vi } from 'vitest';

// The desk's snapshot read (renderer snapshot.ts) at a hub that takes connections and never
// answers: each request has a time limit, and the 2 min timer (or the screen opened again) joins
// the read under way instead of starting another beside it, so the reads cannot hold more than
// one of the six connections Chromium allows the hub (docs/engineering/hub-outbox-flake.md).
const calls: { name: string; waitMs: number | undefined; answer: (v: unknown) => void }[] = [];
vi.mock('../../../renderer/src/api', () => ({
  api: (name: string, _input: unknown, within?: { waitMs?: number }) =>
    new Promise((answer) => calls.push({ name, waitMs: within?.waitMs, answer })),
}));
vi.mock('../../../renderer/src/features/checkin/outbox', () => ({ SNAPSHOT: 'snapshot', tx: async () => undefined }));
const { refreshSnapshot } = await import('../../../renderer/src/features/checkin/snapshot');

beforeEach(() => void (calls.length = 0));

const settle = () => new Promise((r) => setTimeout(r, 0));

test('a second read while one waits joins it; every request of the read has a time limit', async () => {
  const first = refreshSnapshot(7);
  const second = refreshSnapshot(7);
  await settle();
  expect(calls.map((c) => c.name)).toEqual(['participants.list']);
  calls[0]!.answer({ rows: [{ code: 'A1', name: 'Rina', role: 'Peserta', regency: null, daysPresent: [] }] });
  await settle();
  expect(calls.map((c) => c.name)).toEqual(['participants.list', 'checkin.replacedCodes']);
  calls[1]!.answer([]);
  const [a, b] = await Promise.all([first, second]);
  expect(a).toBe(b);
  expect(Object.keys(a.people)).toEqual(['A1']);
  for (const c of calls) expect(c.waitMs).toBeGreaterThan(0);
  // Once it has ended, the next read asks the hub again.
  void refreshSnapshot(7);
  await settle();
  expect(calls).toHaveLength(3);
});
