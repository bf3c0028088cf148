// The badge QR is always ONE alphanumeric segment at version 1, whatever the code; and what a
// desk types by hand is read the way the payload comment promises.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../electron/core/qr/qr-modules';
import { BADGE_PREFIX, badgePayload, CODE_ALPHABET, parseBadgeText } from '../../electron/shared/badge-payload';

// --- An independent reader of a version-1 QR matrix (ISO/IEC 18004), only as far as the segment
// headers: which modes the printed symbol uses, with how many characters each. Written from the
// standard, not from the package or core/qr, so it checks what is actually printed.
const SIZE = 21;
const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];
/** Finders with separators and format areas, and the timing patterns: no data there. */
const isFunction = (r: number, c: number) =>
  (r < 9 && (c < 9 || c >= SIZE - 8)) || (r >= SIZE - 8 && c < 9) || r === 6 || c === 6;
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

interface Segment {
  mode: 'numeric' | 'alphanumeric' | 'byte' | 'other';
  count: number;
}

function readSegments(data: ArrayLike<number>): { ec: number; segments: Segment[]; text: string } {
  const at = (r: number, c: number) => data[r * SIZE + c]!;
  // Format information, first copy, down column 8 (bit i at rows 0-5, 7, 8, then 13-20).
  let format = 0;
  for (let i = 0; i < 15; i++) format |= at(i < 6 ? i : i < 8 ? i + 1 : SIZE - 15 + i, 8) << i;
  format ^= 0b101010000010010;
  const ec = format >> 13;
  const mask = MASKS[(format >> 10) & 7]!;
  // Data bits in placement order: column pairs from the right, upwards then downwards.
  const bits: number[] = [];
  let up = true;
  for (let col = SIZE - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let k = 0; k < SIZE; k++) {
      const r = up ? SIZE - 1 - k : k;
      for (const c of [col, col - 1]) if (!isFunction(r, c)) bits.push(at(r, c) ^ (mask(r, c) ? 1 : 0));
    }
    up = !up;
  }
  const dataBits = bits.slice(0, 16 * 8); // version 1-M: 16 data codewords, one block
  let p = 0;
  const take = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | (dataBits[p++] ?? 0);
    return v;
  };
  const segments: Segment[] = [];
  let text = '';
  while (p + 4 <= dataBits.length) {
    const m = take(4);
    if (m === 0) break;
    if (m === 0b0010) {
      const n = take(9);
      segments.push({ mode: 'alphanumeric', count: n });
      for (let i = 0; i < n; i += 2) {
        if (i + 1 < n) {
          const v = take(11);
          text += ALNUM[Math.floor(v / 45)]! + ALNUM[v % 45]!;
        } else text += ALNUM[take(6)]!;
      }
    } else if (m === 0b0001) {
      const n = take(10);
      segments.push({ mode: 'numeric', count: n });
      for (let i = 0; i < n; i += 3) {
        const w = Math.min(3, n - i);
        text += String(take(w === 3 ? 10 : w === 2 ? 7 : 4)).padStart(w, '0');
      }
    } else if (m === 0b0100) {
      const n = take(8);
      segments.push({ mode: 'byte', count: n });
      for (let i = 0; i < n; i++) text += String.fromCharCode(take(8));
    } else {
      segments.push({ mode: 'other', count: 0 });
      break;
    }
  }
  return { ec, segments, text };
}

/**
 * Every payload shape that could tempt an encoder into a numeric segment: one run of digits of
 * each length at each place after "HD" (tag and code together), letters around it. Deterministic:
 * the old test drew 200 random codes and met a 7-digit run about once in 15 runs.
 */
