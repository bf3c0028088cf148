import zlib from 'node:zlib';

/** A PNG as the planes a PDF image needs: 8-bit RGB, and 8-bit alpha when any pixel is see-through. */
export interface PngPlanes {
  width: number;
  height: number;
  rgb: Uint8Array;
  alpha: Uint8Array | null;
}

/**
 * Decodes a non-interlaced PNG (grey, RGB, palette, grey+alpha, RGBA; 1 to 16 bits) with Node's
 * zlib, or returns null for anything else (the caller then lets pdf-lib decode it). pdf-lib's own
 * decoder inflates in JavaScript and cost a one-tag PDF from the command line ~0.3 s for a
 * 240 × 240 logo, more than the tag. The result is what pdf-lib's decoder gives: 16-bit samples
 * keep their high byte, low bit depths are scaled to 0-255, a palette's tRNS becomes alpha.
 */
export function pngPlanes(png: Uint8Array): PngPlanes | null {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.length < 33 || b.readUInt32BE(0) !== 0x89504e47) return null;
  let width = 0;
  let height = 0;
  let depth = 0;
  let ctype = 0;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let o = 8; o + 8 <= b.length; ) {
    const len = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    const data = b.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      ctype = data[9]!;
      if (data[12] !== 0) return null; // interlaced
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    o += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[ctype];
  if (!channels || !width || !height || ![1, 2, 4, 8, 16].includes(depth) || (ctype === 3 && !palette)) return null;
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  const bpp = Math.max(1, (channels * depth) >> 3);
  const stride = Math.ceil((width * channels * depth) / 8);
  if (raw.length < height * (stride + 1)) return null;
  const px = unfilter(raw, height, stride, bpp);
  if (!px) return null;

  const n = width * height;
  const rgb = new Uint8Array(n * 3);
  const alpha = new Uint8Array(n).fill(255);
  const max = (1 << depth) - 1;
  const sample = (row: number, i: number): number => {
    // The i-th sample of a row, scaled to 8 bits (16-bit: its high byte).
    const base = row * stride;
    if (depth === 8) return px[base + i]!;
    if (depth === 16) return px[base + 2 * i]!;
    const bit = i * depth;
    const v = (px[base + (bit >> 3)]! >> (8 - depth - (bit & 7))) & max;
    return ctype === 3 ? v : Math.round((v * 255) / max);
  };
  const sample16 = (row: number, i: number) => (px[row * stride + 2 * i]! << 8) | px[row * stride + 2 * i + 1]!;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const s = x * channels;
      if (ctype === 3) {
        const k = sample(y, x);
        rgb[3 * p] = palette![3 * k] ?? 0;
        rgb[3 * p + 1] = palette![3 * k + 1] ?? 0;
        rgb[3 * p + 2] = palette![3 * k + 2] ?? 0;
        alpha[p] = trns && k < trns.length ? trns[k]! : 255;
        continue;
      }
      const grey = ctype === 0 || ctype === 4;
      const r = sample(y, s);
      rgb[3 * p] = r;
      rgb[3 * p + 1] = grey ? r : sample(y, s + 1);
      rgb[3 * p + 2] = grey ? r : sample(y, s + 2);
      if (ctype === 4 || ctype === 6) alpha[p] = sample(y, s + channels - 1);
      else if (trns) {
        // A colour key: the pixel whose samples equal tRNS (at the image's own depth) is clear.
        const key = (i: number) => trns!.readUInt16BE(2 * i);
        const at = (i: number) => (depth === 16 ? sample16(y, s + i) : depth === 8 ? px[y * stride + s + i]! : -1);
        if (depth >= 8 && (grey ? at(0) === key(0) : at(0) === key(0) && at(1) === key(1) && at(2) === key(2))) alpha[p] = 0;
      }
    }
  return { width, height, rgb, alpha: alpha.some((a) => a < 255) ? alpha : null };
}

/** Undoes the five PNG row filters in place over a copy without the filter bytes; null if one is unknown. */
function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[row + i - bpp]! : 0;
      const b = y > 0 ? out[up + i]! : 0;
      const c = y > 0 && i >= bpp ? out[up + i - bpp]! : 0;
      const x = raw[src + i]!;
      let v: number;
      if (f === 0) v = x;
      else if (f === 1) v = x + a;
      else if (f === 2) v = x + b;
      else if (f === 3) v = x + ((a + b) >> 1);
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else return null;
      out[row + i] = v & 255;
    }
  }
  return out;
}
