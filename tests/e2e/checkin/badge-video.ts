import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadBadgeFonts } from '../../../electron/core/pdf/fonts';
import { renderBadgesPdf } from '../../../electron/core/badges/render-pdf';
import type { BadgeData } from '../../../electron/core/badges/tag-layout';
import { RESOURCES, tempDir } from '../../helpers/ctx';

/** 0.42 mm per pixel: a badge held about 40 cm from a 720p laptop webcam (issue 10's measure). */
export const WEBCAM_DPI = Math.round(25.4 / 0.42);

/**
 * A fake webcam that shows one badge the app printed: the A6 tag rendered by the badges feature
 * (the same PDF an organiser prints), rasterised by pdftoppm at the webcam's scale, placed in the
 * middle of a grey 1280×720 room, written by ffmpeg as the Y4M (4:2:0) that Chromium's
 * --use-file-for-fake-video-capture plays in a loop.
 */
export async function badgeVideo(badge: BadgeData, eventName: string): Promise<string> {
  const dir = tempDir('hadir-cam-');
  const pdf = path.join(dir, 'tag.pdf');
  const bytes = await renderBadgesPdf({
    layout: 'a6',
    eventName,
    logo: null,
    fonts: loadBadgeFonts(RESOURCES),
    badges: [badge],
    offset: { x: 0, y: 0 },
  });
  fs.writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-png', '-singlefile', '-r', String(WEBCAM_DPI), pdf, path.join(dir, 'tag')]);
  return webcamVideo(path.join(dir, 'tag.png'), path.join(dir, 'badge.y4m'));
}

/**
 * A picture (PNG) in the middle of a grey 1280×720 room, written by ffmpeg as the Y4M (4:2:0)
 * that Chromium's --use-file-for-fake-video-capture plays in a loop.
 */
export function webcamVideo(png: string, y4m: string): string {
  // prettier-ignore
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'color=c=0x6b706d:s=1280x720',
    '-i', png,
    '-filter_complex', '[0][1]overlay=(W-w)/2:(H-h)/2,format=yuv420p',
    '-frames:v', '2', y4m,
  ]);
  return y4m;
}

/** Debian's Chromium with a fake webcam showing `video`; the camera permission is granted. */
export function browserWithFakeCamera(video: string, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      ...extraArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

/**
 * A fake webcam that shows several badges one after another, `seconds` each, then loops: the
 * camera's own path (decode -> checkin.scan -> painted verdict) measured once per badge. Written
 * as MJPEG, which Chromium's fake camera plays at 30 frames a second like a webcam (a Y4M at that
 * rate would take 1.4 MB a frame).
 */
export async function badgesVideo(badges: BadgeData[], eventName: string, seconds = 0.6): Promise<string> {
  const fps = 30;
  const dir = tempDir('hadir-cams-');
  const pdf = path.join(dir, 'tags.pdf');
  const bytes = await renderBadgesPdf({
    layout: 'a6',
    eventName,
    logo: null,
    fonts: loadBadgeFonts(RESOURCES),
    badges,
    offset: { x: 0, y: 0 },
  });
  fs.writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-png', '-r', String(WEBCAM_DPI), pdf, path.join(dir, 'tag')]);
  // pdftoppm pads page numbers to the width of the last one: list them in page order.
  const pngs = fs
    .readdirSync(dir)
    .filter((f) => /^tag-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const list = path.join(dir, 'tags.txt');
  fs.writeFileSync(
    list,
    pngs.map((f) => `file '${path.join(dir, f)}'\nduration ${seconds}\n`).join('') + `file '${path.join(dir, pngs.at(-1)!)}'\n`,
  );
  const out = path.join(dir, 'badges.mjpeg');
  // prettier-ignore
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=0x6b706d:s=1280x720:r=${fps}`,
    '-f', 'concat', '-safe', '0', '-i', list,
    '-filter_complex', `[1]fps=${fps}[t];[0][t]overlay=(W-w)/2:(H-h)/2:shortest=1,format=yuvj420p`,
    '-r', String(fps), '-q:v', '3', '-f', 'mjpeg', out,
  ]);
  return out;
}
