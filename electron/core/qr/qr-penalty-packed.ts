/**
 * The `qrcode` package's mask penalty (N1 + N2 + N3 + N4, see qr-matrix.ts), computed on rows and
 * columns packed into bits, 32 modules to a word, for symbols up to 64 modules wide (version 11;
 * a certificate's signed claim is version 8 to 10). Each rule becomes a few shifts, ANDs and
 * population counts per line instead of a step per module: scoring the eight masks was the largest
 * cost of a 1,000-certificate batch. The totals are the package's exactly (qr-matrix.test.ts).
 *
 * A line is a (lo, hi) pair of 32-bit words; module i of the line is bit i (i < 32 in lo).
 */

/** A module set for one mask: the module (row, col) is dark (1) or light (0). */
export type FormatCells = (mask: number) => readonly (readonly [row: number, col: number, v: number])[];

export const PACKED_MAX = 64;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits 0..n-1 set, as (lo, hi). */
const maskLo = (n: number) => (n <= 0 ? 0 : n >= 32 ? -1 : (1 << n) - 1);
const maskHi = (n: number) => (n <= 32 ? 0 : n >= 64 ? -1 : (1 << (n - 32)) - 1);

/** Low word of the line shifted down by k (0 < k < 32): module i+k lands on bit i. */
const down = (lo: number, hi: number, k: number) => (lo >>> k) | (hi << (32 - k));

/** Packs a 0/1 row-major matrix into row and column words. */
function pack(m: Uint8Array, size: number, rows: Int32Array, cols: Int32Array): void {
  rows.fill(0);
  cols.fill(0);
  for (let r = 0; r < size; r++) {
    const o = r * size;
    const rh = r >>> 5;
    const rb = r & 31;
    for (let c = 0; c < size; c++) {
      const v = m[o + c]!;
      const rw = 2 * r + (c >>> 5);
      const cw = 2 * c + rh;
      rows[rw] = rows[rw]! | (v << (c & 31));
      cols[cw] = cols[cw]! | (v << rb);
    }
  }
}

/** N1 (runs of 5+) and N3 (1:1:3:1:1 with 4 light) of one line of n modules, weighted. */
function linePenalty(lo: number, hi: number, nLo: number, nHi: number, eLo: number, eHi: number): number {
  // e_i: module i equals module i+1 (i ≤ n-2).
  const sLo = down(lo, hi, 1);
  const sHi = hi >>> 1;
  const qLo = ~(lo ^ sLo) & eLo;
  const qHi = ~(hi ^ sHi) & eHi;
  // f_i: modules i..i+4 equal. A run of L ≥ 5 has L-4 such i and one start; it scores 3 + (L-5).
  const aLo = qLo & down(qLo, qHi, 1);
  const aHi = qHi & (qHi >>> 1);
  const fLo = aLo & down(aLo, aHi, 2);
  const fHi = aHi & (aHi >>> 2);
  const stLo = fLo & ~(qLo << 1);
  const stHi = fHi & ~((qHi << 1) | (qLo >>> 31));
  const n1 = popcount(fLo) + popcount(fHi) + 2 * (popcount(stLo) + popcount(stHi));
  // N3: dark-light-dark-dark-dark-light-dark ("core") followed, or preceded, by 4 light.
  const dLo = lo & nLo;
  const dHi = hi & nHi;
  const wLo = ~lo & nLo;
  const wHi = ~hi & nHi;
  const cLo =
    dLo & down(wLo, wHi, 1) & down(dLo, dHi, 2) & down(dLo, dHi, 3) & down(dLo, dHi, 4) & down(wLo, wHi, 5) & down(dLo, dHi, 6);
  const cHi = dHi & (wHi >>> 1) & (dHi >>> 2) & (dHi >>> 3) & (dHi >>> 4) & (wHi >>> 5) & (dHi >>> 6);
  const zLo = wLo & down(wLo, wHi, 1) & down(wLo, wHi, 2) & down(wLo, wHi, 3);
  const zHi = wHi & (wHi >>> 1) & (wHi >>> 2) & (wHi >>> 3);
  // Modules beyond n are neither dark nor light, so no window runs off the end.
  const p1 = popcount(cLo & down(zLo, zHi, 7)) + popcount(cHi & (zHi >>> 7));
  const p2 = popcount(zLo & down(cLo, cHi, 4)) + popcount(zHi & (cHi >>> 4));
  return n1 + 40 * (p1 + p2);
}

/** The masks packed, per mask set (qr-matrix.ts keeps one set per symbol size). */
const packedCache = new WeakMap<Uint8Array[], { rows: Int32Array; cols: Int32Array }[]>();

function setBit(words: Int32Array, line: number, i: number, v: number): void {
  const w = 2 * line + (i >>> 5);
  const bit = 1 << (i & 31);
  words[w] = v ? words[w]! | bit : words[w]! & ~bit;
}

/**
 * The penalty of each of the eight masks: `raw` is the unmasked symbol, `masks[p]` the modules
 * mask p flips (none reserved), `format(p)` the format modules written for mask p.
 */
export function packedPenalties(raw: Uint8Array, masks: Uint8Array[], size: number, format: FormatCells): number[] {
  if (size > PACKED_MAX) throw new Error(`packedPenalties: ${size} modules is wider than ${PACKED_MAX}`);
  const rawRows = new Int32Array(2 * size);
  const rawCols = new Int32Array(2 * size);
  pack(raw, size, rawRows, rawCols);
  let packedMasks = packedCache.get(masks);
  if (!packedMasks) {
    packedMasks = masks.map((m) => {
      const rows = new Int32Array(2 * size);
      const cols = new Int32Array(2 * size);
      pack(m, size, rows, cols);
      return { rows, cols };
    });
    packedCache.set(masks, packedMasks);
  }
  const rows = new Int32Array(2 * size);
  const cols = new Int32Array(2 * size);
  const nLo = maskLo(size);
  const nHi = maskHi(size);
  const eLo = maskLo(size - 1);
  const eHi = maskHi(size - 1);
  const out: number[] = [];
  for (let p = 0; p < 8; p++) {
    const { rows: mRows, cols: mCols } = packedMasks[p]!;
    for (let k = 0; k < 2 * size; k++) {
      rows[k] = rawRows[k]! ^ mRows[k]!;
      cols[k] = rawCols[k]! ^ mCols[k]!;
    }
    for (const [r, c, v] of format(p)) {
      setBit(rows, r, c, v);
      setBit(cols, c, r, v);
    }
    let total = 0;
    let dark = 0;
    let n2 = 0;
    for (let line = 0; line < size; line++) {
      const rLo = rows[2 * line]!;
      const rHi = rows[2 * line + 1]!;
      total += linePenalty(rLo, rHi, nLo, nHi, eLo, eHi);
      total += linePenalty(cols[2 * line]!, cols[2 * line + 1]!, nLo, nHi, eLo, eHi);
      dark += popcount(rLo & nLo) + popcount(rHi & nHi);
      if (line < size - 1) {
        // 2×2 blocks of one colour with their top-left module at (line, c).
        const vLo = ~(rLo ^ rows[2 * line + 2]!) & nLo;
        const vHi = ~(rHi ^ rows[2 * line + 3]!) & nHi;
        const hLo = ~(rLo ^ down(rLo, rHi, 1)) & eLo;
        const hHi = ~(rHi ^ (rHi >>> 1)) & eHi;
        n2 += popcount(vLo & down(vLo, vHi, 1) & hLo) + popcount(vHi & (vHi >>> 1) & hHi);
      }
    }
    const k = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
    out.push(total + n2 * 3 + k * 10);
  }
  return out;
}
