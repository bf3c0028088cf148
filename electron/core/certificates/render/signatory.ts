import type { PDFImage, PDFPage } from '@cantoo/pdf-lib';
import type { FieldBox, Signatory } from '../../../shared/certificates';
import { alignedX, drawLines, INK, measurer, type Fonts } from './draw-text';
import { PT_PER_MM, type PtBox } from './geometry';
import { wrapRuns } from './text-layout';

/** "19650101 199003 1 012": the NIP in the groups it is written in (birth date, appointment, sex, serial). */
export function formatNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

/** The block's size and lines: the text shrinks (from the field's size) until it fits the box. */
function fit(s: Signatory, field: FieldBox, box: PtBox, fonts: Fonts, titleLines: number) {
  const measure = measurer(fonts);
  const layout = (sz: number) => {
    const title = wrapRuns([{ text: s.title, bold: false }], box.w / sz, measure).slice(0, 3);
    const reserved = Math.max(title.length, Math.min(titleLines, 3));
    const after = [s.rank, s.nip ? `NIP. ${formatNip(s.nip)}` : ''].filter(Boolean);
    const lineH = sz * 1.3;
    const space = Math.max(14 * PT_PER_MM, sz * 4.5);
    return { title, reserved, after, lineH, space, height: reserved * lineH + space + (1 + after.length) * lineH };
  };
  let size = field.size;
  let l = layout(size);
  while (l.height > box.h && size > 6) l = layout((size -= 0.5));
  return { size, l };
}

/** How many lines the position takes in this block (at most three). */
export function signatoryTitleLines(s: Signatory, field: FieldBox, box: PtBox, fonts: Fonts): number {
  return fit(s, field, box, fonts, 0).l.title.length;
}

/**
 * The signature block as an office signs: position (up to three lines), space for the
 * signature (or the scanned signature image), name with titles in bold and underlined,
 * pangkat/golongan, NIP. Laid out from the top of the box; the text shrinks if the box is short.
 * `titleLines` reserves that many lines for the position, so two blocks side by side put their
 * names on one line even when one position is longer.
 */
export function drawSignatory(
  page: PDFPage,
  s: Signatory,
  field: FieldBox,
  box: PtBox,
  fonts: Fonts,
  signature: PDFImage | null,
  titleLines = 0,
): void {
  const { size, l } = fit(s, field, box, fonts, titleLines);

  let y = box.top;
  const titleBox: PtBox = { x: box.x, w: box.w, h: l.title.length * l.lineH, top: y, y: y - l.title.length * l.lineH };
  drawLines(page, l.title, titleBox, size, field.align, fonts, INK, 1.3);
  y -= l.reserved * l.lineH;

  if (signature) {
    const maxW = box.w * 0.8;
    const maxH = l.space * 0.95;
    const scale = Math.min(maxW / signature.width, maxH / signature.height);
    const w = signature.width * scale;
    const h = signature.height * scale;
    page.drawImage(signature, { x: alignedX(box, w, field.align), y: y - l.space + (l.space - h) / 2, width: w, height: h });
  }
  y -= l.space;

  const nameW = fonts.bold.widthOfTextAtSize(s.name, size);
  const nameSize = nameW > box.w ? (size * box.w) / nameW : size;
  const nameWidth = fonts.bold.widthOfTextAtSize(s.name, nameSize);
  const nx = alignedX(box, nameWidth, field.align);
  const base = y - l.lineH * 0.75;
  page.drawText(s.name, { x: nx, y: base, size: nameSize, font: fonts.bold, color: INK });
  page.drawLine({
    start: { x: nx, y: base - nameSize * 0.18 },
    end: { x: nx + nameWidth, y: base - nameSize * 0.18 },
    thickness: 0.7,
    color: INK,
  });
  y -= l.lineH;
  for (const text of l.after) {
    const w = Math.min(fonts.regular.widthOfTextAtSize(text, size), box.w);
    const sz = Math.min(size, (size * box.w) / fonts.regular.widthOfTextAtSize(text, size));
    page.drawText(text, { x: alignedX(box, w, field.align), y: y - l.lineH * 0.75, size: sz, font: fonts.regular, color: INK });
    y -= l.lineH;
  }
}
