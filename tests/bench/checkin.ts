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
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { eventTag } from '../../electron/core/qr/event-tag';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { importFile } from '../../electron/core/participants/import-commit';
import { badgePayload } from '../../electron/shared/badge-payload';
import { localDate } from '../../electron/shared/time-zone';
import { createWebHost } from '../../electron/web/server';
import { decodeView } from '../../renderer/src/features/checkin/decoder-protocol';
import { badgesVideo, badgeVideo } from '../e2e/checkin/badge-video';
import { sendKeys, usKeys } from '../e2e/checkin/desk';
import { checkinFrames, KINDS, roiOf, viewOf, type Frame, type Img } from '../helpers/checkin-frames';
import type { Row } from './run';

/** What the camera bench's page records (in the page: the type only, erased before it is sent). */
type BenchWindow = {
  bench: {
    frames: number;
    long: number[];
    sends: { s: number; e: number }[];
    loaf: { duration: number; scripts: string[] }[];
  };
};

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-checkin-'));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

// ---------------------------------------------------------------------------------------------
// Decoders, each fed as its user feeds it: RGBA pixels of the region the desk reads.

await prepareZXingModule({
  overrides: { wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) as unknown as ArrayBuffer },
  fireImmediately: true,
});

export async function zxingWasm(img: Img): Promise<string | null> {
  const found = await readBarcodes({ ...img, colorSpace: 'srgb' } as ImageData, decodeView(0, img.width).options);
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

const DEGRADED = 220;
const HARSH = 110;

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
      const view = decodeView(frame, roi.width);
      const img = { ...viewOf(roi, view), colorSpace: 'srgb' } as ImageData;
      if ((await readBarcodes(img, view.options)).some((r) => r.isValid && r.text === f.payload)) {
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

const N_CAMERA = 40;
const CAMERA_SECONDS = 0.8;
/** Verdicts not counted: those painted while the page is still starting (see cameraRun). */
const CAMERA_WARMUP = 8;

interface CameraRun {
  /** code decoded (in the worker) -> painted verdict, one per badge read. */
  times: number[];
  /** Its parts: decoded -> request sent, the request, reply -> painted. */
  toSend: number[];
  request: number[];
  toPaint: number[];
  frames: number;
  seconds: number;
  long: number[];
  /** Long animation frames (Chromium's LoAF) over 50 ms: what ran in them, by script source. */
  loaf: { duration: number; scripts: string[] }[];
}

/**
 * The camera's own path: a fake webcam shows N badges one after another (CAMERA_SECONDS each), and
 * each is read by the worker, sent as checkin.scan and painted. Measured from the worker's decode
 * (decoder-protocol.ts `at`) to the painted verdict, with the camera decoding all the while (no
 * key is typed, so decode-gate.ts never holds it). The request's start and end are taken from the
 * page's fetch, to say where the time goes.
 */
async function cameraRun(url: string, video: string, n: number): Promise<CameraRun> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => {
      const w = window as unknown as BenchWindow;
      w.bench = { frames: 0, long: [], sends: [], loaf: [] };
      const W = window.Worker;
      window.Worker = class extends W {
        constructor(...a: ConstructorParameters<typeof Worker>) {
          super(...a);
          this.addEventListener('message', (e) => (e.data as { type?: string })?.type === 'result' && w.bench.frames++);
        }
      };
      const f = window.fetch;
      window.fetch = async (...a: Parameters<typeof fetch>) => {
        if (!String(a[0]).includes('checkin.scan')) return f(...a);
        const s = performance.now();
        const r = await f(...a);
        w.bench.sends.push({ s, e: performance.now() });
        return r;
      };
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.bench.long.push(e.duration))).observe({
        type: 'longtask',
        buffered: true,
      });
      try {
        new PerformanceObserver((l) =>
          l.getEntries().forEach((e) => {
            const x = e as PerformanceEntry & {
              scripts?: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number }[];
            };
            w.bench.loaf.push({
              duration: e.duration,
              scripts: (x.scripts ?? []).map((s) => `${s.invoker} ${s.sourceFunctionName} ${Math.round(s.duration)}ms`),
            });
          }),
        ).observe({ type: 'long-animation-frame', buffered: true });
      } catch {
        // no LoAF in this browser
      }
    });
    const t0 = Date.now();
    await page.goto(url);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    // One pass of the video: every badge shown once; a read one paints a verdict.
    await page
      .waitForFunction((k) => performance.getEntriesByName('hadir:code-to-verdict').length >= k, n, {
        timeout: 60_000 + n * CAMERA_SECONDS * 1000 * 3,
        polling: 500,
      })
      .catch(() => undefined);
    const r = await page.evaluate((skip) => {
      const w = window as unknown as BenchWindow;
      // The first badges meet the page's own start-up (the event's 10,000-badge snapshot read and
      // stored, snapshot.ts): the wedge run waits for its first verdict for the same reason.
      const m = performance.getEntriesByName('hadir:code-to-verdict').slice(skip);
      const parts = m.map((e) => {
        const send = w.bench.sends.find((x) => x.s >= e.startTime - 0.5 && x.s <= e.startTime + e.duration) ?? null;
        return send
          ? { toSend: send.s - e.startTime, request: send.e - send.s, toPaint: e.startTime + e.duration - send.e }
          : null;
      });
      return {
        times: m.map((e) => e.duration),
        toSend: parts.flatMap((p) => (p ? [p.toSend] : [])),
        request: parts.flatMap((p) => (p ? [p.request] : [])),
        toPaint: parts.flatMap((p) => (p ? [p.toPaint] : [])),
        frames: w.bench.frames,
        long: w.bench.long,
        loaf: w.bench.loaf,
      };
    }, CAMERA_WARMUP);
    return { ...r, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await browser.close();
  }
}

