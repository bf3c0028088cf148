import { describe, expect, it } from 'vitest';
import { JOB_PIXELS, MIN_DPI, PRINT_DPI, printPlan } from '../../electron/main/print-plan';

const A4 = { widthPt: 595.28, heightPt: 841.89 };
const A4L = { widthPt: 841.89, heightPt: 595.28 };
const roll = { widthPt: 175.75, heightPt: 283.46 };
const a4Pixels = ((A4.widthPt * PRINT_DPI) / 72) * ((A4.heightPt * PRINT_DPI) / 72);

describe('printPlan', () => {
  it('prints a walk-in badge or a sheet of badges as one job at full resolution', () => {
    expect(printPlan([roll], true)).toEqual({ dpi: PRINT_DPI, chunks: [{ from: 1, to: 1, page: roll }] });
    expect(printPlan(Array(7).fill(A4), false)).toEqual({ dpi: PRINT_DPI, chunks: [{ from: 1, to: 7, page: A4 }] });
  });

  it('cuts a large silent print into jobs that each stay within the pixel budget, in order', () => {
    const plan = printPlan(Array(1000).fill(A4L), true)!;
    expect(plan.dpi).toBe(PRINT_DPI);
    const perJob = Math.floor(JOB_PIXELS / a4Pixels);
    expect(plan.chunks[0]).toMatchObject({ from: 1, to: perJob });
    expect(plan.chunks.at(-1)!.to).toBe(1000);
    for (let i = 1; i < plan.chunks.length; i++) expect(plan.chunks[i]!.from).toBe(plan.chunks[i - 1]!.to + 1);
    expect(Math.max(...plan.chunks.map((c) => c.to - c.from + 1))).toBe(perJob);
  });

  it('starts a new job where the page size changes: one @page size per job', () => {
    const plan = printPlan([A4, A4, A4L, A4], true)!;
    expect(plan.chunks.map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [3, 3],
      [4, 4],
    ]);
  });

  it('lowers the resolution for a large print through the dialog, and refuses what would fall below the floor', () => {
    const mid = printPlan(Array(40).fill(A4), false)!;
    expect(mid.chunks).toHaveLength(1);
    expect(mid.dpi).toBeLessThan(PRINT_DPI);
    expect(mid.dpi).toBeGreaterThanOrEqual(MIN_DPI);
    expect(printPlan(Array(200).fill(A4), false)).toBeNull();
    expect(printPlan([], true)).toBeNull();
  });
});
