import type { PDFFont } from '@cantoo/pdf-lib';

// A font as the certificate renderer writes with it: its resource key on the page, and the
// layouts it has already measured, so a string is shaped by fontkit once, not for every measure.

export interface PageFont {
  font: PDFFont;
  key: string;
  /** Layout widths (text units at size 1000) of this page's strings: see widthAt. */
  page: Map<string, number>;
  /** The same for strings that repeat across a batch (a regency): widths and glyph codes. */
  batch: Map<string, number>;
  codes: Map<string, string>;
}

export function pageFont(font: PDFFont, key: string): PageFont {
  return { font, key, page: new Map(), batch: new Map(), codes: new Map() };
}

/**
 * `font.widthOfTextAtSize(text, size)`, bit for bit, with the font's layout (fontkit shaping,
 * the costliest step of a page after the QR) done once per string: pdf-lib computes
 * `total * (size / 1000)`, and at size 1000 it returns `total` itself.
 */
export function widthAt(f: PageFont, text: string, size: number, memo: Map<string, number> = f.page): number {
  let total = memo.get(text);
  if (total === undefined) memo.set(text, (total = f.font.widthOfTextAtSize(text, 1000)));
  return total * (size / 1000);
}

/** encodeText for a string that repeats across the batch: the same text gives the same glyph codes. */
export function encodeRepeated(f: PageFont, text: string): string {
  let hex = f.codes.get(text);
  if (hex === undefined) f.codes.set(text, (hex = f.font.encodeText(text).toString()));
  return hex;
}
