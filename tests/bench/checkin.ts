// The check-in desk (issue 11):
// 1. decode time per 640×480 and 1280×720 frame: the desk's pipeline (zxing-wasm on the centred
//    square the worker reads, with the worker's options) against @zxing/library and jsQR on the
//    same pixels, in the same run;
// 2. decode rate on 220 degraded webcam frames of tags the app printed (blur, rotation and tilt,
//    low contrast with noise, small, glare), same three decoders;
// 3. code to committed verdict (checkin.scan through dispatch, durable commit) with 10,000
//    participants, against a bare one-row durable commit in the same file;
// 4. the same to the painted verdict in Chromium through the web host, with the webcam decoding a
//    badge all the while: p95, the decoder's frame rate, the longest main-thread task.
// Needs ImageMagick (convert), pdftoppm, ffmpeg, /usr/bin/chromium and `npm run build` (part 4).
import { chromium, type Browser } from '@playwright/test';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  PlanarYUVLuminanceSource,
  QRCodeReader,
} from '@zxing/library';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { SHEETS } from '../../electron/core/badges/sheets';
import { eventTag } from '../../electron/core/qr/event-tag';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { importFile } from '../../electron/core/participants/import-commit';
import { badgePayload } from '../../electron/shared/badge-payload';
import { localDate } from '../../electron/shared/time-zone';
import { createWebHost } from '../../electron/web/server';
import { READER_OPTIONS, decodeView, regionOfInterest } from '../../renderer/src/features/checkin/decoder-protocol';
import { badgeVideo } from '../e2e/checkin/badge-video';
import { sendKeys, usKeys } from '../e2e/checkin/desk';
import { generatedBadges } from '../helpers/badge-people';
import { crop, rasterise, writePgm } from '../helpers/qr-decode';
import type { Row } from './run';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-checkin-'));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

interface Frame {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  payload: string;
  kind: string;
}

// ---------------------------------------------------------------------------------------------
// Decoders, each fed as its user feeds it: RGBA pixels of the region the desk reads.

await prepareZXingModule({
  overrides: { wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) as unknown as ArrayBuffer },
  fireImmediately: true,
});

/** The centred square the worker decodes (decoder-protocol.ts), cut from a frame. */
export function roiOf(f: Frame): { width: number; height: number; data: Uint8ClampedArray } {
  const r = regionOfInterest(f.width, f.height);
  const out = new Uint8ClampedArray(r.size * r.size * 4);
  for (let y = 0; y < r.size; y++) {
    const from = ((r.y + y) * f.width + r.x) * 4;
    out.set(f.rgba.subarray(from, from + r.size * 4), y * r.size * 4);
  }
  return { width: r.size, height: r.size, data: out };
}

type Img = { width: number; height: number; data: Uint8ClampedArray };

/**
 * The worker's view of the square (decodeView), drawn here by bilinear interpolation as a stand-in
 * for the canvas's drawImage (Chromium's high-quality smoothing is at least as sharp).
 */
