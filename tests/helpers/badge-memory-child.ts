// One badge sheet rendered in a process of its own (tests/unit/badges-memory.test.ts): argv
// layout, number of tags, resources folder (the child runs bundled, away from the sources). Prints one JSON line: the process's peak RSS, and the memory still
// live (heap + array buffers, after a full collection; needs --expose-gc) at the 10th page and
// at the last, so what a sheet keeps per tag is measured without the collector's timing.
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import type { BadgeLayoutId } from '../../electron/shared/badges';
import { generatedBadges } from './badge-people';

const [layout, n, resources] = [process.argv[2] as BadgeLayoutId, Number(process.argv[3]), process.argv[4]!];
const gc = (globalThis as { gc?: () => void }).gc;
const live = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
let at10 = 0;
let atLast = 0;
const pdf = await renderBadgesPdf({
  layout,
  eventName: 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022',
  logo: null,
  fonts: loadBadgeFonts(resources),
  badges: generatedBadges(n),
  offset: { x: 0, y: 0 },
  onProgress: (done, total) => {
    if (done === 10) at10 = live();
    if (done === total) atLast = live();
  },
});
console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, liveGrowth: atLast - at10, bytes: pdf.byteLength }));
