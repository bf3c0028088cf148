// The claim text's shape, for the three cert-claim mutants the claims group's full run of
// 7 December still let through (docs/engineering/mutation-testing.md): what reads as a claim,
// and what the verify screen calls malformed. Pure: no database, no key.
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../../electron/core/certificates/claim';
import { claimOf, claimText, parseClaim, type Claim } from '../../../electron/shared/cert-claim';

const SIG = 'A'.repeat(86);
const good: Claim = { kid: '7K2Q', number: '001/PSM/2022', name: 'Siti', days: ['2022-09-07'] };
const noKey = () => {
  throw new Error('no key is looked up for malformed text');
};

describe('claim text', () => {
  it('reads a plain claim (certificates printed before the verify address) whose number or name holds "#"', () => {
    // "#" is printable ASCII, kept as it is in a plain claim; only a verify address escapes it.
    for (const claim of [
      { ...good, number: '001/#5/PSM/2022' },
      { ...good, name: 'Siti #2' },
    ]) {
      const text = claimText(claim, SIG);
      expect(claimOf(text)).toBe(text);
      expect(parseClaim(text)).toMatchObject({ ok: true, claim });
    }
  });

  it.each([
    // Six fields, the sixth a valid date list: not this version's claim, whatever it signs.
    ['an extra field after the days', `HS1|7K2Q|001/PSM/2022|Siti|20220907|20220908|${SIG}`],
    // A nine-digit "date" first: decodeDays alone would read its first eight digits.
    ['a nine-digit date before a good one', `HS1|7K2Q|001/PSM/2022|Siti|202209079,20220908|${SIG}`],
    ['a nine-digit date alone', `HS1|7K2Q|001/PSM/2022|Siti|202209079|${SIG}`],
  ])('calls a claim with %s malformed, with no claim to show', (_what, text) => {
    expect(parseClaim(text)).toEqual({ ok: false });
    expect(checkClaim(text, noKey)).toEqual({ ok: false, reason: 'malformed' });
  });
});
