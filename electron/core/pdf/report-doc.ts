import { PDFDocument, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { compactPage } from './compact-page';
import { cachingFontkit, measureOf, type FontBytes } from './fonts';

/**
 * A new report PDF (daftar hadir, daftar penerimaan, the register and other tables) with its two
 * text fonts embedded as subsets. The dates are fixed: the same data gives the same bytes, and
 * the file says nothing about when it was made beyond what its pages print.
 *
 * Pages come from `addPage`, which compacts the page before it (core/pdf/compact-page.ts): a
 * report's memory is then one page of operators and the finished pages' bytes, whatever its length.
 */
export async function reportDoc(title: string, fonts: FontBytes) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  doc.setTitle(title);
  doc.setCreator('Hadir');
  doc.setProducer('Hadir');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const regular: PDFFont = await doc.embedFont(fonts.regular, { subset: true });
  const bold: PDFFont = await doc.embedFont(fonts.bold, { subset: true });
  const measure = { regular: measureOf(fonts.regular), bold: measureOf(fonts.bold) };
  let last: PDFPage | null = null;
  const addPage = (size: [number, number]): PDFPage => {
    if (last) compactPage(doc, last);
    return (last = doc.addPage(size));
  };
  return { doc, addPage, regular, bold, measure };
}
