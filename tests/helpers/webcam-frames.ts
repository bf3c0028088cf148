import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { SHEETS } from '../../electron/core/badges/sheets';
import type { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import type { BadgeLayoutId } from '../../electron/shared/badges';
import { generatedBadges } from './badge-people';
import { crop, rasterise, readPgm, writePgm, type Gray } from './qr-decode';

// Webcam-like frames of the app's own printed tags, for the badges bench (tests/bench/badges.ts
// decodeRates) and the A4 QR test (tests/unit/badges-webcam.test.ts). Deterministic: the same
// generator gives the same frames (ImageMagick's noise is seeded from it too).

const EVENT = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022';

/** Tags of a layout rendered at 400 dpi and cut out, as greyscale images with their payloads. */
export async function tagImages(layout: BadgeLayoutId, dir: string, fonts: ReturnType<typeof loadBadgeFonts>) {
  const sheet = SHEETS[layout];
  const people = generatedBadges(20, 77);
  const pdf = path.join(dir, `${layout}.pdf`);
  fs.writeFileSync(
    pdf,
    await renderBadgesPdf({ layout, eventName: EVENT, logo: null, fonts, badges: people, offset: { x: 0, y: 0 } }),
  );
  const DPI = 400;
  const px = DPI / 25.4;
  const tags: { file: string; payload: string }[] = [];
  rasterise(pdf, DPI, path.join(dir, layout)).forEach((img, p) =>
    sheet.slots.forEach((s, k) => {
      const b = people[p * sheet.slots.length + k];
      if (!b) return;
      const file = path.join(dir, `${layout}-tag-${tags.length}.pgm`);
      writePgm(crop(img, { x: s.x * px, y: s.y * px, w: s.w * px, h: s.h * px }), file);
      tags.push({ file, payload: b.payload });
    }),
  );
  return tags;
}

/**
 * One 1280x720 frame with the tag (`tagFile`, `tagMm` wide and high, shrunk by `shrink`) at
 * `mmPerPx`: rotated up to 25°, tilted, defocused, dim, noisy, JPEG, on a grey table. Draws nine
 * numbers from `rand` per frame.
 */
export function webcamFrame(
  tagFile: string,
  tagMm: { w: number; h: number },
  mmPerPx: number,
  rand: () => number,
  dir: string,
  shrink = 1,
): Gray {
  const width = Math.round((tagMm.w * shrink) / mmPerPx);
  const h = Math.round(width * (tagMm.h / tagMm.w));
  const angle = (rand() * 2 - 1) * 25;
  const tilt = Math.round(width * 0.08 * rand());
  const x = Math.round(rand() * Math.max(0, 1280 - width - 60)) + 30;
  const y = Math.round(rand() * Math.max(0, 720 - h - 60)) + 30;
  const frame = path.join(dir, 'f.jpg');
  const blur = (0.6 + rand() * 0.8).toFixed(2);
  const dim = (0.45 + rand() * 0.3).toFixed(2);
  const noise = (0.4 + rand() * 0.5).toFixed(2);
  const quality = String(55 + Math.round(rand() * 25));
  // ImageMagick seeds its noise from the clock unless told: the same frame every run.
  const seed = String(Math.floor(rand() * 2 ** 31));
  // prettier-ignore
  execFileSync('convert', [
    '-seed', seed,
    '-size', '1280x720', 'xc:#6e6a64',
    '(', tagFile, '-resize', `${width}x`, '-alpha', 'set', '-virtual-pixel', 'transparent',
    '-distort', 'Perspective', `0,0 0,0  ${width},0 ${width - tilt},${tilt}  0,${h} 0,${h}  ${width},${h} ${width - tilt},${h - tilt}`,
    '-background', 'none', '-rotate', angle.toFixed(1), ')',
    '-geometry', `+${x}+${y}`, '-composite',
    '-blur', `0x${blur}`,
    '-evaluate', 'multiply', dim,
    '-attenuate', noise, '+noise', 'Gaussian',
    '-quality', quality, frame,
  ]);
  const pgm = path.join(dir, 'f.pgm');
  execFileSync('convert', [frame, pgm]);
  return { ...readPgm(pgm), file: frame };
}
