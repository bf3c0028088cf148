import fs from 'node:fs';
import path from 'node:path';
import type { FontSet } from './render/types';
import { ARABIC_FONT } from '../pdf/arabic-names';

const cache = new Map<string, FontSet>();

/**
 * The certificate fonts (resources/fonts, Noto Serif, OFL), read once per process. The same
 * byte arrays are passed to every render, which lets the renderer keep the parsed fonts
 * (render/fontkit.ts) and the built template (render/template-cache.ts).
 */
export function certificateFonts(resourcesDir: string): FontSet {
  let f = cache.get(resourcesDir);
  if (!f) {
    const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(resourcesDir, 'fonts', name)));
    f = {
      regular: read('NotoSerif-Regular.ttf'),
      bold: read('NotoSerif-Bold.ttf'),
      italic: read('NotoSerif-Italic.ttf'),
      arabic: read(ARABIC_FONT.bold),
    };
    cache.set(resourcesDir, f);
  }
  return f;
}
