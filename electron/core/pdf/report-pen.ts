import { rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { mm, pt } from './geometry';

/**
 * The drawing the report PDFs share (daftar hadir, the speakers' sheet, daftar penerimaan, the
 * register and other tables): text and rules placed in millimetres from the page's top-left, as
 * their layouts are written, in black. `text` puts the top of the capitals at y (0.93 of the
 * size below it is the baseline); `lineH` is the line spacing the tables use for a size in pt.
 */
export function reportPen(pageH: number, font: PDFFont, ruleWidth: number) {
  const ink = rgb(0, 0, 0);
  return {
    ink,
    lineH: (size: number) => mm(size * 1.18),
    text: (page: PDFPage, s: string, x: number, y: number, size: number, f: PDFFont = font) =>
      page.drawText(s, { x: pt(x), y: pt(pageH - y) - size * 0.93, size, font: f, color: ink }),
    line: (page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness = ruleWidth) =>
      page.drawLine({ start: { x: pt(x1), y: pt(pageH - y1) }, end: { x: pt(x2), y: pt(pageH - y2) }, thickness, color: ink }),
  };
}
