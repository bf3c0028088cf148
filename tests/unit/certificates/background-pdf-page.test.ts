import { degrees, PDFDocument, rgb } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { ok, scope } from '../../helpers/ctx';
import { LONG_NAME, psmEvent, scan } from './helpers';
import { rasterise, zbar, pngOf, type Gray } from './raster';

// A designed background must lie on the certificate as the organiser saw it in a PDF viewer.
// Each test paints the four corners of the finished page in four greys and reads them back from
// poppler's rendering of the certificate (the white panel is off, so the corners show).

const A4L = { w: 841.89, h: 595.28 };
/** Greys of the shown page's corners: top-left, top-right, bottom-left, bottom-right. */
const CORNERS = [0.0, 0.3, 0.55, 0.8];
const BLEED = 1.0;

function cornersOf(img: Gray): number[] {
  const px = Math.round(img.width * 0.02);
  const at = (x: number, y: number) => img.data[y * img.width + x]! / 255;
  const r = img.width - 1 - px;
  const b = img.height - 1 - px;
  return [at(px, px), at(r, px), at(px, b), at(r, b)];
}

async function certificateOf(background: Uint8Array) {
  const { ctx, event, ids } = await psmEvent();
  const id = ids.get(LONG_NAME)!;
  scan(ctx, event, id, 1);
  scan(ctx, event, id, 2);
  const view = await ok(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'background', bytes: background });
  const template = { ...view.settings.template, background: 'custom' as const, panel: false };
  await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, template });
  return ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
}

const grey = (g: number) => rgb(g, g, g);

describe('a PDF background lies as the viewer shows it', () => {
  it('a page turned by /Rotate (90, 180, 270) is turned back, not laid on its side', async () => {
    for (const angle of [90, 180, 270]) {
      // The content is drawn so that, once the viewer turns it clockwise, the shown page is A4
      // landscape with CORNERS in place: draw in the shown frame, map back to the stored one.
      const doc = await PDFDocument.create();
      const stored = angle === 180 ? A4L : { w: A4L.h, h: A4L.w };
      const page = doc.addPage([stored.w, stored.h]);
      page.setRotation(degrees(angle));
      const s = 60;
      // Shown-frame rectangles (x, y from the shown bottom-left), then turned into the stored frame.
      const shown = [
        { x: 0, y: A4L.h - s, g: CORNERS[0]! },
        { x: A4L.w - s, y: A4L.h - s, g: CORNERS[1]! },
        { x: 0, y: 0, g: CORNERS[2]! },
        { x: A4L.w - s, y: 0, g: CORNERS[3]! },
      ];
      page.drawRectangle({ x: 0, y: 0, width: stored.w, height: stored.h, color: grey(0.95) });
      for (const r of shown) {
        // Viewer turns stored→shown clockwise by `angle`; the inverse maps a shown point back.
        const toStored = (x: number, y: number): [number, number] =>
          angle === 90 ? [stored.w - y, x] : angle === 180 ? [stored.w - x, stored.h - y] : [y, stored.h - x];
        const [ax, ay] = toStored(r.x, r.y);
        const [bx, by] = toStored(r.x + s, r.y + s);
        page.drawRectangle({ x: Math.min(ax, bx), y: Math.min(ay, by), width: s, height: s, color: grey(r.g) });
      }
      const bytes = await doc.save();
      // The check of the check: poppler shows the background itself with CORNERS in place.
      expect(cornersOf(rasterise(bytes, 40)).map((v) => Math.round(v * 20) / 20), `background /Rotate ${angle}`).toEqual(
        CORNERS.map((v) => Math.round(v * 20) / 20),
      );
      const res = await certificateOf(bytes);
      const got = cornersOf(rasterise(res.file.bytes, 40));
      got.forEach((v, i) => expect(Math.abs(v - CORNERS[i]!), `/Rotate ${angle}, corner ${i}`).toBeLessThan(0.06));
      expect(zbar(pngOf(res.file.bytes, 150))).toEqual([res.claim]);
    }
  });

  it('a print PDF with bleed and crop marks is trimmed to its TrimBox, not shrunk into its margins', async () => {
    // As Canva's "PDF Print" with "crop marks and bleed": the MediaBox holds 3 mm of bleed plus
    // room for the marks; the TrimBox is the A4 page the organiser designed.
    const m = 30;
    const doc = await PDFDocument.create();
    const page = doc.addPage([A4L.w + 2 * m, A4L.h + 2 * m]);
    page.drawRectangle({ x: 0, y: 0, width: A4L.w + 2 * m, height: A4L.h + 2 * m, color: grey(BLEED) });
    page.drawRectangle({ x: m, y: m, width: A4L.w, height: A4L.h, color: grey(0.95) });
    const s = 60;
    const at = [
      [m, m + A4L.h - s],
      [m + A4L.w - s, m + A4L.h - s],
      [m, m],
      [m + A4L.w - s, m],
    ] as const;
    at.forEach(([x, y], i) => page.drawRectangle({ x, y, width: s, height: s, color: grey(CORNERS[i]!) }));
    page.setTrimBox(m, m, A4L.w, A4L.h);
    const res = await certificateOf(await doc.save());
    const got = cornersOf(rasterise(res.file.bytes, 40));
    got.forEach((v, i) => expect(Math.abs(v - CORNERS[i]!), `corner ${i}`).toBeLessThan(0.06));
  });
});
