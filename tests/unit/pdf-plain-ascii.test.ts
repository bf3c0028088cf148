import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cachingFontkit } from '../../electron/core/pdf/fonts';

// core/pdf/fonts.ts draws printable ASCII without ff/fi/fl from the cmap, skipping fontkit's
// shaping. That is right only while the bundled fonts shape such text to exactly those glyphs:
// every pair and thousands of random strings are laid out both ways here, for every font a PDF
// uses, and must give the same glyphs and widths. A font with other ASCII features fails this.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
const DIR = path.resolve(__dirname, '../../resources/fonts');
const FONTS = fs.readdirSync(DIR).filter((f) => f.endsWith('.ttf'));
const ids = (run: { glyphs: { id: number; advanceWidth: number }[] }) => run.glyphs.map((g) => `${g.id}:${g.advanceWidth}`).join(' ');

describe('plain ASCII drawn from the cmap', () => {
  it.each(FONTS)('%s: the same glyphs and widths as fontkit shaping', (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, file)));
    const fast = cachingFontkit.create(bytes);
    const shaped = fontkit.create(Buffer.from(bytes));
    const texts: string[] = [];
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    for (const a of chars) for (const b of chars) texts.push(a + b);
    let seed = 21;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 4000; i++)
      texts.push(Array.from({ length: 3 + Math.floor(rand() * 12) }, () => chars[Math.floor(rand() * 95)]).join(''));
    texts.push('Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.', 'Efendi Saifudin Arif', 'official fluffy');
    const bad = texts.filter((t) => ids(fast.layout(t)) !== ids(shaped.layout(t)));
    expect(bad).toEqual([]);
  });
});
