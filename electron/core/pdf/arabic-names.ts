import { cachingFontkit } from './fonts';
import { INVISIBLE } from '../../shared/visible-text';

/** The fallback for names in Arabic script (resources/fonts/README.md): Noto Naskh Arabic, OFL. */
export const ARABIC_FONT = { regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' } as const;

const ARABIC = /\p{Script=Arabic}/u;

/**
 * Whether a name is drawn in the Arabic fallback font: it has Arabic letters and the font has
 * every visible character of it (Arabic letters and marks, spaces, digits, common punctuation).
 * The whole name is then one run: fontkit shapes it (joining forms, lam-alef) and returns the
 * glyphs right to left, which pdf-lib draws as they come. A name mixing Arabic with Latin
 * letters is not (the fallback has no Latin letters, and a mixed run would need bidi
 * reordering): it prints in Noto Sans/Serif, its Arabic letters as boxes, and stays warned.
 */
export function drawsInArabic(text: string, font: Uint8Array | undefined): boolean {
  if (!font || !ARABIC.test(text)) return false;
  const f = cachingFontkit.create(font);
  for (const ch of text) {
    if (INVISIBLE.test(ch)) continue;
    if (!f.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
  }
  return true;
}
