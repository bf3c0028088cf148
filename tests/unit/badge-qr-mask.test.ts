import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { falseFinders, qrMatrix, qrRects } from '../../electron/core/badges/qr-modules';
import { decodeZxingJs } from '../helpers/qr-decode';

/** A perfect image of a module matrix: `m` pixels a module, 4 modules of quiet zone. */
function image(mod: ArrayLike<number>, m: number) {
  const side = Math.ceil(29 * m);
  const data = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / m) - 4;
      const my = Math.floor(y / m) - 4;
      if (mx >= 0 && my >= 0 && mx < 21 && my < 21 && mod[my * 21 + mx]) data[y * side + x] = 0;
    }
  return { width: side, height: side, data, file: '' };
}

// Payloads whose lowest-penalty mask leaves a false finder pattern: @zxing/library fails on them
// even from perfect images (found by the three-decoder test on rendered sheets).
const TRAPS = ['HDM4SNWCEEXHVV', 'HDM4SN4P0R1C0Q', 'HDM4SNF2BPAHAY'];

describe('badge QR mask', () => {
  it('avoids masks with a false finder pattern, so @zxing/library reads every badge', () => {
    for (const p of TRAPS) {
      const usual = QRCode.create([{ data: p, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', version: 1 });
      expect(falseFinders(usual.modules.data, 21)).toBeGreaterThan(0);
      expect([7, 10].some((m) => decodeZxingJs(image(usual.modules.data, m)) !== p)).toBe(true);

      const chosen = qrMatrix(p);
      expect(falseFinders(chosen.data, 21)).toBe(0);
      for (const m of [4, 6.5, 7, 9.84, 10, 14]) expect(decodeZxingJs(image(chosen.data, m)), `${p} at ${m} px`).toBe(p);
    }
  });

  it('draws exactly the dark modules, as merged rectangles', () => {
    const { data } = qrMatrix('HD7K2QK7Q2M9XA');
    const drawn = new Uint8Array(21 * 21);
    const rects = qrRects('HD7K2QK7Q2M9XA');
    for (const r of rects) for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) drawn[y * 21 + x]! += 1;
    expect([...drawn]).toEqual(Array.from(data, (v) => (v ? 1 : 0)));
    const dark = Array.from(data).filter(Boolean).length;
    expect(rects.length).toBeLessThan(dark / 2);
  });
});