function viewOf(img: Img, v: { crop: number; offset: number; out: number }): Img {
  if (v.out === img.width && v.offset === 0) return img;
  const scale = v.out / v.crop;
  const out = new Uint8ClampedArray(v.out * v.out * 4);
  for (let y = 0; y < v.out; y++)
    for (let x = 0; x < v.out; x++) {
      const sx = v.offset + (x + 0.5) / scale - 0.5;
      const sy = v.offset + (y + 0.5) / scale - 0.5;
      const x0 = Math.max(0, Math.floor(sx));
      const y0 = Math.max(0, Math.floor(sy));
      const x1 = Math.min(img.width - 1, x0 + 1);
      const y1 = Math.min(img.height - 1, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 4; c++) {
        const at = (xx: number, yy: number) => img.data[(yy * img.width + xx) * 4 + c]!;
        out[(y * v.out + x) * 4 + c] =
          (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
      }
    }
  return { width: v.out, height: v.out, data: out };
}

export async function zxingWasm(img: Img): Promise<string | null> {
  const found = await readBarcodes({ ...img, colorSpace: 'srgb' } as ImageData, READER_OPTIONS);
  return found.find((r) => r.isValid)?.text ?? null;
}

const hints = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
  [DecodeHintType.TRY_HARDER, true],
]);
const zxingReader = new QRCodeReader();
/** @zxing/library as @zxing/browser runs it: luminance from RGBA in JS, hybrid binarizer, try harder. */
function zxingJs(img: Img): string | null {
  const lum = new Uint8ClampedArray(img.width * img.height);
  for (let i = 0, j = 0; i < lum.length; i++, j += 4)
    lum[i] = (img.data[j]! * 306 + img.data[j + 1]! * 601 + img.data[j + 2]! * 117) >> 10;
  try {
    const src = new PlanarYUVLuminanceSource(lum, img.width, img.height, 0, 0, img.width, img.height, false);
    return zxingReader.decode(new BinaryBitmap(new HybridBinarizer(src)), hints).getText();
  } catch {
    return null;
  } finally {
    zxingReader.reset();
  }
}

