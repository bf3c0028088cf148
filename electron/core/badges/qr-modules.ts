import QRCode from 'qrcode';

/** Version 1: 21 x 21 modules (shared/badge-payload.ts says why). */
export const QR_MODULES = 21;
/** ISO/IEC 18004 asks for 4 light modules around the symbol. */
export const QR_QUIET_MODULES = 4;

/** A run of dark modules, in module units from the symbol's top-left. */
export interface ModuleRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * zxing allows half a module of error per run; printed and scanned modules bleed, so a pattern
 * 1:1:1:1:1 in modules can pass as 1:1:3:1:1 in pixels. Checking with 3/4 of a module catches those.
 */
const SLACK = 0.66;

/** Runs of equal modules along a line: the run containing `at`, and two more on each side. */
function crossRatio(get: (i: number) => boolean, at: number, size: number, slack: number): boolean {
  if (!get(at)) return false;
  const run = (from: number, step: number, dark: boolean) => {
    let n = 0;
    // Outside the symbol is the light quiet zone.
    for (let i = from; (i >= 0 && i < size ? get(i) : false) === dark && n < size + 8; i += step) n++;
    return n;
  };
  let lo = at;
  while (lo - 1 >= 0 && get(lo - 1)) lo--;
  let hi = at;
  while (hi + 1 < size && get(hi + 1)) hi++;
  const c = hi - lo + 1;
  const l1 = run(lo - 1, -1, false);
  const d1 = run(lo - 1 - l1, -1, true);
  const r1 = run(hi + 1, 1, false);
  const d2 = run(hi + 1 + r1, 1, true);
  // zxing's test (FinderPatternFinder.foundPatternCross), slack 0.5: each run within half a module
  // of 1:1:3:1:1, the module being a seventh of the five runs.
  const counts = [d1, l1, c, r1, d2];
  if (counts.some((n) => n === 0)) return false;
  const m = counts.reduce((a, b) => a + b) / 7;
  const v = m * slack;
  return (
    Math.abs(m - d1) < v && Math.abs(m - l1) < v && Math.abs(3 * m - c) < 3 * v && Math.abs(m - r1) < v && Math.abs(m - d2) < v
  );
}

/**
 * How many dark modules of the data area look like a finder pattern's centre: 1:1:3:1:1 runs
 * both across and down, within `slack` modules per run. With zxing's own slack (0.5), @zxing/library
 * (what @zxing/browser runs) takes such a module for one of the three corners and fails: measured,
 * about 6 % of badge payloads under the mask qrcode picks, even on perfect images. zxing-cpp and
 * zbar read them, but a desk may use either. With more slack (printed modules bleed, so 1:1:1:1:1
 * can pass as 1:1:3:1:1 in pixels) it counts near misses.
 */
export function falseFinders(data: ArrayLike<number>, size: number, slack = 0.5): number {
  const inFinder = (x: number, y: number) => (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8);
  let n = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (inFinder(x, y) || !data[y * size + x]) continue;
      if (crossRatio((i) => !!data[y * size + i], x, size, slack) && crossRatio((i) => !!data[i * size + x], y, size, slack)) n++;
    }
  }
  return n;
}

export const hasFalseFinder = (data: ArrayLike<number>, size: number) => falseFinders(data, size) > 0;

const MASKS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** ISO/IEC 18004 mask penalty (N1 runs, N2 blocks, N3 finder-like, N4 balance), as qrcode scores it. */
export function maskPenalty(data: ArrayLike<number>, size: number): number {
  const at = (x: number, y: number) => (data[y * size + x] ? 1 : 0);
  let p = 0;
  for (const line of [(i: number, j: number) => at(j, i), (i: number, j: number) => at(i, j)]) {
    for (let i = 0; i < size; i++) {
      let run = 1;
      let bits = 0;
      for (let j = 0; j < size; j++) {
        if (j > 0) {
          if (line(i, j) === line(i, j - 1)) run++;
          else {
            if (run >= 5) p += 3 + run - 5;
            run = 1;
          }
        }
        bits = ((bits << 1) & 0x7ff) | line(i, j);
        if (j >= 10 && (bits === 0x5d0 || bits === 0x05d)) p += 40;
      }
      if (run >= 5) p += 3 + run - 5;
    }
  }
  let dark = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      dark += at(x, y);
      if (x < size - 1 && y < size - 1) {
        const s = at(x, y) + at(x + 1, y) + at(x, y + 1) + at(x + 1, y + 1);
        if (s === 0 || s === 4) p += 3;
      }
    }
  return p + Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5) * 10;
}

/**
 * The badge QR's module matrix. One alphanumeric segment at version 1, level M, forced:
 * qrcode's automatic segmentation could split the text into mixed modes, which some decoders read
 * less reliably. The mask: none with a false finder pattern if any mask allows it, then the fewest
 * near misses, then the lowest ISO penalty. Every mask is valid QR: any decoder reads any of them.
 */
export function qrMatrix(payload: string): { size: number; data: ArrayLike<number>; mask: number } {
  let best: { size: number; data: ArrayLike<number>; mask: number; penalty: number } | null = null;
  for (const maskPattern of MASKS) {
    const qr = QRCode.create([{ data: payload, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', version: 1, maskPattern });
    const { size, data } = qr.modules;
    const penalty =
      falseFinders(data, size) * 1e6 +
      falseFinders(data, size, 0.6) * 1e4 +
      falseFinders(data, size, 0.75) * 1e2 +
      maskPenalty(data, size);
    if (!best || penalty < best.penalty) best = { size, data, mask: maskPattern, penalty };
  }
  return best!;
}

/**
 * The dark modules of a badge QR as few rectangles: runs along each row, then identical runs
 * on consecutive rows merged into one (the finder patterns become a handful of rectangles).
 * Drawn as one filled path, so no hairline seams appear between touching modules.
 */
export function qrRects(payload: string): ModuleRect[] {
  const { size, data } = qrMatrix(payload);
  const open = new Map<string, ModuleRect>();
  const out: ModuleRect[] = [];
  for (let y = 0; y < size; y++) {
    const seen = new Set<string>();
    for (let x = 0; x < size; x++) {
      if (!data[y * size + x]) continue;
      let end = x;
      while (end + 1 < size && data[y * size + end + 1]) end++;
      const key = `${x}:${end}`;
      const prev = open.get(key);
      if (prev && prev.y + prev.h === y) prev.h++;
      else {
        const r = { x, y, w: end - x + 1, h: 1 };
        open.set(key, r);
        out.push(r);
      }
      seen.add(key);
      x = end;
    }
    for (const k of open.keys()) if (!seen.has(k)) open.delete(k);
  }
  return out;
}
