import QRCode from 'qrcode';

/**
 * A QR code's modules (level M, byte mode), with the mask chosen exactly as the `qrcode` package
 * chooses it (ISO 18004's four penalty rules, as that package implements them), but about ten
 * times faster: the package applies each of the eight masks to a BitMatrix through method calls
 * and `%`, which was the largest cost of a 1,000-certificate batch. Here the symbol is built
 * once with mask 0, unmasked, and each mask is scored on a flat byte array.
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

export function qrMatrix(text: string): QrMatrix {
  const base = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  const size = base.modules.size;
  const masked0 = base.modules.data;
  const reserved = (base.modules as unknown as { reservedBit: Uint8Array }).reservedBit;
  const raw = new Uint8Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const k = i * size + j;
      raw[k] = reserved[k] ? masked0[k]! : masked0[k]! ^ (MASKS[0]!(i, j) ? 1 : 0);
    }
  }
  let best: QrMatrix | null = null;
  let bestPenalty = Infinity;
  for (let p = 0; p < 8; p++) {
    const m = new Uint8Array(raw);
    const mask = MASKS[p]!;
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) if (!reserved[i * size + j] && mask(i, j)) m[i * size + j]! ^= 1;
    writeFormatInfo(m, size, p);
    const penalty = penalties(m, size);
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = { size, data: m, mask: p };
    }
  }
  return best!;
}

/** Level M (format bits 00) and the mask, BCH(15,5) protected and XOR-masked, in both copies. */
function writeFormatInfo(m: Uint8Array, size: number, mask: number): void {
  const data = (0 << 3) | mask;
  let d = data << 10;
  const G15 = 0b10100110111;
  const digits = (n: number) => (n === 0 ? 0 : 32 - Math.clz32(n));
  while (digits(d) - digits(G15) >= 0) d ^= G15 << (digits(d) - digits(G15));
  const bits = ((data << 10) | d) ^ 0b101010000010010;
  const set = (row: number, col: number, v: number) => (m[row * size + col] = v);
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

/** N1 + N2 + N3 + N4 exactly as qrcode/lib/core/mask-pattern.js computes them. */
function penalties(m: Uint8Array, size: number): number {
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let dark = 0;
  for (let row = 0; row < size; row++) {
    let sameCol = 0;
    let sameRow = 0;
    let lastCol = -1;
    let lastRow = -1;
    let bitsCol = 0;
    let bitsRow = 0;
    for (let col = 0; col < size; col++) {
      const a = m[row * size + col]!;
      dark += a;
      if (a === lastCol) sameCol++;
      else {
        if (sameCol >= 5) n1 += 3 + (sameCol - 5);
        lastCol = a;
        sameCol = 1;
      }
      const b = m[col * size + row]!;
      if (b === lastRow) sameRow++;
      else {
        if (sameRow >= 5) n1 += 3 + (sameRow - 5);
        lastRow = b;
        sameRow = 1;
      }
      bitsCol = ((bitsCol << 1) & 0x7ff) | a;
      if (col >= 10 && (bitsCol === 0x5d0 || bitsCol === 0x05d)) n3++;
      bitsRow = ((bitsRow << 1) & 0x7ff) | b;
      if (col >= 10 && (bitsRow === 0x5d0 || bitsRow === 0x05d)) n3++;
      if (row < size - 1 && col < size - 1) {
        const s = a + m[row * size + col + 1]! + m[(row + 1) * size + col]! + m[(row + 1) * size + col + 1]!;
        if (s === 4 || s === 0) n2++;
      }
    }
    if (sameCol >= 5) n1 += 3 + (sameCol - 5);
    if (sameRow >= 5) n1 += 3 + (sameRow - 5);
  }
  const k = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return n1 + n2 * 3 + n3 * 40 + k * 10;
}
