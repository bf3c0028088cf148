import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PngEmbedder } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { pngPlanes } from '../../electron/core/badges/png-planes';

// The badge logo is decoded with Node's zlib (core/badges/png-planes.ts) instead of pdf-lib's
// JavaScript inflate. It must give the very planes pdf-lib gives, for every kind of PNG an
// organiser's logo can be (ImageMagick makes each from the fixture logo), and decline what it
// does not read (interlaced), so pdf-lib decodes that.
const LOGO = path.resolve(__dirname, '../fixtures/logo.png');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-png-'));
const make = (name: string, ...args: string[]) => {
  const file = path.join(dir, name);
  // A trailing "PNG32:" style prefix names the PNG flavour: ImageMagick wants it on the file name.
  const prefix = args.at(-1)?.endsWith(':') ? args.pop()! : '';
  execFileSync('convert', [LOGO, ...args, prefix + file]);
  return new Uint8Array(fs.readFileSync(file));
};
const KINDS: [string, () => Uint8Array][] = [
  ['16-bit RGBA (the fixture)', () => new Uint8Array(fs.readFileSync(LOGO))],
  ['8-bit RGBA', () => make('rgba8.png', 'PNG32:')],
  ['8-bit RGB', () => make('rgb8.png', '-background', 'white', '-alpha', 'remove', '-alpha', 'off', 'PNG24:')],
  ['16-bit RGB', () => make('rgb16.png', '-alpha', 'off', '-depth', '16', 'PNG48:')],
  ['8-bit grey + alpha', () => make('ga.png', '-colorspace', 'Gray', '-depth', '8')],
  ['palette with transparency', () => make('pal.png', '-colors', '16', 'PNG8:')],
  ['1-bit grey', () => make('mono.png', '-alpha', 'off', '-colorspace', 'Gray', '-threshold', '50%', '-depth', '1')],
];
function planesOfPdfLib(png: Uint8Array) {
  return PngEmbedder.for(png).then((e) => {
    const img = (e as unknown as { image: { rgbChannel: Uint8Array; alphaChannel?: Uint8Array } }).image;
    return { width: e.width, height: e.height, rgb: img.rgbChannel, alpha: img.alphaChannel ?? null };
  });
}

describe('PNG logo planes through zlib', () => {
  it.each(KINDS)('%s: the same planes as pdf-lib', async (_, bytes) => {
    const png = bytes();
    const mine = pngPlanes(png);
    const ref = await planesOfPdfLib(png);
    expect(mine).not.toBeNull();
    expect({ w: mine!.width, h: mine!.height }).toEqual({ w: ref.width, h: ref.height });
    expect(Buffer.from(mine!.rgb).equals(Buffer.from(ref.rgb))).toBe(true);
    expect(mine!.alpha === null).toBe(ref.alpha === null);
    if (ref.alpha) expect(Buffer.from(mine!.alpha!).equals(Buffer.from(ref.alpha))).toBe(true);
  });

  it('leaves an interlaced PNG, and bytes that are no PNG, to pdf-lib', () => {
    expect(pngPlanes(make('inter.png', '-interlace', 'PNG'))).toBeNull();
    expect(pngPlanes(new Uint8Array(64))).toBeNull();
  });
});