function jsqr(img: Img): string | null {
  return jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

const DECODERS: [string, (img: Img) => Promise<string | null> | string | null][] = [
  ['zxing-wasm (desk worker)', zxingWasm],
  ['@zxing/library', zxingJs],
  ['jsQR', jsqr],
];

// ---------------------------------------------------------------------------------------------
// Frames: A4 10-up tags (35 mm QR, the smallest Hadir prints), rendered by the badges feature,
// rasterised at 300 dpi, then placed in a webcam frame by ImageMagick, inside the guide square.

async function tagImages(resources: string, dir: string) {
  const sheet = SHEETS['a4-10'];
  const people = generatedBadges(20, 11);
  const pdf = path.join(dir, 'tags.pdf');
  const bytes = await renderBadgesPdf({
    layout: 'a4-10',
    eventName: 'Peningkatan Kemampuan Potensi PSM Provinsi Lampung',
    logo: null,
    fonts: loadBadgeFonts(resources),
    badges: people,
    offset: { x: 0, y: 0 },
  });
  fs.writeFileSync(pdf, bytes);
  const DPI = 300;
  const px = DPI / 25.4;
  const tags: { file: string; payload: string }[] = [];
  rasterise(pdf, DPI, dir).forEach((img, p) =>
    sheet.slots.forEach((s, k) => {
      const b = people[p * sheet.slots.length + k];
      if (!b) return;
      const file = path.join(dir, `tag-${tags.length}.pgm`);
      writePgm(crop(img, { x: s.x * px, y: s.y * px, w: s.w * px, h: s.h * px }), file);
      tags.push({ file, payload: b.payload });
    }),
  );
  return { tags, tagMm: sheet.tag };
}

/** A small deterministic generator: the same frames on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
}

interface Look {
  kind: string;
  mmPerPx: number;
  angle: number;
  tilt: number;
  blur: number;
  dim: number;
  lift: number;
  noise: number;
  glare: boolean;
  quality: number;
}

function makeFrame(
  dir: string,
  tag: { file: string; payload: string },
  tagMm: { w: number; h: number },
  size: [number, number],
  look: Look,
  rand: () => number,
): Frame {
  const [W, H] = size;
  const w = Math.round(tagMm.w / look.mmPerPx);
  const h = Math.round(tagMm.h / look.mmPerPx);
  const roi = regionOfInterest(W, H);
  // Somewhere inside the guide square, as a participant holds it.
  const slack = Math.max(0, roi.size - Math.max(w, h) * 1.25);
  const cx = roi.x + roi.size / 2 + (rand() - 0.5) * slack;
  const cy = roi.y + roi.size / 2 + (rand() - 0.5) * slack;
  const t = Math.round(w * look.tilt);
  const jpg = path.join(dir, 'f.jpg');
  // prettier-ignore
  const args = [
    '-size', `${W}x${H}`, 'xc:#6e6a64',
    '(', tag.file, '-resize', `${w}x${h}!`, '-alpha', 'set', '-virtual-pixel', 'transparent',
      '-distort', 'Perspective', `0,0 0,0  ${w},0 ${w - t},${t}  0,${h} 0,${h}  ${w},${h} ${w - t},${h - t}`,
      '-background', 'none', '-rotate', look.angle.toFixed(1), ')',
    '-gravity', 'NorthWest', '-geometry', `+${Math.round(cx - w / 2)}+${Math.round(cy - h / 2)}`, '-composite',
  ];
  if (look.glare) {
    const gx = Math.round(cx + (rand() - 0.5) * w * 0.6);
    const gy = Math.round(cy + (rand() - 0.5) * h * 0.6);
    // prettier-ignore
    args.push('(', '-size', `${W}x${H}`, 'xc:none', '-fill', 'rgba(255,255,250,0.85)',
      '-draw', `ellipse ${gx},${gy} ${Math.round(w * 0.22)},${Math.round(h * 0.16)} 0,360`, '-blur', '0x14', ')', '-composite');
  }
  // prettier-ignore
  args.push(
    '-blur', `0x${look.blur.toFixed(2)}`,
    '-evaluate', 'multiply', look.dim.toFixed(2),
    '+level', `${look.lift}%,100%`,
    '-attenuate', look.noise.toFixed(2), '+noise', 'Gaussian',
    '-quality', String(look.quality), jpg,
  );
  execFileSync('convert', args);
  const raw = execFileSync('convert', [jpg, '-depth', '8', 'rgba:-'], { maxBuffer: 64 << 20 });
  return {
    width: W,
    height: H,
    rgba: new Uint8ClampedArray(raw.buffer, raw.byteOffset, raw.length),
    payload: tag.payload,
    kind: look.kind,
  };
}

const DEGRADED = 220;
const HARSH = 110;
const KINDS = ['blur', 'rotation and tilt', 'low contrast and noise', 'small', 'glare'] as const;

/**
 * How much each kind of frame is degraded. 'webcam' is what a laptop webcam gives in a hotel
 * hall (the conditions issue 10 measured at 0.42 mm per pixel: defocus up to σ 1.4 px, dim to
 * 45 %, noise, JPEG, rotation to 35°); 'harsh' goes past it (σ to 2.2 px, a third of the
 * contrast, heavy noise, 0.52 mm per pixel) to show where each decoder gives up.
 */
const SEVERITY = {
  webcam: { blur: [0.9, 1.4], angle: 35, tilt: 0.15, dim: [0.45, 0.6], lift: [5, 12], noise: [0.5, 0.9], small: [0.44, 0.48] },
  harsh: { blur: [1.4, 2.2], angle: 45, tilt: 0.2, dim: [0.3, 0.45], lift: [15, 30], noise: [0.9, 1.5], small: [0.48, 0.54] },
} as const;

export async function frames(resources: string) {
  const dir = tmp();
  const { tags, tagMm } = await tagImages(resources, dir);
  const rand = rng(20251128);
  const between = ([a, b]: readonly [number, number]) => a + rand() * (b - a);
  const base = (kind: string): Look => ({
    kind,
    mmPerPx: 0.42,
    angle: (rand() - 0.5) * 16,
    tilt: rand() * 0.05,
    blur: 0.5 + rand() * 0.4,
    dim: 0.75 + rand() * 0.2,
    lift: Math.round(rand() * 6),
    noise: 0.3 + rand() * 0.2,
    glare: false,
    quality: 70 + Math.round(rand() * 15),
  });
  const clean = (size: [number, number], i: number) =>
    makeFrame(dir, tags[i % tags.length]!, tagMm, size, { ...base('clean'), angle: 0, tilt: 0 }, rand);
  const c720 = Array.from({ length: 6 }, (_, i) => clean([1280, 720], i));
  const c480 = Array.from({ length: 6 }, (_, i) => clean([640, 480], i));
  const degrade = (n: number, sev: (typeof SEVERITY)[keyof typeof SEVERITY]) =>
    Array.from({ length: n }, (_, i) => {
      const kind = KINDS[i % KINDS.length]!;
      const look = base(kind);
      if (kind === 'blur') look.blur = between(sev.blur);
      if (kind === 'rotation and tilt')
        Object.assign(look, {
          angle: (rand() < 0.5 ? -1 : 1) * (10 + rand() * (sev.angle - 10)),
          tilt: 0.05 + rand() * (sev.tilt - 0.05),
        });
      if (kind === 'low contrast and noise')
        Object.assign(look, { dim: between(sev.dim), lift: Math.round(between(sev.lift)), noise: between(sev.noise) });
      if (kind === 'small') look.mmPerPx = between(sev.small);
      if (kind === 'glare') look.glare = true;
      return makeFrame(dir, tags[i % tags.length]!, tagMm, [1280, 720], look, rand);
    });
  const degraded = degrade(DEGRADED, SEVERITY.webcam);
  const harsh = degrade(HARSH, SEVERITY.harsh);
  fs.rmSync(dir, { recursive: true, force: true });
  return { c720, c480, degraded, harsh };
}

// ---------------------------------------------------------------------------------------------

async function decodeTimes(rows: Row[], set: Frame[], label: string) {
  const RUNS = 40;
  const imgs = set.map(roiOf);
  const times: Record<string, number[]> = {};
  for (const [name, decode] of DECODERS) {
    for (const img of imgs) await decode(img); // warm
    times[name] = [];
    for (let i = 0; i < RUNS; i++) {
      const img = imgs[i % imgs.length]!;
      const s = performance.now();
      const text = await decode(img);
      times[name]!.push(performance.now() - s);
      if (name.startsWith('zxing-wasm') && text !== set[i % set.length]!.payload)
        throw new Error(`clean ${label} frame not decoded`);
    }
  }
  const ours = times['zxing-wasm (desk worker)']!;
  for (const ref of ['@zxing/library', 'jsQR']) {
    rows.push({
      name: `checkin: decode ${label} frame p95, zxing-wasm`,
      value: pct(ours, 0.95),
      unit: 'ms',
      ref: `${ref}, same pixels`,
      refValue: pct(times[ref]!, 0.95),
    });
  }
  rows.push({
    name: `checkin: decode ${label} frame median, zxing-wasm`,
    value: pct(ours, 0.5),
    unit: 'ms',
    ref: '@zxing/library, same pixels',
    refValue: pct(times['@zxing/library']!, 0.5),
  });
}

async function decodeRates(rows: Row[], set: Frame[], label: string) {
  const ok: Record<string, number> = {};
  const okByKind: Record<string, Record<string, number>> = {};
  for (const f of set) {
    const img = roiOf(f);
    for (const [name, decode] of DECODERS) {
      if ((await decode(img)) === f.payload) {
        ok[name] = (ok[name] ?? 0) + 1;
        (((okByKind[name] ??= {})[f.kind] ??= 0), (okByKind[name]![f.kind]! += 1));
      }
    }
  }
  // The desk worker alternates two views of the square frame by frame (decodeView): a badge held
  // in front of the camera meets both within two consecutive frames.
  let twoFrames = 0;
  for (const f of set) {
    const roi = roiOf(f);
    for (const frame of [0, 1]) {
      const img = { ...viewOf(roi, decodeView(frame, roi.width)), colorSpace: 'srgb' } as ImageData;
      if ((await readBarcodes(img, READER_OPTIONS)).some((r) => r.isValid && r.text === f.payload)) {
        twoFrames++;
        break;
      }
    }
  }
  const rate = (n = 0) => (100 * n) / set.length;
  rows.push({
    name: `checkin: decoded within two frames (whole square, then its centre enlarged), ${set.length} ${label} 720p frames`,
    value: rate(twoFrames),
    unit: '%',
    ref: 'one frame, whole square',
    refValue: rate(ok['zxing-wasm (desk worker)']),
  });
  for (const ref of ['@zxing/library', 'jsQR']) {
    rows.push({
      name: `checkin: decoded, ${set.length} ${label} 720p frames, zxing-wasm`,
      value: rate(ok['zxing-wasm (desk worker)']),
      unit: '%',
      ref,
      refValue: rate(ok[ref]),
    });
  }
  const per = set.length / KINDS.length;
  for (const kind of KINDS) {
    rows.push({
      name: `checkin: decoded, ${per} ${label} frames "${kind}", zxing-wasm`,
      value: (100 * (okByKind['zxing-wasm (desk worker)']?.[kind] ?? 0)) / per,
      unit: '%',
      ref: '@zxing/library',
      refValue: (100 * (okByKind['@zxing/library']?.[kind] ?? 0)) / per,
    });
  }
}

// ---------------------------------------------------------------------------------------------

async function tenThousand(resources: string) {
  const dataDir = tmp();
  const ctx = openContext(dataDir, 'web', resources);
  const ev = await dispatch(ctx, 'event.create', {
    name: 'Kongres Bench',
    organiser: 'Bench',
    venue: 'Hall',
    city: 'Bandar Lampung',
    days: [localDate(new Date(), 'Asia/Jakarta')],
    signatoryName: 'Bench',
    signatoryTitle: 'Bench',
    signatoryNip: '',
  });
  if (!ev.ok) throw new Error(ev.error.message);
  const lines = ['Nama,Kabupaten/Kota,Peran'];
  for (let i = 0; i < 10_000; i++) lines.push(`Peserta Kongres ${i},Kota ${i % 15},${i % 10 ? 'Peserta' : 'Panitia'}`);
  await importFile(
    ctx,
    { eventId: ev.value.id, desk: 'bench' },
    { fileName: 'x.csv', bytes: Buffer.from(lines.join('\n')), skipInvalid: false },
  );
  const { secret } = ctx.db.prepare('SELECT secret FROM event').get() as { secret: Buffer };
  const people = (
    ctx.db.prepare('SELECT id, name, code FROM participant ORDER BY id').all() as { id: number; name: string; code: string }[]
  ).map((p) => ({ ...p, payload: badgePayload(eventTag(secret), p.code) }));
  return { ctx, dataDir, eventId: ev.value.id, people };
}

async function nodeVerdict(rows: Row[], env: Awaited<ReturnType<typeof tenThousand>>): Promise<number> {
  const { ctx, eventId, people } = env;
  const N = 400;
  const t: number[] = [];
  for (let i = 0; i < N; i++) {
    // Mostly first check-ins (green), every fifth a repeat (amber), as a morning queue looks.
    const p = people[9000 - (i % 5 === 4 ? i - 1 : i)]!;
    const s = performance.now();
    const r = await dispatch(ctx, 'checkin.scan', { eventId, desk: 'Meja 1', text: p.payload, input: 'scanner' });
    t.push(performance.now() - s);
    if (!r.ok || (r.value.verdict !== 'green' && r.value.verdict !== 'amber')) throw new Error('bench scan failed');
  }
  ctx.db.exec('CREATE TABLE IF NOT EXISTS bench_ref (x TEXT) STRICT');
  const ins = ctx.db.prepare('INSERT INTO bench_ref(x) VALUES (?)');
  const one = ctx.db.transaction(() => ins.run('x'));
  const ref: number[] = [];
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    one();
    ref.push(performance.now() - s);
  }
  rows.push({
    name: 'checkin: code -> committed verdict p95 (10,000 participants)',
    value: pct(t, 0.95),
    unit: 'ms',
    ref: 'one-row INSERT + durable commit p95',
    refValue: pct(ref, 0.95),
  });
  rows.push({
    name: 'checkin: code -> committed verdict median',
    value: pct(t, 0.5),
    unit: 'ms',
    ref: 'one-row INSERT + durable commit median',
    refValue: pct(ref, 0.5),
  });
  return pct(t, 0.5);
}

