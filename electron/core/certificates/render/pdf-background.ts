import { degrees, PDFDocument, type PDFEmbeddedPage, type PDFPage } from '@cantoo/pdf-lib';

/**
 * The organiser's one-page PDF background, embedded as a Form XObject the way a PDF viewer shows
 * the page:
 * - only the finished page: the TrimBox (else CropBox, else MediaBox), so a Canva "PDF Print"
 *   with bleed and crop marks is not shrunk and shifted by its margins;
 * - turned by the page's /Rotate, so a portrait page turned to landscape (Word, scanners) lies
 *   as the organiser saw it, not on its side.
 */
export interface PdfBackground {
  form: PDFEmbeddedPage;
  /** Clockwise quarter turns the viewer applies: 0, 90, 180 or 270. */
  rotation: number;
  /** Size as shown (after the rotation), in points. */
  width: number;
  height: number;
}

export async function embedPdfBackground(doc: PDFDocument, bytes: Uint8Array): Promise<PdfBackground> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = src.getPage(0);
  const r = page.getTrimBox();
  const box = {
    left: Math.min(r.x, r.x + r.width),
    bottom: Math.min(r.y, r.y + r.height),
    right: Math.max(r.x, r.x + r.width),
    top: Math.max(r.y, r.y + r.height),
  };
  const form = await doc.embedPage(page, box);
  const rotation = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const turned = rotation === 90 || rotation === 270;
  return { form, rotation, width: turned ? form.height : form.width, height: turned ? form.width : form.height };
}

/**
 * Draws the background to cover the page, centred, keeping its aspect ratio (what overflows is cut
 * by the page edge). pdf-lib turns counter-clockwise about (x, y), so a clockwise /Rotate is a
 * negative angle and the origin moves to the corner where the form's own origin lands.
 */
export function drawPdfCover(page: PDFPage, bg: PdfBackground): void {
  const { width: W, height: H } = page.getSize();
  const s = Math.max(W / bg.width, H / bg.height);
  const ox = (W - bg.width * s) / 2;
  const oy = (H - bg.height * s) / 2;
  const w = bg.form.width * s;
  const h = bg.form.height * s;
  const origin: Record<number, [number, number]> = {
    0: [ox, oy],
    90: [ox, oy + w],
    180: [ox + w, oy + h],
    270: [ox + h, oy],
  };
  const [x, y] = origin[bg.rotation]!;
  page.drawPage(bg.form, { x, y, xScale: s, yScale: s, rotate: degrees(-bg.rotation) });
}
