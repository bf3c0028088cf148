import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, newBadgeCode, randomCode, redrawTaken } from '../../electron/core/participants/code';

describe('badge codes', () => {
  it('are 8 Crockford base-32 characters: no I, L, O or U to misread at the desk', () => {
    for (let i = 0; i < 2000; i++) expect(newBadgeCode(() => false)).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(CODE_LENGTH).toBe(8);
  });

  it('draw fresh randomness across refills of the byte pool: 20,000 long codes, all different, every letter used', () => {
    // 12 characters (60 bits) so that a chance collision is ~1e-10, not a flaky test.
    const codes = Array.from({ length: 20_000 }, () => randomCode(12));
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('try again while the code is taken', () => {
    const taken = new Set<string>();
    let asked = 0;
    const code = newBadgeCode((c) => (asked++ < 3 ? (taken.add(c), true) : taken.has(c)));
    expect(asked).toBe(4);
    expect(taken.has(code)).toBe(false);
  });

  it('for a batch: those found taken are drawn again and asked again, until none is', () => {
    const rows = Array.from({ length: 50 }, () => ({ code: newBadgeCode(() => false) }));
    const first = rows.map((r) => r.code);
    const drawn = new Set(first);
    const stored = new Set([first[3]!, first[17]!]);
    const asked: string[][] = [];
    redrawTaken(rows, drawn, (codes) => {
      asked.push(codes);
      // The first redraw of row 3 is found taken too: it is drawn a third time.
      if (asked.length === 2) stored.add(codes[0]!);
      return new Set(codes.filter((c) => stored.has(c)));
    });
    expect(asked.map((a) => a.length)).toEqual([50, 2, 1]);
    const now = rows.map((r) => r.code);
    expect(now.filter((c) => stored.has(c))).toEqual([]);
    expect(new Set(now).size).toBe(50);
    expect(now.filter((c, i) => c !== first[i]).length).toBe(2);
  });
});
