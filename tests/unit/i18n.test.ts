import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../electron/core/participants/import/validate-rows';
import { ERROR_CODES } from '../../electron/shared/result';
import { id } from '../../renderer/src/i18n/id';
import { en } from '../../renderer/src/i18n/en';

describe('message catalogues', () => {
  it('word every error code in Indonesian and English', () => {
    for (const code of ERROR_CODES) {
      expect(id, code).toHaveProperty([`error.${code}`]);
      expect(en, code).toHaveProperty([`error.${code}`]);
    }
  });

  it('word every import problem code in Indonesian and English', () => {
    for (const code of PROBLEM_CODES) {
      expect(id, code).toHaveProperty([`problem.${code}`]);
      expect(en, code).toHaveProperty([`problem.${code}`]);
    }
  });

  it('have the same keys and the same {placeholders} in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(id)) {
      expect(holes(en[key as keyof typeof en]), key).toEqual(holes(text));
    }
  });
});
