import type QRCode from 'qrcode';

/**
 * The eight QR mask patterns and level-M format modules, for renderers that build a symbol once
 * and try the masks by XOR instead of asking the `qrcode` package to rebuild it eight times
 * (qr-matrix.ts for certificates, qr-modules.ts for badges). The results equal the package's own:
 * tests/unit/certificates/qr-matrix.test.ts and tests/unit/badge-qr-mask.test.ts.
 */

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
 * eight masks as 0/1 arrays, 0 on reserved modules. A batch's symbols are nearly all one version.
 */
const maskCache = new Map<number, Uint8Array[]>();

export function maskBits(size: number, reserved: Uint8Array): Uint8Array[] {
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

/**
 * A symbol the package built with mask 0, with that mask XORed out again: the modules before any
 * mask, and the eight masks that can be XORed onto them.
 */
export function unmasked(base: QRCode.QRCode): { size: number; raw: Uint8Array; bits: Uint8Array[] } {
  const size = base.modules.size;
  const masked0 = base.modules.data;
  const reserved = (base.modules as unknown as { reservedBit: Uint8Array }).reservedBit;
  const bits = maskBits(size, reserved);
  const len = size * size;
  const raw = new Uint8Array(len);
  const m0 = bits[0]!;
  for (let k = 0; k < len; k++) raw[k] = masked0[k]! ^ m0[k]!;
  return { size, raw, bits };
}

/** `raw` under mask p, with the format modules for p written: what the package draws with mask p. */
export function applyMask(m: Uint8Array, raw: Uint8Array, mask: Uint8Array, size: number, p: number): void {
  for (let k = 0; k < size * size; k++) m[k] = raw[k]! ^ mask[k]!;
  for (const [row, col, v] of formatCells(size, p)) m[row * size + col] = v;
}

const formatCache = new Map<number, (readonly [number, number, number])[][]>();

/** The format modules for each mask, per symbol size: (row, col, value). Level M only. */
export function formatCells(size: number, mask: number): readonly (readonly [number, number, number])[] {
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
