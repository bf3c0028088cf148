// Name tags (issue 10). For 1,000 tags per layout: Hadir's PDF renderer against Chromium's
// page.pdf() of the same tags as HTML (same fonts, logo, positions, QR as SVG), in the same run:
// time, peak memory, file size. One tag on demand (a walk-in): p95 against Chromium's p95.
// Decode rate of webcam-like frames made from rendered tags (ImageMagick: 0.30-0.45 mm per pixel
// in a 1280x720 frame, rotated up to 25°, tilted, defocused, dim, noisy, JPEG), with zxing-cpp
// (zxing-wasm) and @zxing/library, against the same frames made from a 25 mm QR (the size the issue
// measured failing). Needs /usr/bin/chromium, ImageMagick's convert and poppler's pdftoppm.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { fontMeasures, layoutPages, renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { SHEETS } from '../../electron/core/badges/sheets';
import { BADGE_LAYOUTS, type BadgeLayoutId } from '../../electron/shared/badges';
import { generatedBadges, rng } from '../helpers/badge-people';
import { decodeZxingCpp, decodeZxingJs } from '../helpers/qr-decode';
import { tagImages, webcamFrame } from '../helpers/webcam-frames';
import { badgesHtml } from './badges-html';
import type { Row } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVENT = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function treeRssMb(pid: number): number {
  let kb = 0;
  const kids = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone */
    }
  }
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
    for (const k of kids.get(p) ?? []) walk(k);
  };
  walk(pid);
  return kb / 1024;
}

function hadirChild(layout: BadgeLayoutId, n: number, out?: string): Promise<{ ms: number; bytes: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'tests/bench/badges-child.ts'), layout, String(n), ...(out ? [out] : [])],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let s = '';
    let err = '';
    child.stdout.on('data', (c) => (s += c));
    child.stderr.on('data', (c) => (err = (err + c).slice(-4000)));
    // A child ended by a signal has no exit code ("child null" said nothing): name the signal
    // (SIGKILL from the kernel's OOM killer, SIGABRT from V8's heap limit) and its last words.
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve(JSON.parse(s.trim().split('\n').pop()!))
        : reject(
            new Error(
              `badges child (${layout}, ${n} tags) ended with ${signal ?? `exit code ${code}`}: ${err.trim().split('\n').slice(-5).join(' | ')}`,
            ),
          ),
    );
  });
}

