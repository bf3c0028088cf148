import { rgb, setCharacterSpacing, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import type { PtBox } from './geometry';
import type { Line, Measure } from './text-layout';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export const INK = rgb(0.12, 0.12, 0.14);
export const NAVY = rgb(0.106, 0.165, 0.29);
export const GOLD = rgb(0.69, 0.553, 0.235);

export const measurer =
  (fonts: Fonts): Measure =>
  (text, bold) =>
    (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(text, 1);

export type Align = 'left' | 'center' | 'right';

const startX = (box: PtBox, width: number, align: Align) =>
  align === 'left' ? box.x : align === 'right' ? box.x + box.w - width : box.x + (box.w - width) / 2;

/**
 * Baseline of line `i` of `n`, the block centred vertically in the box. 0.35 × size below a
 * line's middle puts the middle of capitals and lower case on it for these serif faces.
 */
export function baselines(box: PtBox, n: number, size: number, gap: number): number[] {
  const blockTop = box.top - (box.h - n * size * gap) / 2;
  return Array.from({ length: n }, (_, i) => blockTop - (i + 0.5) * size * gap - 0.35 * size);
}

/** Draws wrapped lines (with bold runs) in a box. */
export function drawLines(
  page: PDFPage,
  lines: Line[],
  box: PtBox,
  size: number,
  align: Align,
  fonts: Fonts,
  color: RGB = INK,
  gap = 1.3,
  plain: PDFFont = fonts.regular,
): void {
  const ys = baselines(box, lines.length, size, gap);
  lines.forEach((line, i) => {
    let x = startX(box, line.width * size, align);
    for (const run of line.runs) {
      const font = run.bold ? fonts.bold : plain;
      page.drawText(run.text, { x, y: ys[i]!, size, font, color });
      x += font.widthOfTextAtSize(run.text, size);
    }
  });
}

/** One line of text, shrunk to fit the box width if needed; optional letter spacing (em). */
export function drawFitted(
  page: PDFPage,
  text: string,
  box: PtBox,
  maxSize: number,
  font: PDFFont,
  align: Align,
  color: RGB = INK,
  tracking = 0,
): { size: number; width: number; baseline: number } {
  const w1 = font.widthOfTextAtSize(text, 1) + tracking * Math.max(0, [...text].length - 1);
  const size = Math.max(4, Math.min(maxSize, box.w / w1, box.h / 1.15));
  const width = w1 * size;
  const baseline = baselines(box, 1, size, 1.15)[0]!;
  if (tracking) page.pushOperators(setCharacterSpacing(tracking * size));
  page.drawText(text, { x: startX(box, width, align), y: baseline, size, font, color });
  if (tracking) page.pushOperators(setCharacterSpacing(0));
  return { size, width, baseline };
}

export const alignedX = startX;
