import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { fontkit } from '../../../electron/core/certificates/render/fontkit';
import { encodeRepeated, pageFont, widthAt } from '../../../electron/core/certificates/render/page-font';
import { LONG_NAME } from './helpers';

// The renderer measures each string once (page-font.ts) instead of asking pdf-lib, which shapes
// the text with fontkit on every call. Positions on the certificate must not move by a bit:
// the remembered width, scaled to any size, must equal pdf-lib's own to the last binary digit.

const font = (f: string) => new Uint8Array(fs.readFileSync(path.join(process.cwd(), 'resources/fonts', f)));
const TEXTS = [
  LONG_NAME,
  'Ni Luh Putu Kusumawati, A.Md.',
  'José Hernández',
  'Nguyễn Thị Minh Khai',
  'Kabupaten Tulang Bawang Barat',
  'Nomor: 001/PSM/DINSOS/IX/2022',
  'Lampiran sertifikat nomor 999/PSM/DINSOS/IX/2022',
  'fi ffl Æ — “kutip” ‘x’',
  ' ',
];
const SIZES = [1, 4, 8, 9, 11, 12.5, 13, 21.6, 22.3333, 24.7, 28.123456789, 30, 1000 / 3];

describe('certificate page font', () => {
  it('gives the same widths as pdf-lib, bit for bit, at any size, and the same glyph codes', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    for (const file of ['NotoSerif-Bold.ttf', 'NotoSerif-Regular.ttf']) {
      const embedded = await doc.embedFont(font(file), { subset: true });
      const f = pageFont(embedded, 'F');
      for (const text of TEXTS) {
        for (const size of SIZES) {
          expect(widthAt(f, text, size), `${file} "${text}" at ${size}`).toBe(embedded.widthOfTextAtSize(text, size));
          expect(widthAt(f, text, size, f.batch)).toBe(embedded.widthOfTextAtSize(text, size));
        }
        const first = encodeRepeated(f, text);
        expect(first).toBe(embedded.encodeText(text).toString());
        expect(encodeRepeated(f, text)).toBe(first);
      }
    }
  });
});
