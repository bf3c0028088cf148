import { createQr } from './qrcode-core';
import { applyMask, formatCells, unmasked } from './mask-patterns';
import { PACKED_MAX, packedPenalties } from './qr-penalty-packed';

/**
 * A QR code's modules (level M, byte mode), with the mask chosen exactly as the `qrcode` package
 * chooses it (ISO 18004's four penalty rules, as that package implements them: the lowest total
 * wins, the first of equals), but much faster: the package applies each of the eight masks to a
 * BitMatrix through method calls and `%`, and scoring them was the largest cost of a
 * 1,000-certificate batch. Here the symbol is built once with mask 0, unmasked, and each mask is
 * XORed in from a pattern precomputed once per symbol size, then scored on bit-packed lines
 * (qr-penalty-packed.ts) up to 64 modules wide, on a flat byte array beyond that.
 * tests/unit/certificates/qr-matrix.test.ts checks the result equals the package's own.
 */
export interface QrMatrix {
  size: number;
  /** 1 = dark, row-major. */
  data: Uint8Array;
  mask: number;
}

export function qrMatrix(text: string): QrMatrix {
  const base = createQr([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  const { size, raw, bits } = unmasked(base);
  const len = size * size;
  // Symbols up to 64 modules wide are scored on bit-packed lines; wider ones module by module.
  const packed = size <= PACKED_MAX ? packedPenalties(raw, bits, size, (p) => formatCells(size, p)) : null;
  let best = 0;
  let bestPenalty = Infinity;
  const m = new Uint8Array(len);
  for (let p = 0; p < 8; p++) {
    let penalty: number;
    if (packed) penalty = packed[p]!;
    else {
      applyMask(m, raw, bits[p]!, size, p);
      penalty = penalties(m, size);
    }
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = p;
    }
  }
  applyMask(m, raw, bits[best]!, size, best);
  return { size, data: m, mask: best };
}

/**
 * N1 + N2 + N3 + N4 with the same totals as qrcode/lib/core/mask-pattern.js: runs of 5+ (3 points,
 * +1 per module beyond 5), 2×2 blocks of one colour (3 each), 1:1:3:1:1 patterns found by an
 * 11-module window (40 each), and the dark share (10 per 5 % from half). Rows and columns are
 * scanned as separate passes with a fixed start and stride, which the JIT keeps tight.
 */
function penalties(m: Uint8Array, size: number): number {
  let n1 = 0;
  let n3 = 0;
  for (let line = 0; line < size; line++) {
    // Row `line` (step 1) and column `line` (step size): the package scans both in one loop.
    for (let pass = 0; pass < 2; pass++) {
      const step = pass === 0 ? 1 : size;
      let k = pass === 0 ? line * size : line;
      let last = m[k]!;
      let run = 1;
      let window = last;
      k += step;
      for (let i = 1; i < size; i++, k += step) {
        const a = m[k]!;
        if (a === last) run++;
        else {
          if (run >= 5) n1 += run - 2;
          last = a;
          run = 1;
        }
        window = ((window << 1) & 0x7ff) | a;
        if (i >= 10 && (window === 0x5d0 || window === 0x05d)) n3++;
      }
      if (run >= 5) n1 += run - 2;
    }
  }
  let n2 = 0;
  let dark = 0;
  for (let row = 0; row < size - 1; row++) {
    const o = row * size;
    let left = m[o]! + m[o + size]!;
    dark += m[o]!;
    for (let col = 1; col < size; col++) {
      const top = m[o + col]!;
      const right = top + m[o + size + col]!;
      dark += top;
      const s = left + right;
      if (s === 0 || s === 4) n2++;
      left = right;
    }
  }
  for (let k = (size - 1) * size; k < size * size; k++) dark += m[k]!;
  const k = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return n1 + n2 * 3 + n3 * 40 + k * 10;
}
