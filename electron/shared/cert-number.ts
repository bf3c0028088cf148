// Certificate numbers from the organiser's pattern, e.g. `{seq:03}/PSM/DINSOS/{month:roman}/{year}`
// → "001/PSM/DINSOS/IX/2022". Pure; shared/certificates.ts validates the pattern.
import { asciiField } from './cert-claim';

/**
 * A certificate number as the QR carries it: the claim writes it through claimField (whitespace
 * runs, no-break and ideographic spaces become one space; "|" and control characters a space;
 * trimmed) and percent-escapes, so "001/PSM  DINSOS" is read back from the QR as "001/PSM DINSOS".
 * The one place numbers are compared: the revocation lookup (kiosk and verify.html) matches on
 * this form, a pattern must equal its own normal form, and every new number is made in it.
 * A revoked "A  1" compared as stored with the QR's "A 1" once verified as authentic (issue 18, 4).
 */
export function normaliseNumber(s: string): string {
  // asciiField escapes whole UTF-8 characters (a lone surrogate as U+FFFD): always decodable.
  return decodeURIComponent(asciiField(s));
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/**
 * Fills the pattern for sequence number `seq` on the signing date `date` (YYYY-MM-DD).
 * Office letters number the month in Roman numerals (IX for September), hence {month:roman}.
 */
export function formatNumber(pattern: string, seq: number, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return normaliseNumber(fill(pattern, seq, y, m, d));
}

function fill(pattern: string, seq: number, y: number, m: number, d: number): string {
  return pattern.replace(/\{(\w+)(?::(\w+))?\}/g, (token, name: string, fmt: string | undefined) => {
    switch (name) {
      case 'seq':
        return fmt ? String(seq).padStart(Number(fmt), '0') : String(seq);
      case 'day':
        return fmt ? String(d).padStart(2, '0') : String(d);
      case 'month':
        return fmt === 'roman' ? roman(m) : fmt ? String(m).padStart(2, '0') : String(m);
      case 'year':
        return fmt === '2' ? String(y % 100).padStart(2, '0') : String(y);
      default:
        return token;
    }
  });
}