interface DeskRun {
  times: number[];
  frames: number;
  seconds: number;
  long: number[];
}

const N_PAINTED = 60;

/**
 * One desk in Chromium through the web host: N wedge scans of distinct badges, each measured from
 * the scanner's last key to the painted verdict (VerdictCard's measure), with the longest
 * main-thread tasks (Long Tasks API) and the decoder's frames. With a camera, the fake webcam shows
 * participant 0's printed tag the whole time: decoded on every frame, counted once.
 */
async function deskRun(url: string, people: { payload: string }[], from: number, video: string | null): Promise<DeskRun> {
  const camera = video
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]
    : [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', ...camera],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => {
      const w = window as unknown as { bench: { frames: number; long: number[] } };
      w.bench = { frames: 0, long: [] };
      // Count the worker's decode results (one per frame decoded).
      const W = window.Worker;
      window.Worker = class extends W {
        constructor(...a: ConstructorParameters<typeof Worker>) {
          super(...a);
          this.addEventListener('message', (e) => (e.data as { type?: string })?.type === 'result' && w.bench.frames++);
        }
      };
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.bench.long.push(e.duration))).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    await page.goto(url);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    const first = video ? 1 : 0;
    if (video) await page.locator('[data-testid=verdict][data-verdict=green]').waitFor({ timeout: 60_000 });
    else await page.getByTestId('checkin-total').waitFor();
    const start = await page.evaluate(() => {
      const w = window as unknown as { bench: { frames: number; long: number[] } };
      w.bench.frames = 0;
      w.bench.long = [];
      return performance.now();
    });
    const cdp = await page.context().newCDPSession(page);
    for (let i = 1; i <= N_PAINTED; i++) {
      // Key times stamped from the moment they are sent (0.3 ms apart, as a fast scanner types):
      // on a loaded machine CDP may deliver them late, and the measure then includes that delay.
      await sendKeys(cdp, usKeys(people[from + i * 97]!.payload), 0.3, 'Enter');
      await page.waitForFunction((n) => performance.getEntriesByName('hadir:code-to-verdict').length >= n, i + first);
    }
    return await page.evaluate(
      ([t0, skip]) => {
        const w = window as unknown as { bench: { frames: number; long: number[] } };
        return {
          times: performance
            .getEntriesByName('hadir:code-to-verdict')
            .slice(skip)
            .map((e) => e.duration),
          frames: w.bench.frames,
          seconds: (performance.now() - t0!) / 1000,
          long: w.bench.long,
        };
      },
      [start, first],
    );
  } finally {
    await browser.close();
  }
}

