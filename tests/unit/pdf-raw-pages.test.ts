import { PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { deflated, rawPages } from '../../electron/core/pdf/raw-pages';

// A badge sheet or certificate batch holds each finished page as its deflated content stream
// until save(). Each must own a buffer of its own size: zlib.deflateSync hands out a view of a
// 64 KB chunk, and 2,000 pages of a 20,000-tag sheet then held 96 MB of array buffers for 7 MB of
// content (peak RSS 390 MB against the 300 MB bound).
describe('raw PDF pages', () => {
  it('keeps each page content in a buffer of its own size', async () => {
    const doc = await PDFDocument.create();
    const pages = rawPages(doc, {});
    const ops = '0 0 0 rg 10 10 20 20 re f\n'.repeat(400);
    for (let i = 0; i < 5; i++) pages.add([100, 100], ops);
    for (const page of doc.getPages()) {
      const stream = doc.context.lookup(page.node.get(PDFName.of('Contents'))) as PDFRawStream;
      const bytes = stream.getContents();
      expect(bytes.byteLength).toBeLessThan(1000);
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
    expect(deflated('q Q').buffer.byteLength).toBe(deflated('q Q').byteLength);
  });
});
