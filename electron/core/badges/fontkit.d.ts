// fontkit ships no types; this is the little of it the badge renderer uses.
declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    layout(text: string): { glyphs: Glyph[] };
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
