// The text fitting's cost per tag, this checkout against another (a base commit unpacked with
// `git archive <commit> | tar -x -C DIR`), in one process, alternating, on the badge-sheets
// bench's 1,000 generated people and on the hostile names. Layout only: what the fitting adds.
// Run: npx tsx tests/bench/tag-fit-ab.ts /tmp/base-checkout
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BADGE_LAYOUTS } from '../../electron/shared/badges';
import { generatedBadges, HOSTILE_TAGS } from '../helpers/badge-people';
import { FONTS } from '../helpers/badge-scan';

const base = path.resolve(process.argv[2] ?? '');
type Mod = typeof import('../../electron/core/badges/render-pdf');
type Sheets = typeof import('../../electron/core/badges/sheets');
const load = async (root: string) => ({
  render: (await import(path.join(root, 'electron/core/badges/render-pdf.ts'))) as Mod,
  sheets: (await import(path.join(root, 'electron/core/badges/sheets.ts'))) as Sheets,
});
const here = await load(path.resolve(import.meta.dirname, '../..'));
const there = await load(base);
const EVENT = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022';
const people = generatedBadges(1000);
const hostile = Array.from({ length: 250 }, () => HOSTILE_TAGS.map((h) => h.badge)).flat();

function time(m: Awaited<ReturnType<typeof load>>, people: typeof hostile): number {
  const measures = m.render.fontMeasures(FONTS);
  const s = performance.now();
  for (const id of BADGE_LAYOUTS) m.render.layoutPages(m.sheets.SHEETS[id], measures, EVENT, 1, people);
  return (performance.now() - s) / (people.length * BADGE_LAYOUTS.length);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [label, set] of [
  ['1,000 generated', people],
  ['1,000 hostile', hostile],
] as const) {
  const a: number[] = [];
  const b: number[] = [];
  time(here, set);
  time(there, set); // warm both
  // Alternating which goes first, so neither always pays the other's garbage.
  for (let i = 0; i < 9; i++) {
    if (i % 2) {
      a.push(time(here, set));
      b.push(time(there, set));
    } else {
      b.push(time(there, set));
      a.push(time(here, set));
    }
  }
  console.log(
    `${label}: layout per tag ${(median(a) * 1000).toFixed(1)} µs (this) against ${(median(b) * 1000).toFixed(1)} µs (base), ratio ${(median(a) / median(b)).toFixed(2)}× · load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