/** The same path in Chromium through the web host, to the painted verdict, with and without the webcam decoding. */
async function paintedVerdict(rows: Row[], env: Awaited<ReturnType<typeof tenThousand>>) {
  const staticDir = path.join(ROOT, 'out/renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.log('checkin: painted-verdict figures skipped: run `npm run build` first');
    return;
  }
  const { ctx, people } = env;
  const presentBefore = (ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n;
  const server = createWebHost({ ctx, staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const p0 = people[0]!;
    const video = await badgeVideo(
      { name: p0.name, regency: 'Kota 0', institution: null, role: 'Panitia', roleIndex: 2, code: p0.code, payload: p0.payload },
      'Kongres Bench',
    );
    const cam = await deskRun(url, people, 0, video);
    const still = await deskRun(url, people, 1, null);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    const floor = await barePage(browser, url, N_PAINTED).finally(() => browser.close());
    if (process.env.CHECKIN_DEBUG)
      console.log(JSON.stringify({ cam, still, floor }, (_, v) => (typeof v === 'number' ? Math.round(v) : v)));
    const present = (ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n;
    if (present !== presentBefore + 2 * N_PAINTED + 1) throw new Error(`painted bench: ${present - presentBefore} checked in`);
    const label = `${N_PAINTED} wedge scans, Chromium + web host`;
    rows.push({
      name: `checkin: code -> painted verdict p95, webcam decoding (${label})`,
      value: pct(cam.times, 0.95),
      unit: 'ms',
      ref: 'bare page: key -> HTTP round trip -> paint, p95',
      refValue: pct(floor.times, 0.95),
    });
    rows.push({
      name: 'checkin: code -> painted verdict median, webcam decoding',
      value: pct(cam.times, 0.5),
      unit: 'ms',
      ref: 'bare page, median',
      refValue: pct(floor.times, 0.5),
    });
    rows.push({
      name: 'checkin: code -> painted verdict p95, no webcam',
      value: pct(still.times, 0.95),
      unit: 'ms',
      ref: 'bare page, p95',
      refValue: pct(floor.times, 0.95),
    });
    rows.push({
      name: 'checkin: frames decoded per second while scanning',
      value: cam.frames / cam.seconds,
      unit: 'fps',
      ref: "fake webcam's frame rate",
      refValue: 25,
    });
    rows.push({
      name: 'checkin: longest main-thread task, webcam decoding',
      value: Math.max(0, ...cam.long),
      unit: 'ms',
      ref: 'same desk without a webcam',
      refValue: Math.max(0, ...still.long),
    });
    rows.push({
      name: 'checkin: main-thread tasks over 50 ms, webcam decoding',
      value: cam.long.length,
      unit: '',
      ref: 'same desk without a webcam',
      refValue: still.long.length,
    });
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

/**
 * The floor this machine allows, measured in the same browser: a bare page that, on Enter, makes
 * one HTTP round trip to the same host and paints a line of text. No React, no camera.
 */
async function barePage(browser: Browser, url: string, n: number) {
  const page = await browser.newPage();
  await page.goto(`${url}bench-floor.txt`); // a 404 of the host: same origin, no app
  await page.setContent('<p id="out">-</p>');
  await page.evaluate((api) => {
    const w = window as unknown as { long: number[] };
    w.long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.long.push(e.duration))).observe({ type: 'longtask' });
    addEventListener('keydown', async (e) => {
      if (e.code !== 'Enter') return;
      const start = e.timeStamp;
      const r = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      document.getElementById('out')!.textContent = (await r.text()).slice(0, 40);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => performance.measure('floor', { start, end: performance.now() });
        ch.port2.postMessage(0);
      });
    });
  }, `${url}api/app.info`);
  const cdp = await page.context().newCDPSession(page);
  for (let i = 1; i <= n; i++) {
    await sendKeys(cdp, usKeys('HDXXXXABCDEFGH'), 0.3, 'Enter');
    await page.waitForFunction((k) => performance.getEntriesByName('floor').length >= k, i);
  }
  const out = await page.evaluate(() => ({
    times: performance.getEntriesByName('floor').map((e) => e.duration),
    long: (window as unknown as { long: number[] }).long,
  }));
  await page.close();
  return out;
}

async function decodeFigures(rows: Row[], resources: string) {
  const f = await frames(resources);
  await decodeTimes(rows, f.c480, '640x480');
  await decodeTimes(rows, f.c720, '1280x720');
  await decodeRates(rows, f.degraded, 'webcam-like');
  await decodeRates(rows, f.harsh, 'harsh');
}

export async function benchCheckin(rows: Row[], resources: string): Promise<void> {
  // CHECKIN_PARTS=verdict: only the verdict figures (the frames take minutes to make).
  const parts = process.env.CHECKIN_PARTS ?? 'decode,verdict';
  if (parts.includes('decode')) await decodeFigures(rows, resources);
  if (!parts.includes('verdict')) return;
  const env = await tenThousand(resources);
  try {
    await nodeVerdict(rows, env);
    await paintedVerdict(rows, env);
  } finally {
    env.ctx.db.close();
    fs.rmSync(env.dataDir, { recursive: true, force: true });
  }
}