export async function benchBadges(rows: Row[], resources: string): Promise<void> {
  const fonts = loadBadgeFonts(resources);
  const logo = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/logo.png')));
  const measures = fontMeasures(fonts);
  const badges = generatedBadges(1000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  // The browser's process: the chromium child of this one (Playwright's Browser does not expose it).
  const browserPid = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .find((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && /chrom/.test(fs.readFileSync(`/proc/${d}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    });
  const page = await browser.newPage();
  const chromePdf = async (layout: BadgeLayoutId, list = badges) => {
    const sheet = SHEETS[layout];
    const html = badgesHtml(sheet, layoutPages(sheet, measures, EVENT, 1, list), fonts, logo);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return page.pdf({ width: `${sheet.page.w}mm`, height: `${sheet.page.h}mm`, printBackground: true, preferCSSPageSize: true });
  };

  for (const layout of BADGE_LAYOUTS) {
    const mine = await hadirChild(layout, 1000);
    // Chromium: time of setContent + fonts + page.pdf, peak RSS of the browser's process tree.
    let peak = 0;
    const sampler = browserPid ? setInterval(() => (peak = Math.max(peak, treeRssMb(Number(browserPid)))), 250) : null;
    const t0 = performance.now();
    const ref = await chromePdf(layout);
    const refMs = performance.now() - t0;
    if (sampler) clearInterval(sampler);
    rows.push({
      name: `badges ${layout}: 1,000 tags, time`,
      value: mine.ms,
      unit: 'ms',
      ref: 'Chromium page.pdf()',
      refValue: refMs,
    });
    rows.push({
      name: `badges ${layout}: 1,000 tags, peak RSS`,
      value: mine.maxRssMb,
      unit: 'MB',
      ref: 'Chromium (all processes)',
      refValue: peak || NaN,
    });
    rows.push({
      name: `badges ${layout}: 1,000 tags, file size`,
      value: mine.bytes / 1024,
      unit: 'KB',
      ref: 'Chromium page.pdf()',
      refValue: ref.length / 1024,
    });
  }

  // One tag on demand (a walk-in at the desk): p95 of 60 after warm-up.
  const one = [badges[0]!];
  const input = { layout: 'roll-62' as const, eventName: EVENT, logo, fonts, badges: one, offset: { x: 0, y: 0 } };
  for (let i = 0; i < 5; i++) await renderBadgesPdf(input);
  const mineOne: number[] = [];
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    await renderBadgesPdf({ ...input, badges: [badges[i]!] });
    mineOne.push(performance.now() - s);
  }
  const refOne: number[] = [];
  for (let i = 0; i < 3; i++) await chromePdf('roll-62', [badges[i]!]);
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    await chromePdf('roll-62', [badges[i]!]);
    refOne.push(performance.now() - s);
  }
  rows.push({
    name: 'badges: one tag on demand, p95',
    value: p95(mineOne),
    unit: 'ms',
    ref: 'Chromium page.pdf() p95',
    refValue: p95(refOne),
  });
  await browser.close();

  await decodeRates(rows, resources);
}

/**
 * Webcam-like frames of every layout's tag (each with its QR size from sheets.ts) against the A4-10 tag shrunk so its QR is 25 mm (the size issue 10 measured
 * failing): zxing-cpp and @zxing/library on one frame, and zxing-cpp within two frames (a second,
 * independently made frame of the same tag, as the desk's camera gives it a moment later).
 */
export async function decodeRates(
  rows: Row[],
  resources: string,
  per = 24,
  opts: { layouts?: readonly BadgeLayoutId[]; scales?: number[]; reference?: boolean } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-frames-'));
  const fonts = loadBadgeFonts(resources);
  const rand = rng(2025);
  const SCALES = opts.scales ?? [0.3, 0.35, 0.4, 0.42, 0.45];
  const PER = per;
  const series = [
    ...(opts.layouts ?? BADGE_LAYOUTS).map((layout) => ({
      label: `${layout} tag, ${SHEETS[layout].tag.qr} mm QR`,
      layout,
      shrink: 1,
    })),
    ...(opts.reference === false ? [] : [{ label: '25 mm QR', layout: 'a4-10' as const, shrink: 25 / SHEETS['a4-10'].tag.qr }]),
  ];
  const rates = new Map<string, { cpp: number; js: number; two: number }>();
  for (const { label, layout, shrink } of series) {
    const sheet = SHEETS[layout];
    const tags = await tagImages(layout, dir, fonts);
    for (const mmPerPx of SCALES) {
      let cpp = 0;
      let js = 0;
      let two = 0;
      for (let i = 0; i < PER; i++) {
        const tag = tags[i % tags.length]!;
        let read = false;
        for (let f = 0; f < 2; f++) {
          const img = webcamFrame(tag.file, sheet.tag, mmPerPx, rand, dir, shrink);
          const ok = (await decodeZxingCpp(img)).includes(tag.payload);
          if (f === 0) {
            if (ok) cpp++;
            if (decodeZxingJs(img) === tag.payload) js++;
          }
          read ||= ok;
          if (read) break;
        }
        if (read) two++;
      }
      rates.set(`${label} ${mmPerPx}`, { cpp: (100 * cpp) / PER, js: (100 * js) / PER, two: (100 * two) / PER });
    }
  }
  const none = { cpp: NaN, js: NaN, two: NaN };
  const mean = (label: string, k: 'cpp' | 'js' | 'two') =>
    SCALES.reduce((s, m) => s + (rates.get(`${label} ${m}`) ?? none)[k], 0) / SCALES.length;
  for (const { label } of opts.reference === false ? series : series.slice(0, -1)) {
    const ref = '25 mm QR';
    const all = `badges: webcam 0.30-0.45 mm/px, ${label}`;
    rows.push({ name: `${all}, zxing-cpp one frame`, value: mean(label, 'cpp'), unit: '%', ref: '25 mm QR, same frames', refValue: mean(ref, 'cpp') }); // prettier-ignore
    rows.push({ name: `${all}, zxing-cpp within two frames`, value: mean(label, 'two'), unit: '%', ref: '25 mm QR, same frames', refValue: mean(ref, 'two') }); // prettier-ignore
    rows.push({ name: `${all}, @zxing/library one frame`, value: mean(label, 'js'), unit: '%', ref: '25 mm QR, same frames', refValue: mean(ref, 'js') }); // prettier-ignore
    for (const mmPerPx of SCALES) {
      const mine = rates.get(`${label} ${mmPerPx}`)!;
      const r = rates.get(`${ref} ${mmPerPx}`) ?? none;
      const name = `badges: webcam ${mmPerPx.toFixed(2)} mm/px, ${label}`;
      rows.push({ name: `${name}, zxing-cpp`, value: mine.cpp, unit: '%', ref: '25 mm QR, same frames', refValue: r.cpp });
      rows.push({ name: `${name}, @zxing/library`, value: mine.js, unit: '%', ref: '25 mm QR, same frames', refValue: r.js });
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
