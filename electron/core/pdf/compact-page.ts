import { PDFArray, PDFContentStream, PDFName, PDFRef, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { deflatedBytes } from './raw-pages';

/**
 * A finished page's drawing, kept as deflated bytes instead of pdf-lib's operator objects. pdf-lib
 * holds every operator of every page (an object per operator and per operand) until save(): a
 * daftar hadir or daftar penerimaan for a 5,000-person congress peaked at 445 and 600 MB, almost
 * all of it the pages' operators. The page keeps its place, fonts and resources; only its content
 * streams become the bytes save() would have written. Drawing on it again still works: pdf-lib
 * starts a new content stream after the compacted ones (the page's cached stream is let go).
 */
export function compactPage(doc: PDFDocument, page: PDFPage): void {
  const ctx = doc.context;
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  for (const ref of refs) {
    if (!(ref instanceof PDFRef)) continue;
    const stream = ctx.lookup(ref);
    if (stream instanceof PDFContentStream) ctx.assign(ref, ctx.stream(deflatedBytes(stream.getUnencodedContents()), { Filter: 'FlateDecode' }));
  }
  // pdf-lib's PDFPage caches its current content stream (private fields): a later draw must not
  // push operators into the stream that was just replaced.
  const cached = page as unknown as { contentStream?: unknown; contentStreamRef?: unknown };
  cached.contentStream = undefined;
  cached.contentStreamRef = undefined;
}
