import QRCode from 'qrcode';
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

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/**
 * Per symbol size (= version, which alone decides which modules are function patterns): the
 * eight masks as 0/1 arrays, 0 on reserved modules. A batch's claims are nearly all one version.
 */
const maskCache = new Map<number, Uint8Array[]>();

function maskBits(size: number, reserved: Uint8Array): Uint8Array[] {
  let bits = maskCache.get(size);
  if (!bits) {
    bits = MASKS.map((mask) => {
      const b = new Uint8Array(size * size);
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++) if (!reserved[i * size + j] && mask(i, j)) b[i * size + j] = 1;
      return b;
    });
    maskCache.set(size, bits);
  }
  return bits;
}

export function qrMatrix(text: string): QrMatrix {
  const base = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  const size = base.modules.size;
  const masked0 = base.modules.data;
  const reserved = (base.modules as unknown as { reservedBit: Uint8Array }).reservedBit;
  const bits = maskBits(size, reserved);
  const len = size * size;
  const raw = new Uint8Array(len);
  const m0 = bits[0]!;
  for (let k = 0; k < len; k++) raw[k] = masked0[k]! ^ m0[k]!;
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

function applyMask(m: Uint8Array, raw: Uint8Array, mask: Uint8Array, size: number, p: number): void {
  for (let k = 0; k < size * size; k++) m[k] = raw[k]! ^ mask[k]!;
  for (const [row, col, v] of formatCells(size, p)) m[row * size + col] = v;
}

const formatCache = new Map<number, (readonly [number, number, number])[][]>();

/** The format modules for each mask, per symbol size: (row, col, value). */
function formatCells(size: number, mask: number): readonly (readonly [number, number, number])[] {
  let all = formatCache.get(size);
  if (!all) {
    all = Array.from({ length: 8 }, (_, p) => {
      const cells: [number, number, number][] = [];
      writeFormatInfo((row, col, v) => cells.push([row, col, v]), size, p);
      return cells;
    });
    formatCache.set(size, all);
  }
  return all[mask]!;
}

/** Level M (format bits 00) and the mask, BCH(15,5) protected and XOR-masked, in both copies. */
function writeFormatInfo(set: (row: number, col: number, v: number) => void, size: number, mask: number): void {
  const data = (0 << 3) | mask;
  let d = data << 10;
  const G15 = 0b10100110111;
  const digits = (n: number) => (n === 0 ? 0 : 32 - Math.clz32(n));
  while (digits(d) - digits(G15) >= 0) d ^= G15 << (digits(d) - digits(G15));
  const bits = ((data << 10) | d) ^ 0b101010000010010;
  for (let i = 0; i < 15; i++) {
    const v = (bits >> i) & 1;
    if (i < 6) set(i, 8, v);
    else if (i < 8) set(i + 1, 8, v);
    else set(size - 15 + i, 8, v);
    if (i < 8) set(8, size - i - 1, v);
    else if (i < 9) set(8, 15 - i - 1 + 1, v);
    else set(8, 15 - i - 1, v);
  }
  set(size - 8, 8, 1);
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
