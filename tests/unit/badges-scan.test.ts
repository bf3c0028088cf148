import { describe, expect, it } from 'vitest';
import { BADGE_LAYOUTS } from '../../electron/shared/badges';
import { fixtureBadges, generatedBadges, hardBadges } from '../helpers/badge-people';
import { renderToFile, scanAll } from '../helpers/badge-scan';

// Every printed QR must scan, exactly, with the decoder the desk uses (zxing-cpp), with the one
// @zxing/browser runs, and with zbar: decoders differ, so each is asked separately.
const none = { zxingCpp: [], zxingJs: [], zbar: [] };

describe('badge QR codes scan with three decoders', () => {
  for (const layout of BADGE_LAYOUTS) {
    it(`${layout}: the 66 fixture participants and the hard names, at 150 and 100 dpi`, async () => {
      const badges = [...(await fixtureBadges()), ...hardBadges()];
      const { file } = await renderToFile(layout, badges);
      for (const dpi of [150, 100]) {
        const r = await scanAll(layout, badges, file, dpi);
        expect({ dpi, missing: r.missing, unexpected: r.unexpected }).toEqual({ dpi, missing: none, unexpected: [] });
        expect(r.decoded).toBe(badges.length * 3);
      }
    }, 120_000);
  }

  // 1,000 made-up people on the A4 10-up sheet: the closest neighbours of any layout, and 42 mm
  // symbols, whose ~12 px modules at 150 dpi are where @zxing/library's alignment misses show
  // (helpers/badge-scan.ts); the roll's 36 mm symbols are checked on the fixture above.
  it('a4-10: 1,000 generated participants, at 150 and 100 dpi', async () => {
    const badges = generatedBadges(1000);
    const { file } = await renderToFile('a4-10', badges);
    for (const dpi of [150, 100]) {
      const r = await scanAll('a4-10', badges, file, dpi);
      expect({ dpi, missing: r.missing, unexpected: r.unexpected }).toEqual({ dpi, missing: none, unexpected: [] });
    }
  }, 240_000);
});
