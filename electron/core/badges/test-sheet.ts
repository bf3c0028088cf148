import {
  PDFDocument,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingGrayscaleColor,
  stroke,
  type PDFOperator,
} from '@cantoo/pdf-lib';
import type { BadgeLayoutId, Offset } from '../../shared/badges';
import { cachingFontkit, type FontBytes } from '../pdf/fonts';
import { mm as mmOf, pt } from '../pdf/geometry';
import { SHEETS } from './sheets';

/** Where the calibration cross is drawn, in mm from the paper's top-left corner (before the offset). */
export const CROSS_MM = 20;

/**
 * The printer calibration sheet of a layout: the tag outlines and cut marks where the layout
 * will print them (so it can be held over card stock against the light), a cross 20 mm from the
 * left and top edges to measure, and millimetre rulers to check the print is at 100 % scale.
 * Pure, like the tag renderer. The offset in use is applied to everything, as it will be to the tags.
 */
export async function renderTestSheet(layout: BadgeLayoutId, offset: Offset, fonts: FontBytes): Promise<Uint8Array> {
  const sheet = SHEETS[layout];
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  doc.setTitle(`Hadir: kalibrasi printer (${layout})`);
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const font = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const W = sheet.page.w;
  const H = sheet.page.h;
  const page = doc.addPage([pt(W), pt(H)]);
  const X = (x: number) => pt(x + offset.x);
  const Y = (y: number) => pt(H) - pt(y + offset.y);
  const ops: PDFOperator[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) => ops.push(moveTo(X(x1), Y(y1)), lineTo(X(x2), Y(y2)));
  const flush = (width: number, grey: number) => {
    page.pushOperators(
      pushGraphicsState(),
      setStrokingGrayscaleColor(grey),
      setLineWidth(width),
      ...ops.splice(0),
      stroke(),
      popGraphicsState(),
    );
  };
  const small = W < 100;
  const text = (s: string, x: number, y: number, size: number, f = font) =>
    page.drawText(s, { x: X(x), y: Y(y), size, font: f, color: rgb(0, 0, 0) });

  // Tag outlines (light) and cut marks (as on the tags' sheet).
  for (const s of sheet.slots) {
    line(s.x, s.y, s.x + s.w, s.y);
    line(s.x + s.w, s.y, s.x + s.w, s.y + s.h);
    line(s.x + s.w, s.y + s.h, s.x, s.y + s.h);
    line(s.x, s.y + s.h, s.x, s.y);
  }
  flush(0.3, 0.6);
  for (const l of sheet.cutMarks) line(l.x1, l.y1, l.x2, l.y2);
  flush(0.4, 0);

  // The cross to measure from the paper's edges.
  const c = CROSS_MM;
  line(c - 8, c, c + 8, c);
  line(c, c - 8, c, c + 8);
  flush(0.5, 0);

  // Rulers: millimetre ticks, labelled with their distance from the paper's left or top edge.
  const ry = small ? 40 : 45;
  for (let x = 10; x <= W - 10; x++) line(x, ry, x, ry - (x % 10 === 0 ? 4 : x % 5 === 0 ? 2.5 : 1.5));
  line(10, ry, W - 10, ry);
  const rx = small ? 8 : 12;
  for (let y = 60; y <= H - 10; y++) line(rx, y, rx + (y % 10 === 0 ? 4 : y % 5 === 0 ? 2.5 : 1.5), y);
  line(rx, 60, rx, H - 10);
  flush(0.3, 0);
  const lab = small ? 4 : 5;
  for (let x = 10; x <= W - 10; x += 10) text(String(x), x - (x >= 100 ? 2 : 1.3), ry + 3, lab);
  for (let y = 60; y <= H - 10; y += 10) text(String(y), rx + 5, y + 1, lab);

  const roll = [
    ['Kalibrasi / Calibration', true],
    [`${layout}: X ${offset.x} mm, Y ${offset.y} mm`, false],
    [`Tepi kiri ke garis + / left edge to +: ${c} mm`, false],
    [`${c + 1.5} mm: X = -1,5. Y: dari tepi atas / from top`, false],
  ] as const;
  const full = [
    ['Kalibrasi printer / Printer calibration', true],
    [`Tata letak / Layout: ${layout}. Geser saat ini / Offset now: X ${offset.x} mm, Y ${offset.y} mm`, false],
    [`Ukur dari tepi kiri kertas ke garis tegak tanda +: seharusnya ${c} mm.`, false],
    [`Measure from the paper's left edge to the cross's vertical line: it should be ${c} mm.`, false],
    [`Jika ${c + 1.5} mm, isi X = -1,5; jika ${c - 1} mm, isi X = 1. Begitu pula Y dari tepi atas.`, false],
    [`If ${c + 1.5} mm, enter X = -1.5; if ${c - 1} mm, enter X = 1. Likewise Y from the top edge.`, false],
    ['Penggaris harus cocok dengan penggaris asli (skala 100 %). / The rulers must match a real ruler (100 % scale).', false],
  ] as const;
  const lines = small ? roll : full;
  // The notes right of the cross (below the ruler on a narrow label), as large as fits (up to 7 pt).
  const left = small ? 4 : c + 12;
  const top = small ? ry + 9 : c - 6;
  const widest = Math.max(...lines.map(([s, b]) => (b ? bold : font).widthOfTextAtSize(s, 1)));
  const size = Math.min(7, pt(W - left - 4) / widest);
  lines.forEach(([s, b], i) => text(s, left, top + i * mmOf(size) * 1.3, size, b ? bold : font));
  return doc.save({ useObjectStreams: true });
}