/** The same path in Chromium through the web host, to the painted verdict, with and without the webcam decoding. */
async function paintedVerdict(rows: Row[], env: Awaited<ReturnType<typeof tenThousand>>) {
  // CHECKIN_STATIC: another build's renderer (a before/after comparison on the same machine).
  const staticDir = process.env.CHECKIN_STATIC ?? path.join(ROOT, 'out/renderer');
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
    // Badges nobody else scans here (the wedge scans take people[from + i * 97], nodeVerdict 8,600-9,000).
    const shown = people.slice(9500, 9500 + N_CAMERA);
    const many = await badgesVideo(
      shown.map((p) => ({
        name: p.name,
        regency: 'Kota 0',
        institution: null,
        role: 'Peserta',
        roleIndex: 0,
        code: p.code,
        payload: p.payload,
      })),
      'Kongres Bench',
      CAMERA_SECONDS,
    );
    const camRead = await cameraRun(url, many, N_CAMERA).finally(() =>
      fs.rmSync(path.dirname(many), { recursive: true, force: true }),
    );
    const cam = await deskRun(url, people, 0, video);
    const still = await deskRun(url, people, 1, null);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    const floor = await barePage(browser, url, N_PAINTED).finally(() => browser.close());
    if (process.env.CHECKIN_DEBUG)
      console.log(JSON.stringify({ camRead, cam, still, floor }, (_, v) => (typeof v === 'number' ? Math.round(v) : v)));
    const present = (ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n;
    const camPresent = camRead.times.length + CAMERA_WARMUP;
    if (present !== presentBefore + 2 * N_PAINTED + 1 + camPresent)
      throw new Error(`painted bench: ${present - presentBefore} checked in`);
    const label = `${N_PAINTED} wedge scans, Chromium + web host`;
    rows.push({
      name: `checkin: camera code decoded -> painted verdict p95, camera decoding (${camRead.times.length + CAMERA_WARMUP} of ${N_CAMERA} badges read, first ${CAMERA_WARMUP} not counted)`,
      value: pct(camRead.times, 0.95),
      unit: 'ms',
      ref: 'bare page: key -> HTTP round trip -> paint, p95',
      refValue: pct(floor.times, 0.95),
    });
    rows.push({
      name: 'checkin: camera code decoded -> painted verdict median',
      value: pct(camRead.times, 0.5),
      unit: 'ms',
      ref: 'bare page, median',
      refValue: pct(floor.times, 0.5),
    });
    for (const part of ['toSend', 'request', 'toPaint'] as const)
      rows.push({
        name: `checkin: camera verdict, part "${part}" median / p95`,
        value: pct(camRead[part], 0.5),
        unit: 'ms',
        ref: 'p95',
        refValue: pct(camRead[part], 0.95),
      });
    rows.push({
      name: 'checkin: frames decoded per second, camera reading badges',
      value: camRead.frames / camRead.seconds,
      unit: 'fps',
      ref: "fake webcam's frame rate",
      refValue: 30,
    });
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
  // A4 10-up tags (today's 42 mm QR), 300 dpi, placed in webcam frames inside the guide square.
  const f = await checkinFrames(resources, { clean: 6, degraded: { webcam: DEGRADED, harsh: HARSH } });
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
