import { createQr } from './qrcode-core';
import { applyMask, unmasked } from './mask-patterns';

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
 * Per module, the slack at which it would pass as a finder pattern's centre both across and down
 * (Infinity when it never does). The three real finder patterns are left out.
 *
 * For each line (row or column): the slack each dark run needs to pass zxing's finder test
 * (FinderPatternFinder.foundPatternCross) as the centre of 1:1:3:1:1, i.e. the largest error of
 * its five runs in modules, the module being a seventh of the five. zxing accepts an error below
 * half a module (slack 0.5). A light run touching the symbol's edge runs on into the quiet zone,
 * so it never matches. Scored for eight masks of every tag, so lines are walked on flat arrays
 * with a stride, without closures (this was most of a 1,000-tag render's time).
 */
export function finderSlack(data: ArrayLike<number>, size: number): Float64Array {
  const len = size * size;
  return slackInto(data, size, new Float64Array(len), new Float64Array(len), new Float64Array(len));
}

/** finderSlack into caller-owned arrays (qrMatrix reuses three for all eight masks of a tag). */
function slackInto(data: ArrayLike<number>, size: number, h: Float64Array, v: Float64Array, out: Float64Array): Float64Array {
  h.fill(Infinity);
  v.fill(Infinity);
  for (let line = 0; line < size; line++) {
    lineSlack(data, line * size, 1, size, h);
    lineSlack(data, line, size, size, v);
  }
  out.fill(Infinity);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const inFinder = (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8);
      if (!inFinder) out[y * size + x] = Math.max(h[y * size + x]!, v[y * size + x]!);
    }
  return out;
}

// Runs of one line: where each starts (as an index into the matrix), its length, dark or light.
const runStart = new Int32Array(256);
const runLen = new Int32Array(256);
const runDark = new Uint8Array(256);

/** The runs of one line from `start`, `step` apart, into runStart/runLen/runDark; returns how many. */
function runsOf(data: ArrayLike<number>, start: number, step: number, size: number): number {
  let n = 0;
  for (let i = 0, k = start; i < size; i++, k += step) {
    const d = data[k] ? 1 : 0;
    if (i > 0 && d === runDark[n - 1]) runLen[n - 1]!++;
    else {
      runStart[n] = k;
      runLen[n] = 1;
      runDark[n] = d;
      n++;
    }
  }
  return n;
}

/** The slack run r (dark, two runs either side) needs to pass as the centre of 1:1:3:1:1. */
function needOf(r: number): number {
  const c0 = runLen[r - 2]!;
  const c1 = runLen[r - 1]!;
  const c2 = runLen[r]!;
  const c3 = runLen[r + 1]!;
  const c4 = runLen[r + 2]!;
  const m = (c0 + c1 + c2 + c3 + c4) / 7;
  return Math.max(
    Math.abs(c0 - m) / m,
    Math.abs(c1 - m) / m,
    Math.abs(c2 - 3 * m) / (3 * m),
    Math.abs(c3 - m) / m,
    Math.abs(c4 - m) / m,
  );
}

/** One line from `start`, `step` apart: writes each centre candidate's slack into `out`. */
function lineSlack(data: ArrayLike<number>, start: number, step: number, size: number, out: Float64Array): void {
  const n = runsOf(data, start, step, size);
  for (let r = 2; r + 2 < n; r++) {
    if (!runDark[r]) continue;
    const need = needOf(r);
    for (let i = 0, k = runStart[r]!; i < runLen[r]!; i++, k += step) out[k] = need;
  }
}

/**
 * falseFinders at slack 0.5, 0.6 and 0.75 in one pass (into `counts`), as qrMatrix scores each
 * mask: the slack across (`h`, scratch) is written by rows, and each column's candidates are
 * counted against it directly, with no per-module arrays for the slack down and the maximum.
 */
function finderCounts(data: ArrayLike<number>, size: number, h: Float64Array, counts: Int32Array, limit = Infinity): void {
  h.fill(Infinity);
  for (let y = 0; y < size; y++) lineSlack(data, y * size, 1, size, h);
  counts.fill(0);
  for (let x = 0; x < size; x++) {
    // The counts only grow: once this mask scores no better than the best so far, it has lost.
    if (finderScore(counts) >= limit) return;
    const n = runsOf(data, x, size, size);
    for (let r = 2; r + 2 < n; r++) {
      if (!runDark[r]) continue;
      const need = needOf(r);
      if (!(need < 0.75)) continue;
      for (let i = 0, k = runStart[r]!; i < runLen[r]!; i++, k += size) {
        const y = (k - x) / size;
        if ((x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8)) continue;
        const s = Math.max(h[k]!, need);
        if (s < 0.75) counts[2]!++;
        if (s < 0.6) counts[1]!++;
        if (s < 0.5) counts[0]!++;
      }
    }
  }
}

