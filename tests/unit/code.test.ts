import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, newBadgeCode, randomCode } from '../../electron/core/participants/code';

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
});
