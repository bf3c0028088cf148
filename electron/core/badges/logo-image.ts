import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { PDFImage, PngEmbedder, type PDFContext, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import { pngPlanes } from './png-planes';

interface Prepared {
  width: number;
  height: number;
  bits: number;
  rgb: Uint8Array;
  alpha: Uint8Array | null;
}

/**
 * A PNG logo decoded and compressed once per logo, not once per PDF: pdf-lib decodes the PNG and
 * deflates its colour and alpha planes on every embed, which was most of the time of a one-tag PDF
 * (a walk-in's reprint). Keyed by a hash of the bytes, so a logo read again from the database hits.
 */
const cache = new Map<string, Prepared>();

async function prepare(png: Uint8Array): Promise<Prepared> {
  const key = crypto.createHash('sha1').update(png).digest('hex');
  let p = cache.get(key);
  if (!p) {
    // Node's zlib first (png-planes.ts); pdf-lib's decoder for what that does not read.
    const fast = pngPlanes(png);
    if (fast) {
      p = {
        width: fast.width,
        height: fast.height,
        bits: 8,
        rgb: zlib.deflateSync(fast.rgb),
        alpha: fast.alpha ? zlib.deflateSync(fast.alpha) : null,
      };
      if (cache.size > 8) cache.clear();
      cache.set(key, p);
      return p;
    }
    const e = await PngEmbedder.for(png);
    const image = (e as unknown as { image: { rgbChannel: Uint8Array; alphaChannel?: Uint8Array } }).image;
    p = {
      width: e.width,
      height: e.height,
      bits: e.bitsPerComponent,
      rgb: zlib.deflateSync(image.rgbChannel),
      alpha: image.alphaChannel ? zlib.deflateSync(image.alphaChannel) : null,
    };
    if (cache.size > 8) cache.clear();
    cache.set(key, p);
  }
  return p;
}

/**
 * An embedder writing the same XObjects as PngEmbedder (image + soft mask) from the prepared
 * planes. pdf-lib checks `instanceof PngEmbedder`, hence its prototype.
 */
function preparedEmbedder(p: Prepared): PngEmbedder {
  const { width: Width, height: Height, bits: BitsPerComponent } = p;
  return Object.assign(Object.create(PngEmbedder.prototype) as PngEmbedder, {
    width: Width,
    height: Height,
    bitsPerComponent: BitsPerComponent,
    colorSpace: 'DeviceRGB',
    async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
      const base = { Type: 'XObject', Subtype: 'Image', Width, Height, BitsPerComponent, Filter: 'FlateDecode' };
      const SMask = p.alpha ? context.register(context.stream(p.alpha, { ...base, ColorSpace: 'DeviceGray' })) : undefined;
      const image = context.stream(p.rgb, { ...base, ColorSpace: 'DeviceRGB', ...(SMask ? { SMask } : {}) });
      if (!ref) return context.register(image);
      context.assign(ref, image);
      return ref;
    },
  });
}

/** embedPng with the decoding and compression done once per logo. */
export async function embedLogoPng(doc: PDFDocument, png: Uint8Array): Promise<PDFImage> {
  const img = PDFImage.of(doc.context.nextRef(), doc, preparedEmbedder(await prepare(png)));
  (doc as unknown as { images: PDFImage[] }).images.push(img);
  return img;
}
