import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { signClaim } from '../../../electron/core/certificates/claim';
import { qrMatrix } from '../../../electron/core/qr/qr-matrix';
import { LONG_NAME } from './helpers';

// The certificate QR's own mask scoring (core/qr/qr-matrix.ts: precomputed masks, scored on
// bit-packed lines by qr-penalty-packed.ts up to 64 modules, module by module beyond) must pick
// exactly the mask the `qrcode` package picks, and give the same modules: the mask decides how
// well a symbol reads, and the package's choice is the one the readers were tested against.
// Compared on signed claims as the app makes them, across name lengths and non-ASCII names, and
// on arbitrary texts from 1 to 400 bytes (versions 1 to 15).

const NAMES = [
  'A',
  'Made Saputra',
  "Ma'ruf Hasibuan",
  'José Hernández Ñuñez, S.Pd.',
  'Nguyễn Thị Minh Khai',
  'Dr. Ir. Hj. Ṣāliḥah Nūr Abdullāh Al-Ḥaddād Kusumaningrum, M.Si.',
  LONG_NAME,
];

function reference(text: string): { size: number; data: Uint8Array; mask: number } {
  const qr = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, data: qr.modules.data, mask: qr.maskPattern as number };
}

function expectSame(text: string, masks: Set<number>, sizes: Set<number>): void {
  const mine = qrMatrix(text);
  const ref = reference(text);
  expect({ text, size: mine.size, mask: mine.mask }).toEqual({ text, size: ref.size, mask: ref.mask });
  // Compared as one string: a mismatch shows which text, without 3,000 lines of array diff.
  expect(Buffer.from(mine.data).toString('hex'), text).toBe(Buffer.from(ref.data).toString('hex'));
  masks.add(mine.mask);
  sizes.add(mine.size);
}

describe('certificate QR matrix', () => {
  it('chooses the same mask and modules as the qrcode package for 1,200 signed claims', () => {
    // A fixed seed: the same claims every run.
    const key = crypto.createPrivateKey({
      key: Buffer.concat([
        Buffer.from('302e020100300506032b657004220420', 'hex'),
        crypto.createHash('sha256').update('qr-matrix').digest(),
      ]),
      format: 'der',
      type: 'pkcs8',
    });
    const masks = new Set<number>();
    const sizes = new Set<number>();
    for (let i = 0; i < 1200; i++) {
      const base = NAMES[i % NAMES.length]!;
      const name = i % 3 === 0 ? base : `${base} ${'Kusuma'.slice(0, i % 7)}`.trim();
      const number = `${String(i + 1).padStart(3, '0')}/PSM/DINSOS/IX/2022`;
      const days = ['2022-09-07', '2022-09-08'].slice(0, 1 + (i % 2));
      expectSame(signClaim({ kid: 'k7Qm2', number, name, days }, key), masks, sizes);
    }
    // The comparison means something only if the choice varied.
    expect(masks.size).toBe(8);
    expect(sizes.size).toBeGreaterThan(1);
  });

  it('chooses the same for arbitrary texts of 1 to 400 bytes', () => {
    const masks = new Set<number>();
    const sizes = new Set<number>();
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 600; i++) {
      const len = 1 + Math.floor(rand() * 400);
      const text = Array.from({ length: len }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join('');
      expectSame(text, masks, sizes);
    }
    expect(masks.size).toBe(8);
    expect(sizes.size).toBeGreaterThan(10);
    // Both scorers: bit-packed lines up to 64 modules, module by module beyond.
    expect(Math.min(...sizes)).toBeLessThanOrEqual(64);
    expect(Math.max(...sizes)).toBeGreaterThan(64);
  });
});
