import zlib from 'node:zlib';
import { PDFName, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';

/**
 * Pages written as finished content streams: each page's operators, built as text by the caller,
 * deflated by Node's zlib and registered as one raw stream, every page pointing at one shared
 * resource dictionary. pdf-lib's drawing API builds an object per operator and deflates in
 * JavaScript at save(); with it, a long batch held every page's operators until the end (memory
 * grew with the number of people) and spent most of its time there.
 */
export function rawPages(doc: PDFDocument, resources: Record<string, unknown>) {
  const ctx = doc.context;
  const res: PDFRef = ctx.register(ctx.obj(resources as Parameters<typeof ctx.obj>[0]));
  return {
    add(size: [number, number], ops: string) {
      const page = doc.addPage(size);
      const content = ctx.register(ctx.stream(deflated(ops), { Filter: 'FlateDecode' }));
      page.node.set(PDFName.of('Contents'), content);
      page.node.set(PDFName.of('Resources'), res);
    },
  };
}

/** A number for a content stream: two decimals of a point (7 µm) is finer than any printer. */
export const num = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * The page's operators deflated, in a buffer of their own size: zlib.deflateSync returns a view
 * of its 64 KB output chunk, so every page held 64 KB for a few KB of content, and a 20,000-tag
 * sheet peaked at 390 MB. The copy is what the document keeps; 8 KB chunks (a page's content
 * deflates to 2-6 KB) keep the garbage per page small too.
 */
export function deflated(ops: string): Uint8Array {
  return new Uint8Array(zlib.deflateSync(ops, { level: 6, chunkSize: 8 * 1024 }));
}
