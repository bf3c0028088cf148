// core/pdf/fit-text.ts with the tag fonts' real widths: spaces first, a word cut only when it is
// too wide for the box at the floor, never past the box, never between a letter and its mark.
import { describe, expect, it } from 'vitest';
import { fontMeasures } from '../../electron/core/badges/render-pdf';
import { fitText, HYPHEN, joinLines } from '../../electron/core/pdf/fit-text';
import { mm } from '../../electron/core/pdf/geometry';
import { fixtureBadges, WORD_61 } from '../helpers/badge-people';
import { FONTS } from '../helpers/badge-scan';

const { bold } = fontMeasures(FONTS);
/** The A4 cards' text column beside the 42 mm QR, and the name's settings there. */
const COLUMN = { width: 37, height: 30, maxSize: 17, minSize: 10, maxLines: 5, measure: bold, breakWords: true };

function check(text: string, o: typeof COLUMN) {
  const f = fitText(text, o);
  const lines = f.lines.map((t, i) => ({ text: t, cont: f.cont?.[i] }));
  expect(joinLines(lines)).toBe(text.trim().replace(/\s+/g, ' '));
  f.lines.forEach((l, i) => {
    const w = mm((bold(l) + (f.hyphen?.[i] ? HYPHEN.advance : 0)) * f.size);
    expect(w, `"${l}" at ${f.size} pt`).toBeLessThanOrEqual(o.width + 1e-9);
  });
  expect(f.lines.length).toBeLessThanOrEqual(o.maxLines);
  expect(f.height).toBeLessThanOrEqual(o.height + 1e-9);
  return f;
}

describe('fitText: breaking inside a word', () => {
  it('never cuts a word of the fixture: every name there fits at its floor by its spaces', async () => {
    for (const b of await fixtureBadges()) {
      const f = check(b.name, COLUMN);
      expect(f.cont, b.name).toBeUndefined();
      expect(f.lines.join(' '), b.name).toBe(b.name);
    }
  });

  it('cuts the 61-letter word into lines at 10 pt or more, each but the last with a hyphen', () => {
    const f = check(WORD_61, COLUMN);
    expect(f.size).toBeGreaterThanOrEqual(10);
    expect(f.lines.length).toBeGreaterThan(1);
    expect(f.cont).toEqual(f.lines.map((_, i) => i < f.lines.length - 1));
    expect(f.hyphen).toEqual(f.cont);
    // Without breakWords, as before: one line, about 3 pt.
    expect(fitText(WORD_61, { ...COLUMN, breakWords: false }).size).toBeLessThan(4);
  });

  it('cuts an e-mail address after a dot or the @ where one is near the end of a line, without a hyphen there', () => {
    const mail = 'nurhasanah.kusumawardhani.lampungselatan@dinsos.lampungprov.go.id';
    const f = check(mail, { ...COLUMN, width: 56 });
    expect(f.size).toBeGreaterThanOrEqual(10);
    f.lines.slice(0, -1).forEach((l, i) => expect(f.hyphen![i], l).toBe(!/[.@]$/.test(l)));
    expect(f.lines.slice(0, -1).some((l) => /[.@]$/.test(l))).toBe(true);
  });

  it('keeps spaces first: only the word too wide is cut, its neighbours stay whole', () => {
    const name = 'Ida Bagus Ngurah Hutagalungsimanjuntakpangaribuanwiswakarma Putra';
    const f = check(name, COLUMN);
    const whole = ['Ida', 'Bagus', 'Ngurah', 'Putra'];
    const pieces = f.lines.flatMap((l) => l.split(' '));
    for (const w of whole) expect(pieces, w).toContain(w);
  });

  it('never separates a letter from its combining mark', () => {
    const word = 'Nguye\u0302\u0303n'.repeat(8); // "Nguyễn" with the marks typed apart, 8 times, no space
    const f = check(word, COLUMN);
    expect(f.lines.length).toBeGreaterThan(1);
    for (const l of f.lines) expect(/^\p{M}/u.test(l), l).toBe(false);
  });
});
