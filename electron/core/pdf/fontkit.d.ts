// fontkit ships no types; this is the little of it the PDF renderers use (badges, core/pdf).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface Font {
    postscriptName?: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphsForString(text: string): Glyph[];
    getGlyph(id: number, codePoints?: number[]): Glyph;
    layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: GlyphPosition[]; direction?: string };
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
