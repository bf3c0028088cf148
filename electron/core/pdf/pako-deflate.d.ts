// The parts of pako 1.x's zlib port that core/pdf/raw-pages.ts uses (pako ships no types).
declare module 'pako/lib/zlib/zstream.js' {
  export default class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
  }
}
declare module 'pako/lib/zlib/deflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js';
  const deflate: {
    deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number;
    deflateReset(strm: ZStream): number;
    deflate(strm: ZStream, flush: number): number;
  };
  export default deflate;
}
