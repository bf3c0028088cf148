// Issue 21 item 4: the desk's camera decoder reads a badge within two frames. The worker decodes
// each frame once, alternating two views of the guide square (decoder-protocol.ts decodeView, with
// each view's reader options); a badge held up for a moment meets both. Here both views decode
// the same deterministic webcam-like frames (tests/helpers/checkin-frames.ts: A4-10 tags, today's
// 42 mm QR, blur / rotation and tilt / dim and noise / small / glare, seeded), with the canvas's
// scaling stood in by bilinear interpolation. Fixed frames, a fixed count, no time: the floor is
// what the chosen views read (docs/engineering/checkin-decoder.md); one view alone reads fewer.
// Frame 68 (a small tag) is read by neither the whole square nor its central 80 % enlarged (the
// second view before issue 21), only by the central 90 %: with 80 % this test reads 69 of 70.
import { readBarcodes } from 'zxing-wasm/reader';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeView } from '../../../renderer/src/features/checkin/decoder-protocol';
import { checkinFrames, roiOf, viewOf, type Frame } from '../../helpers/checkin-frames';
import { RESOURCES } from '../../helpers/ctx';

const FRAMES = 70;
const FLOOR = 70;

const require = createRequire(import.meta.url);

async function reads(f: Frame, view: number): Promise<boolean> {
  const roi = roiOf(f);
  const v = decodeView(view, roi.width);
  const img = viewOf(roi, v);
  const found = await readBarcodes({ ...img, colorSpace: 'srgb' } as ImageData, v.options);
  return found.some((r) => r.isValid && r.text === f.payload);
}

describe('the check-in camera decoder on webcam-like frames', () => {
  let frames: Frame[] = [];
  beforeAll(async () => {
    await prepareZXingModule({
      overrides: {
        wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) as unknown as ArrayBuffer,
      },
      fireImmediately: true,
    });
    frames = (await checkinFrames(RESOURCES, { degraded: { webcam: FRAMES } }, 2104)).degraded;
  });

  it(`reads at least ${FLOOR} of ${FRAMES} frames within two (the two views in turn)`, async () => {
    const missed: string[] = [];
    let first = 0;
    for (const [i, f] of frames.entries()) {
      const a = await reads(f, 0);
      if (a) first++;
      if (!a && !(await reads(f, 1))) missed.push(`${i} (${f.kind})`);
    }
    expect(FRAMES - missed.length, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(FLOOR);
    // The second view earns its place: the first alone misses some of these frames.
    expect(first).toBeLessThan(FRAMES);
  });
});
