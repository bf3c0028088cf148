import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../electron/core/badges/sheets';
import { rng } from '../helpers/badge-people';
import { FONTS } from '../helpers/badge-scan';
import { tempDir } from '../helpers/ctx';
import { decodeZxingCpp } from '../helpers/qr-decode';
import { tagImages, webcamFrame } from '../helpers/webcam-frames';

// Issue 21 item 2: the A4 cards' QR must read on one webcam frame where the badge is far (0.45 mm
// a pixel, a 1280x720 webcam about a metre away), as the A6 tag's does. With the 35 mm symbol
// zxing-cpp (the desk's decoder) read 63-67 % of such frames, the 42 mm one about 90 %
// (docs/engineering/badge-qr-size.md). The frames are deterministic (webcam-frames.ts): the count
// is the same on every run, so the floor below is a fixed line between the two symbols.
const FRAMES = 24;
const FLOOR = 20;

describe('A4 tags on a far webcam frame', () => {
  for (const layout of ['a4-8', 'a4-10'] as const) {
    it(`${layout}: zxing-cpp reads at least ${FLOOR} of ${FRAMES} frames at 0.45 mm per pixel, each on its own`, async () => {
      const dir = tempDir('hadir-webcam-');
      try {
        const tags = await tagImages(layout, dir, FONTS);
        const rand = rng(2121);
        const missed: string[] = [];
        for (let i = 0; i < FRAMES; i++) {
          const tag = tags[i % tags.length]!;
          const frame = webcamFrame(tag.file, SHEETS[layout].tag, 0.45, rand, dir);
          if (!(await decodeZxingCpp(frame)).includes(tag.payload)) missed.push(tag.payload);
        }
        expect(FRAMES - missed.length, `missed: ${missed.join(' ')}`).toBeGreaterThanOrEqual(FLOOR);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 240_000);
  }
});
