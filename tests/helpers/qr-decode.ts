import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  PlanarYUVLuminanceSource,
  QRCodeReader,
} from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// The three decoders the issue asks for, each used as its user would: zxing-cpp (zxing-wasm, what
// the desk's scanner worker runs), @zxing/library (what @zxing/browser runs) and zbarimg.

const require = createRequire(import.meta.url);
let ready: Promise<unknown> | null = null;
/** zxing-wasm fetches its .wasm from a CDN by default; hand it the packaged bytes instead. */
function zxingCpp() {
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) as unknown as ArrayBuffer },
    fireImmediately: true,
  });
  return ready;
}

/** A greyscale page image as pdftoppm -gray writes it (binary PGM, P5). */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
  file: string;
}

export function readPgm(file: string): Gray {
  const buf = fs.readFileSync(file);
  // Header: "P5\n<w> <h>\n255\n" (pdftoppm writes no comments).
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!m) throw new Error(`${file}: not a binary PGM`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, data: buf.subarray(m[0].length, m[0].length + width * height), file };
}

/** Renders every page of a PDF to greyscale images at `dpi`; returns them in page order. */
export function rasterise(pdf: string, dpi: number, outDir: string): Gray[] {
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, `p${dpi}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, prefix]);
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(`p${dpi}-`) && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)![1]) - Number(/-(\d+)\.pgm$/.exec(b)![1]))
    .map((f) => readPgm(path.join(outDir, f)));
}

/** zxing-cpp on a whole page: every QR it finds. */
export async function decodeZxingCpp(img: Gray): Promise<string[]> {
  return decodeFileZxingCpp(img.file);
}

/** zxing-cpp (the kiosk's own decoder, as zxing-wasm) on an image file (PNG or PGM). */
export async function decodeFileZxingCpp(file: string): Promise<string[]> {
  await zxingCpp();
  const res = await readBarcodes(fs.readFileSync(file), { formats: ['QRCode'], maxNumberOfSymbols: 32, tryHarder: true });
  return res.filter((r) => r.isValid).map((r) => r.text);
}

export interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A region of a page, in pixels, clamped to the page. */
export function crop(img: Gray, c: Crop): Gray {
  const x = Math.max(0, Math.floor(c.x));
  const y = Math.max(0, Math.floor(c.y));
  const width = Math.min(img.width - x, Math.ceil(c.w));
  const height = Math.min(img.height - y, Math.ceil(c.h));
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++)
    data.set(img.data.subarray((y + r) * img.width + x, (y + r) * img.width + x + width), r * width);
  return { width, height, data, file: '' };
}

export function writePgm(img: Gray, file: string): Gray {
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`), img.data]));
  return { ...img, file };
}

/**
 * zbarimg on many images in one run: the QR texts of each, in order. zbar is given one tag per
 * image, as a scanner sees one badge: on a whole sheet it misses about one code in eight, whose
 * finder patterns it pairs with those of the aligned neighbours (zbar's multi-symbol search).
 */
export function decodeZbar(imgs: Gray[]): string[][] {
  const out = new Map(imgs.map((i) => [i.file, [] as string[]]));
  // --xml names the source of every symbol, so texts map back to their image.
  const xml = execFileSync('zbarimg', ['--quiet', '--xml', '-Sdisable', '-Sqrcode.enable', ...imgs.map((i) => i.file)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  for (const src of xml.split('<source href=').slice(1)) {
    const file = /^'([^']+)'/.exec(src)![1]!;
    for (const m of src.matchAll(/<data><!\[CDATA\[([^\]]*)\]\]><\/data>/g)) out.get(file)!.push(m[1]!);
  }
  return imgs.map((i) => out.get(i.file)!);
}

const hints = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
  [DecodeHintType.TRY_HARDER, true],
]);
/** @zxing/library decodes one code per image: it gets one tag. */
export function decodeZxingJs(img: Gray): string | null {
  const src = new PlanarYUVLuminanceSource(
    img.data as unknown as Uint8ClampedArray,
    img.width,
    img.height,
    0,
    0,
    img.width,
    img.height,
    false,
  );
  try {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(src)), hints).getText();
  } catch {
    return null;
  }
}
