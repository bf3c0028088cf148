import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// pdf-lib holds every operator of every page until save(): a 5,000-person daftar hadir peaked at
// 445 MB and the daftar penerimaan at 600 MB. The report PDFs now keep each finished page as
// deflated bytes (core/pdf/compact-page.ts). Bounded here by the JavaScript heap the render is
// allowed, not by time or RSS (load-independent): with the whole document held, a 4,000-row
// daftar hadir ran out of memory even with 150 MB of heap, and the daftar penerimaan with 100.
const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(ROOT, 'tests/bench/paperwork-child.ts');

function render(mode: string, heapMb: number) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', CHILD, mode], {
    env: { ...process.env, N: '4000' },
    encoding: 'utf8',
  });
  const out = r.stdout.trim().split('\n').pop() ?? '';
  return { status: r.status, out, err: r.stderr.slice(-400) };
}

describe('report PDFs for a congress in bounded memory', () => {
  it.each([
    ['daftar-hadir', 64],
    ['receipts-pdf', 100],
  ])('%s of 4,000 people renders within %i MB of heap', (mode, heapMb) => {
    const r = render(mode, heapMb);
    expect(r.err).not.toMatch(/heap out of memory/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out).bytes).toBeGreaterThan(1_000_000);
  });
});
