import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'fontkit';
import { INVISIBLE } from '../../shared/visible-text';
import { ARABIC_FONT, drawsInArabic } from './arabic-names';

/**
 * Which characters of a name the bundled fonts cannot draw (they would print as empty boxes):
 * the one place badges, certificates, the daftar hadir and the import ask. A character counts as
 * drawable only when every font a name is printed in has it (Noto Sans for the tag and the
 * daftar hadir, Noto Serif Bold for the certificate), read from the fonts' cmap tables.
 * Characters that draw nothing (spaces, joiners, variation selectors) are never reported.
 */
export interface Coverage {
  /** The distinct characters of `text` no font can draw, in order of appearance. */
  missing(text: string): string[];
}

/** The fonts names are printed in (resources/fonts; README.md there says which is used where). */
export const NAME_FONTS = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSerif-Bold.ttf'] as const;

const cache = new Map<string, Coverage>();

export function nameCoverage(resourcesDir: string): Coverage {
  let c = cache.get(resourcesDir);
  if (!c) {
    // fontkit required here, on first use, as in fonts.ts: every module that imports this one (the
    // participants' and check-in's walk-in among them) would otherwise load it (~0.15 s) at start-up.
    const { create } = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
    const fonts = NAME_FONTS.map((f) => create(fs.readFileSync(path.join(resourcesDir, 'fonts', f))) as Font);
    const base = coverageOf(fonts);
    // A name in Arabic script is drawn in the Arabic fallback (arabic-names.ts): nothing missing.
    const arabic = new Uint8Array(fs.readFileSync(path.join(resourcesDir, 'fonts', ARABIC_FONT.bold)));
    c = { missing: (text) => (drawsInArabic(text, arabic) ? [] : base.missing(text)) };
    cache.set(resourcesDir, c);
  }
  return c;
}

/** Coverage over fonts already parsed: a code point is drawable when each font's cmap has it. */
export function coverageOf(fonts: Font[]): Coverage {
  const known = new Map<number, boolean>();
  const drawable = (cp: number) => {
    let v = known.get(cp);
    if (v === undefined) known.set(cp, (v = fonts.every((f) => f.hasGlyphForCodePoint(cp))));
    return v;
  };
  return {
    missing(text) {
      const out: string[] = [];
      for (const ch of text) {
        if (INVISIBLE.test(ch) || drawable(ch.codePointAt(0)!) || out.includes(ch)) continue;
        out.push(ch);
      }
      return out;
    },
  };
}

/** People whose names have characters the fonts cannot draw, with those characters: for a warning. */
export function undrawableNames<T extends { name: string }>(people: T[], coverage: Coverage): (T & { missing: string[] })[] {
  const out: (T & { missing: string[] })[] = [];
  for (const p of people) {
    const missing = coverage.missing(p.name);
    if (missing.length) out.push({ ...p, missing });
  }
  return out;
}
