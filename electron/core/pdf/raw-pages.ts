import deflateLib from 'pako/lib/zlib/deflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';

/** A number for a content stream: two decimals of a point (7 µm) is finer than any printer. */
export const num = (v: number) => (Math.round(v * 100) / 100).toString();

const Z_FINISH = 4;
const Z_STREAM_END = 1;
let strm: InstanceType<typeof ZStream> | null = null;
let out = new Uint8Array(64 * 1024);

/**
 * A page's operators deflated (a zlib stream, as /FlateDecode reads it), in a buffer of their
 * own size. One compressor state, reset for each page, serves every page of every batch:
 * Node's zlib.deflateSync makes a native zlib context per call (~270 KB of malloc'd memory) that
 * is freed only when the collector gets to its wrapper, and a 2,000-page sheet piled them up:
 * the process grew by ~70 MB whatever the JavaScript heap did (measured: 6,000 calls took a
 * worker from 61 to 133 MB). pako's compressor (the zlib code in JavaScript, already a
 * dependency of jszip) writes the same format into memory the heap owns.
 */
export function deflated(ops: string): Uint8Array {
  return deflatedBytes(Buffer.from(ops, 'latin1'));
}

/** The same for bytes already made (a pdf-lib content stream's, core/pdf/compact-page.ts). */
export function deflatedBytes(input: Uint8Array): Uint8Array {
  if (!strm) {
    strm = new ZStream();
    // Level 6, deflate method 8, 32 KB window (15), memLevel 8, default strategy: zlib's defaults.
    deflateLib.deflateInit2(strm, 6, 8, 15, 8, 0);
  }
  deflateLib.deflateReset(strm);
  // Deflate never grows data by more than ~0.1 % plus a few bytes: the whole result fits at once.
  const need = input.length + (input.length >> 8) + 64;
  if (out.length < need) out = new Uint8Array(need);
  strm.input = input;
  strm.next_in = 0;
  strm.avail_in = input.length;
  strm.output = out;
  strm.next_out = 0;
  strm.avail_out = out.length;
  const r = deflateLib.deflate(strm, Z_FINISH);
  if (r !== Z_STREAM_END) throw new Error(`deflate failed (${r})`);
  const bytes = out.slice(0, strm.next_out);
  // Let go of the page's text; the state keeps only its own window and tables.
  strm.input = null;
  return bytes;
}
