import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { SHEETS } from '../../electron/core/badges/sheets';
import { regionOfInterest } from '../../renderer/src/features/checkin/decoder-protocol';
import { generatedBadges } from './badge-people';
import { crop, rasterise, writePgm } from './qr-decode';

// Webcam-like 720p frames of the app's A4-10 tags as the check-in desk's camera sees them: the tag
// somewhere inside the guide square, blurred, rotated and tilted, dim and noisy, small, or under a
// glare, JPEG. Made by ImageMagick with its noise seeded, so the same seed gives the same frames
// on every run (the checkin bench and tests/unit/checkin/decoder-views.test.ts use them).

export interface Frame {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  payload: string;
  kind: string;
}

export type Img = { width: number; height: number; data: Uint8ClampedArray };

/** A4 10-up tags as printed (today's QR size unless the caller changed SHEETS), 300 dpi, cut out. */
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
  // ImageMagick seeds its noise from the clock unless told.
  const seed = String(Math.floor(rand() * 2 ** 31));
  // prettier-ignore
  const args = [
    '-seed', seed,
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

export const KINDS = ['blur', 'rotation and tilt', 'low contrast and noise', 'small', 'glare'] as const;

/**
 * How much each kind of frame is degraded. 'webcam' is what a laptop webcam gives in a hotel
 * hall (the conditions issue 10 measured at 0.42 mm per pixel: defocus up to σ 1.4 px, dim to
 * 45 %, noise, JPEG, rotation to 35°); 'harsh' goes past it (σ to 2.2 px, a third of the
 * contrast, heavy noise, 0.52 mm per pixel) to show where each decoder gives up.
 */
export const SEVERITY = {
  webcam: { blur: [0.9, 1.4], angle: 35, tilt: 0.15, dim: [0.45, 0.6], lift: [5, 12], noise: [0.5, 0.9], small: [0.44, 0.48] },
  harsh: { blur: [1.4, 2.2], angle: 45, tilt: 0.2, dim: [0.3, 0.45], lift: [15, 30], noise: [0.9, 1.5], small: [0.48, 0.54] },
} as const;

/**
 * Sets of frames: `clean` ones of each size and `degraded` ones per severity, the kinds in turn.
 * Same `seed`, same frames.
 */
export async function checkinFrames(
  resources: string,
  want: { clean?: number; degraded?: Partial<Record<keyof typeof SEVERITY, number>> },
  seed = 20251128,
) {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'hadir-checkin-frames-'));
  try {
    const { tags, tagMm } = await tagImages(resources, dir);
    const rand = rng(seed);
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
    const c720 = Array.from({ length: want.clean ?? 0 }, (_, i) => clean([1280, 720], i));
    const c480 = Array.from({ length: want.clean ?? 0 }, (_, i) => clean([640, 480], i));
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
    const degraded = degrade(want.degraded?.webcam ?? 0, SEVERITY.webcam);
    const harsh = degrade(want.degraded?.harsh ?? 0, SEVERITY.harsh);
    return { c720, c480, degraded, harsh };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The centred square the worker decodes (decoder-protocol.ts), cut from a frame. */
export function roiOf(f: Frame): Img {
  const r = regionOfInterest(f.width, f.height);
  const out = new Uint8ClampedArray(r.size * r.size * 4);
  for (let y = 0; y < r.size; y++) {
    const from = ((r.y + y) * f.width + r.x) * 4;
    out.set(f.rgba.subarray(from, from + r.size * 4), y * r.size * 4);
  }
  return { width: r.size, height: r.size, data: out };
}

/**
 * The worker's view of the square (decodeView: a centred crop drawn at `out` pixels), by bilinear
 * interpolation as a stand-in for the canvas's drawImage (Chromium's high-quality smoothing is
 * at least as sharp).
 */
export function viewOf(img: Img, v: { crop: number; offset: number; out: number }): Img {
  if (v.out === img.width && v.offset === 0 && v.crop === img.width) return img;
  const scale = v.out / v.crop;
  const out = new Uint8ClampedArray(v.out * v.out * 4);
  const W = img.width;
  const d = img.data;
  for (let y = 0; y < v.out; y++) {
    const sy = v.offset + (y + 0.5) / scale - 0.5;
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(img.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < v.out; x++) {
      const sx = v.offset + (x + 0.5) / scale - 0.5;
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(W - 1, x0 + 1);
      const fx = sx - x0;
      const o = (y * v.out + x) * 4;
      for (let c = 0; c < 4; c++) {
        const a = d[(y0 * W + x0) * 4 + c]!;
        const b = d[(y0 * W + x1) * 4 + c]!;
        const e = d[(y1 * W + x0) * 4 + c]!;
        const f = d[(y1 * W + x1) * 4 + c]!;
        out[o + c] = (a * (1 - fx) + b * fx) * (1 - fy) + (e * (1 - fx) + f * fx) * fy;
      }
    }
  }
  return { width: v.out, height: v.out, data: out };
}
