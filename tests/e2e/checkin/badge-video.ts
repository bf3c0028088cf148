import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { tempDir } from '../../helpers/ctx';

/**
 * A fake webcam that shows one badge: a Y4M file for Chromium's
 * --use-file-for-fake-video-capture. The badge's QR is drawn as the badges feature draws it
 * (version 1, level M, alphanumeric, 4-module quiet zone) on a white card, at about the size a
 * 35 mm QR held 40 cm from a 720p laptop webcam appears (0.42 mm per pixel: ~100 px including
 * the quiet zone), on a grey room. ffmpeg composes the frame and writes the Y4M (4:2:0).
 * TODO(badges): once the badges PDF lands, use a tag the app printed (pdftoppm PNG) here.
 */
export async function badgeVideo(payload: string): Promise<string> {
  const dir = tempDir('hadir-cam-');
  const qr = path.join(dir, 'qr.png');
  await QRCode.toFile(qr, payload, { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
  const y4m = path.join(dir, 'badge.y4m');
  // prettier-ignore
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'color=c=0x6b706d:s=1280x720',
    '-f', 'lavfi', '-i', 'color=c=white:s=300x420',
    '-i', qr,
    '-filter_complex', '[0][1]overlay=490:150[card];[card][2]overlay=582:310,format=yuv420p',
    '-frames:v', '2', y4m,
  ]);
  fs.rmSync(qr);
  return y4m;
}
