import type { Font } from 'fontkit';

type Run = ReturnType<Font['layout']>;
type LayoutFn = (text: string, features?: unknown) => Run;

/**
 * fontkit's GPOS mark positioning throws on some combining marks the fonts carry without an
 * anchor (Noto Sans + U+0337 "Za̷b", U+0338: `Cannot read properties of null (reading
 * 'xCoordinate')`). pdf-lib lays text out through the same call to measure and to encode it, so
 * one such name used to fail a whole print batch for everyone. Here a layout that throws is
 * retried without mark positioning (the mark then sits where its advance puts it, which is how
 * the name was typed), and as a last resort with no shaping at all (one glyph per code point).
 * Either way the name prints and the batch goes on; what the fonts cannot draw is reported by
 * cmap-coverage.ts, not by a crash.
 */
export function safeLayout(font: Font, layout: LayoutFn): LayoutFn {
  return (text, features) => {
    try {
      return layout(text, features);
    } catch {
      try {
        return layout(text, { ...featureObject(features), mark: false, mkmk: false });
      } catch {
        return unshaped(font, text);
      }
    }
  };
}

/** pdf-lib passes features as undefined, an array of tags, or an object of tag → on/off. */
function featureObject(features: unknown): Record<string, boolean> {
  if (Array.isArray(features)) return Object.fromEntries(features.map((f) => [String(f), true]));
  if (features && typeof features === 'object') return { ...(features as Record<string, boolean>) };
  return {};
}

/** One glyph per code point with its own advance: what the font has, without OpenType. */
function unshaped(font: Font, text: string): Run {
  const glyphs = font.glyphsForString(text);
  const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  return { glyphs, positions } as unknown as Run;
}
