// Measurement tool (docs/engineering/checkin-decoder.md): decode the cached squares (checkin-views.ts) with candidate views; per view, which frames read and how long.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { READER_OPTIONS } from '../../renderer/src/features/checkin/decoder-protocol';
import './checkin'; // prepares zxing-wasm

type Img = { width: number; height: number; data: Uint8ClampedArray };
interface View {
  name: string;
  crop: number; // fraction of the square, centred
  scale: number;
  opts?: Partial<ReaderOptions>;
}

function viewOf(img: Img, v: View): Img {
  const crop = Math.round(img.width * v.crop);
  const offset = Math.round((img.width - crop) / 2);
  const outW = Math.round(crop * v.scale);
  if (outW === img.width && offset === 0) return img;
  const scale = outW / crop;
  const out = new Uint8ClampedArray(outW * outW * 4);
  const W = img.width;
  const d = img.data;
  for (let y = 0; y < outW; y++) {
    const sy = offset + (y + 0.5) / scale - 0.5;
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(W - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < outW; x++) {
      const sx = offset + (x + 0.5) / scale - 0.5;
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(W - 1, x0 + 1);
      const fx = sx - x0;
      const o = (y * outW + x) * 4;
      for (let c = 0; c < 3; c++) {
        const a = d[(y0 * W + x0) * 4 + c]!,
          b = d[(y0 * W + x1) * 4 + c]!;
        const e = d[(y1 * W + x0) * 4 + c]!,
          f = d[(y1 * W + x1) * 4 + c]!;
        out[o + c] = (a * (1 - fx) + b * fx) * (1 - fy) + (e * (1 - fx) + f * fx) * fy;
      }
      out[o + 3] = 255;
    }
  }
  return { width: outW, height: outW, data: out };
}

const VIEWS: View[] = (process.env.VIEWS ? JSON.parse(process.env.VIEWS) : null) ?? [
  { name: 'whole', crop: 1, scale: 1 },
  { name: 'c80x1.5 (today)', crop: 0.8, scale: 1.5 },
  { name: 'whole noDownscale', crop: 1, scale: 1, opts: { tryDownscale: false } },
  { name: 'whole denoise', crop: 1, scale: 1, opts: { tryDenoise: true } },
  { name: 'whole GH', crop: 1, scale: 1, opts: { binarizer: 'GlobalHistogram' } },
  { name: 'whole ds2', crop: 1, scale: 1, opts: { downscaleFactor: 2 } },
  { name: 'whole x1.5', crop: 1, scale: 1.5 },
  { name: 'c80x1.5 denoise', crop: 0.8, scale: 1.5, opts: { tryDenoise: true } },
  { name: 'c80x1.25', crop: 0.8, scale: 1.25 },
  { name: 'c80x2', crop: 0.8, scale: 2 },
  { name: 'c70x1.5', crop: 0.7, scale: 1.5 },
  { name: 'c90x1.5', crop: 0.9, scale: 1.5 },
  { name: 'c80x1', crop: 0.8, scale: 1 },
  { name: 'whole x0.75', crop: 1, scale: 0.75 },
  { name: 'whole denoise GH', crop: 1, scale: 1, opts: { tryDenoise: true, binarizer: 'GlobalHistogram' } },
];

const dir = process.env.DIR ?? '/tmp/dec4/qr42';
const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as {
  file: string;
  size: number;
  payload: string;
  kind: string;
}[];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const hits: Record<string, boolean[]> = {};
const times: Record<string, number[]> = {};
for (const v of VIEWS) ((hits[v.name] = []), (times[v.name] = []));
for (const [i, f] of index.entries()) {
  const buf = fs.readFileSync(path.join(dir, f.file));
  const img: Img = { width: f.size, height: f.size, data: new Uint8ClampedArray(buf.buffer, buf.byteOffset, buf.length) };
  for (const v of VIEWS) {
    const im = viewOf(img, v);
    const s = performance.now();
    const r = await readBarcodes({ ...im, colorSpace: 'srgb' } as ImageData, { ...READER_OPTIONS, ...v.opts });
    times[v.name]!.push(performance.now() - s);
    hits[v.name]![i] = r.some((x) => x.isValid && x.text === f.payload);
  }
}
const n = index.length;
console.log(`${dir}: ${n} frames`);
for (const v of VIEWS) {
  const h = hits[v.name]!.filter(Boolean).length;
  const miss = hits[v.name]!.map((ok, i) => (ok ? -1 : i)).filter((i) => i >= 0);
  console.log(
    `${v.name.padEnd(24)} ${h}/${n} ${((100 * h) / n).toFixed(1)}%  ms med ${pct(times[v.name]!, 0.5).toFixed(1)} p95 ${pct(times[v.name]!, 0.95).toFixed(1)}  miss ${miss.join(',')}`,
  );
}
// Pairs: within two frames = either view.
const pairs: [string, number][] = [];
for (let a = 0; a < VIEWS.length; a++)
  for (let b = a; b < VIEWS.length; b++) {
    const A = hits[VIEWS[a]!.name]!,
      B = hits[VIEWS[b]!.name]!;
    pairs.push([`${VIEWS[a]!.name} + ${VIEWS[b]!.name}`, A.filter((x, i) => x || B[i]).length]);
  }
pairs.sort((x, y) => y[1] - x[1]);
for (const [name, k] of pairs.slice(0, 20)) console.log(`pair ${name.padEnd(52)} ${k}/${n} ${((100 * k) / n).toFixed(1)}%`);
fs.writeFileSync(path.join(dir, `hits-${Date.now()}.json`), JSON.stringify({ hits, times }));
