import { PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { cachingFontkit, measureOf, type FontBytes } from './fonts';

/**
 * A new report PDF (daftar hadir, daftar penerimaan, the register and other tables) with its two
 * text fonts embedded as subsets. The dates are fixed: the same data gives the same bytes, and
 * the file says nothing about when it was made beyond what its pages print.
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
  return { doc, regular, bold, measure };
}
