// One badge render in its own process, so its peak memory (VmHWM, tests/helpers/peak-rss.ts) is the render's alone.
// argv: layout, count. Prints one JSON line: { ms, bytes, maxRssMb }.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import type { BadgeLayoutId } from '../../electron/shared/badges';
import { generatedBadges } from '../helpers/badge-people';
import { peakRssMb } from '../helpers/peak-rss';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [layout, n] = [process.argv[2] as BadgeLayoutId, Number(process.argv[3])];
const fonts = loadBadgeFonts(path.join(ROOT, 'resources'));
const logo = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/logo.png')));
const badges = generatedBadges(n);
const t0 = performance.now();
const pdf = await renderBadgesPdf({
  layout,
  eventName: 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022',
  logo,
  fonts,
  badges,
  offset: { x: 0, y: 0 },
});
const ms = performance.now() - t0;
if (process.argv[4]) fs.writeFileSync(process.argv[4], pdf);
console.log(JSON.stringify({ ms, bytes: pdf.length, maxRssMb: peakRssMb() }));