/** A mask's false finders at slack 0.5, 0.6, 0.75 as one score: fewer at the strictest first. */
const finderScore = (counts: Int32Array) => counts[0]! * 1e6 + counts[1]! * 1e4 + counts[2]! * 1e2;

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

function countBelow(a: Float64Array, limit: number): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! < limit) n++;
  return n;
}

const MASKS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

export const hasFalseFinder = (data: ArrayLike<number>, size: number) => falseFinders(data, size) > 0;

/**
 * ISO/IEC 18004 mask penalty (N1 runs, N2 blocks, N3 finder-like, N4 balance), as qrcode scores
 * N1-N3; N4 counts whole 5 % steps from half. Rows and columns are walked on the flat matrix with
 * a stride, no closures: it is scored for eight masks of every tag.
 */
export function maskPenalty(data: ArrayLike<number>, size: number): number {
  let p = 0;
  for (let line = 0; line < size; line++) {
    for (let pass = 0; pass < 2; pass++) {
      const step = pass === 0 ? size : 1;
      let k = pass === 0 ? line : line * size;
      let last = data[k] ? 1 : 0;
      let run = 1;
      let bits = last;
      k += step;
      for (let j = 1; j < size; j++, k += step) {
        const a = data[k] ? 1 : 0;
        if (a === last) run++;
        else {
          if (run >= 5) p += 3 + run - 5;
          last = a;
          run = 1;
        }
        bits = ((bits << 1) & 0x7ff) | a;
        if (j >= 10 && (bits === 0x5d0 || bits === 0x05d)) p += 40;
      }
      if (run >= 5) p += 3 + run - 5;
    }
  }
  let dark = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const o = y * size + x;
      const a = data[o] ? 1 : 0;
      dark += a;
      if (x < size - 1 && y < size - 1) {
        const s = a + (data[o + 1] ? 1 : 0) + (data[o + size] ? 1 : 0) + (data[o + size + 1] ? 1 : 0);
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
 * The package builds the symbol once (mask 0); each mask is XORed on (qr/mask-patterns.ts) and its
 * false finders counted at the three slacks in one pass, rather than eight builds and 24 scans.
 * tests/unit/badge-qr-mask.test.ts checks the choice against eight package builds.
 */
export function qrMatrix(payload: string): { size: number; data: Uint8Array; mask: number } {
  const base = createQr([{ data: payload, mode: 'alphanumeric' }], {
    errorCorrectionLevel: 'M',
    version: 1,
    maskPattern: 0,
  });
  const { size, raw, bits } = unmasked(base);
  const len = size * size;
  const m = new Uint8Array(len);
  const h = new Float64Array(len);
  const counts = new Int32Array(3);
  let best = 0;
  let bestPenalty = Infinity;
  for (const p of MASKS) {
    applyMask(m, raw, bits[p]!, size, p);
    finderCounts(m, size, h, counts, bestPenalty);
    const finders = finderScore(counts);
    // The ISO penalty only breaks ties and is never negative: skip it when it cannot win.
    if (finders >= bestPenalty) continue;
    const penalty = finders + maskPenalty(m, size);
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = p;
    }
  }
  applyMask(m, raw, bits[best]!, size, best);
  return { size, data: m, mask: best };
}

/**
 * The dark modules of a badge QR as few rectangles: runs along each row, then identical runs
 * on consecutive rows merged into one (the finder patterns become a handful of rectangles).
 * Drawn as one filled path, so no hairline seams appear between touching modules.
 */
export function qrRects(payload: string): ModuleRect[] {
  const { size, data } = qrMatrix(payload);
  // The rectangle last started for each run (first, last column), by first * size + last: it is
  // still open on row y exactly when it reaches down to y (a run missing on a row closes it).
  const open: (ModuleRect | undefined)[] = new Array(size * size);
  const out: ModuleRect[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!data[y * size + x]) continue;
      let end = x;
      while (end + 1 < size && data[y * size + end + 1]) end++;
      const key = x * size + end;
      const prev = open[key];
      if (prev && prev.y + prev.h === y) prev.h++;
      else {
        const r = { x, y, w: end - x + 1, h: 1 };
        open[key] = r;
        out.push(r);
      }
      x = end;
    }
  }
  return out;
}
