// The page `hadir doctor` (and the "Cek perangkat" screen) has a fresh job worker render: what a
// name tag needs, and no more. The point of the check is "can this laptop make a PDF in the
// background before the event": a worker thread starts from the job entry, loads pdf-lib and
// fontkit, parses the bundled tag font, embeds it as a subset, draws a QR the way a tag does
// (module runs as raw operators) and writes the file the way a tag sheet is written
// (StreamedPdf: each page deflated as it finishes). The calibration sheet did the same with 150
// ruler ticks, 40 labels and both fonts, and its "Offset" made fontkit read the font's whole GPOS
// table (the ff ligature): 0.7–1.2 s of `hadir doctor` where this takes a fraction (issue 21
// item 5; docs/engineering/cli-start.md). Pure, like every job kind: bytes in, bytes out.
import { PDFDocument } from '@cantoo/pdf-lib';
import { cachingFontkit, type FontBytes } from '../pdf/fonts';
import { pt } from '../pdf/geometry';
import { moduleRunOperators } from '../pdf/qr-operators';
import { num } from '../pdf/raw-pages';
import { StreamedPdf } from '../pdf/streamed-pdf';
import { QR_MODULES, QR_QUIET_MODULES, qrRects } from '../qr/qr-modules';

/** The line the page carries, in the tag font (pdftotext reads it back in the tests). */
export const DOCTOR_PAGE_TEXT = 'Hadir: cek perangkat / device check';
/** What the page's QR carries: a badge-shaped text (HD, a 4-character tag, an 8-character code), so it is drawn as a tag's is. */
export const DOCTOR_PAGE_QR = 'HDCEK0PERANGKT';

/** A6, as the single-tag layout: one QR 30 mm wide under one line of text. */
const PAGE = { w: 105, h: 148 };
const QR_MM = 30;

export async function renderDoctorPage(fonts: Pick<FontBytes, 'regular'>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  doc.setTitle('Hadir: cek perangkat');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const font = await doc.embedFont(fonts.regular, { subset: true });
  const pdf = new StreamedPdf(doc, { Font: { FR: font.ref } });
  const H = pt(PAGE.h);
  const size = 10;
  const textX = (pt(PAGE.w) - font.widthOfTextAtSize(DOCTOR_PAGE_TEXT, size)) / 2;
  const module = pt(QR_MM) / (QR_MODULES + 2 * QR_QUIET_MODULES);
  const qrX = (pt(PAGE.w) - module * QR_MODULES) / 2;
  const ops =
    `BT 0 0 0 rg /FR ${size} Tf 1 0 0 1 ${num(textX)} ${num(H - pt(30))} Tm <${font.encodeText(DOCTOR_PAGE_TEXT).asString()}> Tj ET\n` +
    moduleRunOperators(qrRects(DOCTOR_PAGE_QR), qrX, H - pt(40), module);
  pdf.addPage([pt(PAGE.w), H], ops);
  return pdf.finish();
}