function digitRunPayloads(): string[] {
  const out: string[] = [];
  const body = 12; // 4 tag + 8 code characters
  for (const letter of ['K', 'Z', 'A'])
    for (let start = 0; start < body; start++)
      for (let len = 1; start + len <= body; len++) {
        let s = '';
        for (let i = 0; i < body; i++) s += i >= start && i < start + len ? CODE_ALPHABET[(i * 7 + len) % 10]! : letter;
        out.push(badgePayload(s.slice(0, 4), s.slice(4)));
      }
  // And runs of the same digit, the most compressible.
  for (const d of '0123456789')
    for (let len = 6; len <= 12; len++) out.push(`${BADGE_PREFIX}${'X'.repeat(12 - len)}${d.repeat(len)}`);
  return out;
}

describe('badge QR: one alphanumeric segment at version 1, level M, whatever the code', () => {
  const payloads = digitRunPayloads();

  it('covers the cases an automatic encoder splits (so this test can fail)', () => {
    const split = payloads.filter((p) => QRCode.create(p, { errorCorrectionLevel: 'M' }).segments.length > 1);
    expect(split.length).toBeGreaterThan(20);
    // Read back with the same reader: the automatic split is a numeric segment, and it still fits v1.
    const auto = QRCode.create(split[0]!, { errorCorrectionLevel: 'M', version: 1, maskPattern: 0 });
    expect(readSegments(auto.modules.data).segments.map((s) => s.mode)).toContain('numeric');
  });

  it('prints every digit run as one 14-character alphanumeric segment that reads back as the payload', () => {
    expect(payloads.length).toBeGreaterThan(200);
    for (const p of payloads) {
      const m = qrMatrix(p);
      expect(m.size, p).toBe(SIZE);
      expect(readSegments(m.data), p).toEqual({ ec: 0b00, segments: [{ mode: 'alphanumeric', count: 14 }], text: p });
    }
  });
});

describe('badge text typed or scanned at the desk', () => {
  it('reads the Crockford look-alikes a person types: O as 0, I and L as 1, in either case', () => {
    expect(parseBadgeText('K1Q0M1XA')).toEqual({ kind: 'code', code: 'K1Q0M1XA' });
    expect(parseBadgeText('KIQOMLXA')).toEqual({ kind: 'code', code: 'K1Q0M1XA' });
    expect(parseBadgeText('kiqomlxa')).toEqual({ kind: 'code', code: 'K1Q0M1XA' });
    expect(parseBadgeText('KIQO MLXA')).toEqual({ kind: 'code', code: 'K1Q0M1XA' });
    expect(parseBadgeText('KIQO-MLXA\t')).toEqual({ kind: 'code', code: 'K1Q0M1XA' });
    expect(parseBadgeText('ILILOOOO')).toEqual({ kind: 'code', code: '11110000' });
  });

  it('takes a full payload exactly: prefix, 4-character tag, 8-character code, nothing else', () => {
    expect(parseBadgeText('HD7K2QAB3XK9TM')).toEqual({ kind: 'badge', eventTag: '7K2Q', code: 'AB3XK9TM' });
    expect(parseBadgeText('\tHD7K2QAB3XK9TM\r\n')).toEqual({ kind: 'badge', eventTag: '7K2Q', code: 'AB3XK9TM' });
    // U is not Crockford; one character too many or too few; a look-alike inside a payload.
    for (const t of ['HD7K2QAB3XK9TU', 'HD7K2QAB3XK9TMX', 'HD7K2QAB3XK9T', 'XD7K2QAB3XK9TM', 'AB3XK9T', 'AB3XK9TMX', 'AB3XK9TU'])
      expect(parseBadgeText(t), t).toEqual({ kind: 'not_a_badge' });
    // Look-alikes are a hand-typing allowance: a printed payload never holds them.
    expect(parseBadgeText('HD7K2QAB3XK9TO')).toEqual({ kind: 'not_a_badge' });
  });

  it('refuses text over 64 characters before reading it, even a payload padded with spaces', () => {
    expect(parseBadgeText(`${' '.repeat(50)}HD7K2QAB3XK9TM`)).toEqual({ kind: 'badge', eventTag: '7K2Q', code: 'AB3XK9TM' });
    expect(parseBadgeText(`${' '.repeat(51)}HD7K2QAB3XK9TM`)).toEqual({ kind: 'not_a_badge' });
  });
});
