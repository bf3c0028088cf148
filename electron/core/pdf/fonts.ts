import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import type { Measure } from './fit-text';
import { safeLayout } from './safe-layout';

/** The tag fonts' bytes: plain data, so the renderer can run in a worker that has no files. */
export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  /** Names in Arabic script (core/pdf/arabic-names.ts); without it they print as boxes. */
  arabic?: Uint8Array;
}

/** Noto Sans (full Latin: ñ, é, ş, Vietnamese, ...) and Noto Naskh Arabic for Arabic names, OFL; resources/fonts/OFL.txt. */
export function loadBadgeFonts(resourcesDir: string): FontBytes {
  const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(resourcesDir, 'fonts', f)));
  // Named here, not imported from core/pdf/arabic-names.ts, which imports this file.
  return { regular: read('NotoSans-Regular.ttf'), bold: read('NotoSans-Bold.ttf'), arabic: read('NotoNaskhArabic-Bold.ttf') };
}

const parsed = new WeakMap<Uint8Array, Font>();

/**
 * fontkit, required on first use: loading it costs ~0.15 s, which a CLI check-in (no PDF) would
 * otherwise pay at start-up. Synchronous, because pdf-lib calls `create` synchronously.
 */
function fontkitCreate(data: Buffer, postscriptName?: string): Font {
  const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
  return fontkit.create(data, postscriptName) as Font;
}

/**
 * fontkit with a cache: parsing a 500 KB font costs ~20 ms, and a walk-in's single tag must come
 * out fast. pdf-lib calls `create` once per embed; the same bytes give the same parsed font.
 */
export const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string): Font {
    let f = parsed.get(data);
    if (!f) {
      f = memoiseLayout(keepCharacters(fontkitCreate(Buffer.from(data.buffer, data.byteOffset, data.byteLength), postscriptName)));
      parsed.set(data, f);
    }
    return f;
  },
};

/**
 * fontkit keeps every glyph it makes, with the characters asked for the first time. Writing a
 * subset makes a composite's parts (ć is c + acute) with none, and pdf-lib writes the text behind
 * each glyph (ToUnicode) from those characters: once a PDF with "ć" and no "c" was written, every
 * later PDF of this long-lived font drew "c" with no text behind it (search, copy and pdftotext
 * read "Wolfes hlegel"). A glyph made without characters takes them from the first caller that
 * knows them (tests/unit/pdf-glyph-text.test.ts).
 */
function keepCharacters(font: Font): Font {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints?.length && glyph && !glyph.codePoints.length) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

/**
 * fontkit's layout (OpenType shaping) is most of the time a PDF of many short texts takes
 * (measured: ~60% of a 600-row daftar hadir), and the same texts recur: roles, regencies,
 * institutions, and every text once to measure and once to draw. pdf-lib and our measures only
 * read the glyph runs, so one run per distinct text can be shared. Bounded, for a long batch.
 */
function memoiseLayout(font: Font): Font {
  // Through safeLayout: a combining mark fontkit cannot position never fails a batch.
  const layout = safeLayout(font, font.layout.bind(font));
  const plain = plainAscii(font);
  const runs = new Map<string, ReturnType<Font['layout']>>();
  font.layout = ((text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      // 5,000 runs (~10 MB): what recurs (roles, regencies, words) stays; a long batch's unique
      // names do not pile up (20,000 held ~40 MB on a 20,000-tag sheet).
      if (runs.size >= 5_000) runs.clear();
      runs.set(text, (run = plain && PLAIN_ASCII.test(text) && !F_LIGATURE.test(text) ? plain(text) : layout(text)));
    }
    return run;
  }) as Font['layout'];
  return font;
}

/** Printable ASCII, and the only sequences of it the Noto fonts' default features change: ff, fi, fl. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const F_LIGATURE = /f[fil]/;

/**
 * For the bundled Noto fonts, printable ASCII without an f-ligature shapes to exactly the glyphs
 * of the cmap with their advance widths (tests/unit/pdf-plain-ascii.test.ts checks every pair and
 * thousands of random strings against fontkit's layout), so those texts skip OpenType shaping,
 * which was the largest cost of a badge sheet after the page writing (a badge code's two words are
 * new on every tag). Any other font always goes through fontkit's layout.
 */
function plainAscii(font: Font): ((text: string) => ReturnType<Font['layout']>) | null {
  if (!/^Noto(Sans|Serif)-/.test(font.postscriptName ?? '')) return null;
  return (text) => {
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    return { glyphs, positions } as unknown as ReturnType<Font['layout']>;
  };
}

/**
 * Text width in ems exactly as pdf-lib will draw it: the sum of the advance widths of fontkit's
 * layout (pdf-lib draws no kerning). Cached per word, since names repeat their words a lot;
 * bounded, since every tag's badge code brings two words never seen before (unbounded, the
 * cache grew with the number of people on a congress sheet).
 */
export function measureOf(data: Uint8Array): Measure {
  const font = cachingFontkit.create(data);
  const cache = new Map<string, number>();
  const word = (w: string) => {
    let v = cache.get(w);
    if (v === undefined) {
      if (cache.size >= 10_000) cache.clear();
      v = font.layout(w).glyphs.reduce((s, g) => s + g.advanceWidth, 0) / font.unitsPerEm;
      cache.set(w, v);
    }
    return v;
  };
  const space = word(' ');
  return (text) => {
    const words = text.split(' ');
    let w = space * (words.length - 1);
    for (const x of words) w += word(x);
    return w;
  };
}
