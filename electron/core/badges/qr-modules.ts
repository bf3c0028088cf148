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

/**
 * For each line (row or column) of the matrix: the slack each dark run needs to pass zxing's
 * finder test (FinderPatternFinder.foundPatternCross) as the centre of 1:1:3:1:1, i.e. the largest
 * error of its five runs in modules, the module being a seventh of the five. zxing accepts an
 * error below half a module (slack 0.5). A light run touching the symbol's edge runs on into the
 * quiet zone, so it never matches.
 */
function lineSlack(get: (i: number) => number, size: number, out: (i: number, slack: number) => void): void {
  const starts: number[] = [];
  const lens: number[] = [];
  const dark: boolean[] = [];
  for (let i = 0; i < size; i++) {
    const d = get(i) === 1;
    if (i > 0 && d === dark[dark.length - 1]) lens[lens.length - 1]!++;
    else (starts.push(i), lens.push(1), dark.push(d));
  }
  for (let k = 2; k + 2 < lens.length; k++) {
    if (!dark[k]) continue;
    const c = [lens[k - 2]!, lens[k - 1]!, lens[k]!, lens[k + 1]!, lens[k + 2]!];
    const m = (c[0]! + c[1]! + c[2]! + c[3]! + c[4]!) / 7;
    const need = Math.max(
      Math.abs(c[0]! - m) / m,
      Math.abs(c[1]! - m) / m,
      Math.abs(c[2]! - 3 * m) / (3 * m),
      Math.abs(c[3]! - m) / m,
      Math.abs(c[4]! - m) / m,
    );
    for (let i = starts[k]!; i < starts[k]! + lens[k]!; i++) out(i, need);
  }
}

/**
 * Per module, the slack at which it would pass as a finder pattern's centre both across and down
 * (Infinity when it never does). The three real finder patterns are left out.
 */
export function finderSlack(data: ArrayLike<number>, size: number): Float64Array {
  const h = new Float64Array(size * size).fill(Infinity);
  const v = new Float64Array(size * size).fill(Infinity);
  const at = (x: number, y: number) => (data[y * size + x] ? 1 : 0);
  for (let y = 0; y < size; y++)
    lineSlack(
      (i) => at(i, y),
      size,
      (x, s) => (h[y * size + x] = s),
    );
  for (let x = 0; x < size; x++)
    lineSlack(
      (i) => at(x, i),
      size,
      (y, s) => (v[y * size + x] = s),
    );
  const inFinder = (x: number, y: number) => (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8);
  const out = new Float64Array(size * size).fill(Infinity);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (!inFinder(x, y)) out[y * size + x] = Math.max(h[y * size + x]!, v[y * size + x]!);
  return out;
}

/**
 * How many dark modules of the data area look like a finder pattern's centre within `slack`
 * modules per run. At zxing's own slack (0.5), @zxing/library (what @zxing/browser runs) takes
 * such a module for one of the three corners and fails: measured, about 6 % of badge payloads
 * under the mask qrcode picks, even on perfect images. zxing-cpp and zbar read them, but a desk
 * may use either. With more slack (printed modules bleed, so 1:1:1:1:1 can pass as 1:1:3:1:1 in
 * pixels) it counts near misses.
 */
export function falseFinders(data: ArrayLike<number>, size: number, slack = 0.5): number {
  return countBelow(finderSlack(data, size), slack);
}

const countBelow = (a: Float64Array, limit: number) => a.reduce((n, s) => (s < limit ? n + 1 : n), 0);

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
