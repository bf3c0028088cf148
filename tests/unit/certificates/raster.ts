import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { tempDir } from '../../helpers/ctx';

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One page of a PDF rendered by poppler (pdftoppm), not by us: the image file's path. */
function render(pdf: Uint8Array, dpi: number, page: number, format: '-gray' | '-png'): string {
  const dir = tempDir('hadir-raster-');
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, pdf);
  const p = String(page);
  execFileSync('pdftoppm', ['-r', String(dpi), format, '-f', p, '-l', p, '-singlefile', file, path.join(dir, 'p')]);
  return path.join(dir, format === '-gray' ? 'p.pgm' : 'p.png');
}

/** A page of a PDF as 8-bit grey pixels. */
export function rasterise(pdf: Uint8Array, dpi: number, page = 1): Gray {
  const buf = fs.readFileSync(render(pdf, dpi, page, '-gray'));
  // "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), data: new Uint8Array(buf.subarray(header[0].length)) };
}

export const pngOf = (pdf: Uint8Array, dpi: number, page = 1): string => render(pdf, dpi, page, '-png');

export function pdfText(pdf: Uint8Array, page = 1): string {
  const dir = tempDir('hadir-text-');
  const file = path.join(dir, 'in.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/** zbarimg's reading of a PNG: the QR texts it found. */
export function zbar(png: string): string[] {
  // stderr ignored: zbarimg complains about a missing D-Bus on headless machines.
  const out = execFileSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').filter(Boolean);
}

/** @zxing/library's reading of the same page, an independent decoder. */
export function zxing(img: Gray): string {
  const src = new RGBLuminanceSource(new Uint8ClampedArray(img.data), img.width, img.height);
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(src)), hints).getText();
}

/** The smallest rectangle holding every pixel that differs between two renderings. */
export function diffBox(a: Gray, b: Gray): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (Math.abs(a.data[y * a.width + x]! - b.data[y * b.width + x]!) > 24) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** A rectangle of the page (pixels), e.g. the QR's box with a margin: zxing on a whole noisy page is slow. */
export function crop(img: Gray, x0: number, y0: number, x1: number, y1: number): Gray {
  const [ax, ay] = [Math.max(0, Math.floor(x0)), Math.max(0, Math.floor(y0))];
  const [bx, by] = [Math.min(img.width, Math.ceil(x1)), Math.min(img.height, Math.ceil(y1))];
  const out = new Uint8Array((bx - ax) * (by - ay));
  for (let y = ay; y < by; y++) out.set(img.data.subarray(y * img.width + ax, y * img.width + bx), (y - ay) * (bx - ax));
  return { width: bx - ax, height: by - ay, data: out };
}
