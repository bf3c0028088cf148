import zlib from 'node:zlib';

/** A number for a content stream: two decimals of a point (7 µm) is finer than any printer. */
export const num = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * A page's operators deflated. The result is a view of zlib's output chunk (8 KB chunks: a page
 * deflates to 0.5-6 KB): StreamedPdf copies it into the page's own buffer, so nothing keeps the
 * chunk (a kept 64 KB chunk per page once made a 20,000-tag sheet peak at 390 MB).
 */
export function deflated(ops: string): Uint8Array {
  return zlib.deflateSync(ops, { level: 6, chunkSize: 8 * 1024 });
}
