// Long unbroken words on name tags, read back from the real PDF (pdf.js for sizes and boxes,
// zbarimg for the QR). A 61-letter name used to print at 3 pt on one line on the A4 cards (4.7 pt
// on the roll), an e-mail address pasted as a name at 2.7 pt, and "Tamu Kehormatan Undangan
// Khusus" at 2.4 pt in the A4 cards' role band: unreadable at the registration desk.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontMeasures, layoutPages } from '../../electron/core/badges/render-pdf';
import { SHEETS } from '../../electron/core/badges/sheets';
import { spacedCode, type BadgeData, type Element } from '../../electron/core/badges/tag-layout';
import { ASCENT, DESCENT } from '../../electron/core/pdf/fit-text';
import { inside, mm, overlaps, type Rect } from '../../electron/core/pdf/geometry';
import { QR_MODULES, QR_QUIET_MODULES } from '../../electron/core/qr/qr-modules';
import { BADGE_LAYOUTS, type BadgeLayoutId } from '../../electron/shared/badges';
import { fixtureBadges, HOSTILE_TAGS, LONG_ROLE, WORD_61 } from '../helpers/badge-people';
import { EVENT_NAME, FONTS, renderToFile } from '../helpers/badge-scan';
import { pdfTextItems, type TextItem } from '../helpers/pdf-text-items';
import { crop, decodeZbar, rasterise, writePgm } from '../helpers/qr-decode';

/**
 * The QR of each layout, in mm from the tag's corner, as issue 21 item 2 chose it for webcam
 * reading: the text fitting must never move or shrink it.
 */
const QR: Record<BadgeLayoutId, Rect> = {
  'a4-8': { x: 44, y: 19, w: 42, h: 42 },
  'a4-10': { x: 44, y: 6, w: 42, h: 42 },
  a6: { x: 26.5, y: 67.0952380952381, w: 52, h: 52 },
  'roll-62': { x: 13, y: 45.14285714285714, w: 36, h: 36 },
};

/** The name's floor: 10 pt for the 61-letter word (every layout's box allows it), 8 for any name. */
const WORD_FLOOR = 10;
const NAME_FLOOR = 8;
const ROLE_FLOOR = 7;

const squash = (s: string) => s.replace(/\s+/g, '');

/** A run's ink box on the page, mm: from the font's ascent above the baseline to its descent below. */
const boxOf = (t: TextItem): Rect => ({
  x: t.x,
  y: t.baseline - mm(ASCENT * t.size),
  w: t.w,
  h: mm((ASCENT + DESCENT) * t.size),
});

/** What a run belongs to, from its text alone. */
function partOf(t: TextItem, b: BadgeData): 'code' | 'role' | 'regency' | 'name' | 'other' {
  const s = squash(t.text);
  if (s === squash(spacedCode(b.code))) return 'code';
  if (squash(b.role.toUpperCase()).includes(s)) return 'role';
  if (b.regency && squash(b.regency).includes(s)) return 'regency';
  if (squash(b.name).includes(s)) return 'name';
  return 'other';
}

/**
 * The ink of a run, about: capitals and accents above the baseline, descenders below. Lines of a
 * name are set 1.12 em apart, closer than the font's whole ascent and descent, so it is the ink
 * that must not meet.
 */
const inkOf = (t: TextItem): Rect => ({ x: t.x, y: t.baseline - mm(0.85 * t.size), w: t.w, h: mm(1.1 * t.size) });
/** Content streams carry two decimals of a point (core/pdf/raw-pages.ts num): 0.0035 mm. */
const EPS = 0.01;

const reading = (a: TextItem, b: TextItem) => (Math.abs(a.baseline - b.baseline) > 0.5 ? a.baseline - b.baseline : a.x - b.x);

describe('long unbroken words on name tags (real PDFs read back)', async () => {
  const fixture60 = (await fixtureBadges()).find((b) => b.name.length === 60)!;
  const people = [fixture60, ...HOSTILE_TAGS.map((h) => h.badge)];

  for (const id of BADGE_LAYOUTS) {
    it(`${id}: the 61-letter name, an e-mail address and the long role keep their floors, inside their boxes, off the QR, which still decodes`, async () => {
      const sheet = SHEETS[id];
      const per = sheet.slots.length;
      const { file, dir, bytes } = await renderToFile(id, people);
      const pages = await pdfTextItems(bytes);
      const laid = layoutPages(sheet, fontMeasures(FONTS), EVENT_NAME, 1, people);
      const quietW = (sheet.tag.qr / QR_MODULES) * (sheet.tag.quiet ?? QR_QUIET_MODULES);
      const imgs = rasterise(file, 150, path.join(dir, 'r150'));
      const px = 150 / 25.4;
      const crops: ReturnType<typeof writePgm>[] = [];

      people.forEach((b, i) => {
        const slot = sheet.slots[i % per]!;
        const at = (r: Rect): Rect => ({ ...r, x: r.x + slot.x, y: r.y + slot.y });
        const m = sheet.tag.margin;
        const safe = at({ x: m, y: m, w: sheet.tag.w - 2 * m, h: sheet.tag.h - 2 * m });
        // The QR where issue 21 put it, and its quiet zone where nothing else may be.
        const els = laid[Math.floor(i / per)]!.find((t) => t.slot === i % per)!.elements;
        const qr = els.find((e) => e.kind === 'qr') as Extract<Element, { kind: 'qr' }>;
        expect(qr.rect, `${id} QR`).toEqual(QR[id]);
        const quiet = at({ x: QR[id].x - quietW, y: QR[id].y - quietW, w: QR[id].w + 2 * quietW, h: QR[id].h + 2 * quietW });
        const band = at((els.find((e) => e.kind === 'rect' && e.part === 'band') as Extract<Element, { kind: 'rect' }>).rect);

        const mine = pages[Math.floor(i / per)]!.filter((t) => inside({ x: t.x, y: t.baseline, w: 0, h: 0 }, slot));
        const of = (p: ReturnType<typeof partOf>) => mine.filter((t) => partOf(t, b) === p).sort(reading);
        const who = `${id} ${b.name.slice(0, 24)}`;

        // The whole name comes back from the text layer, nothing added (a hyphen is a bar, not text).
        const name = of('name');
        expect(squash(name.map((t) => t.text).join('')), who).toBe(squash(b.name));
        const nameSize = Math.min(...name.map((t) => t.size));
        expect(nameSize, `${who}: name size`).toBeGreaterThanOrEqual(b.name === WORD_61 ? WORD_FLOOR : NAME_FLOOR);
        // The fixture's 60 characters keep 10 pt and more without cutting a word.
        if (b === fixture60) {
          expect(nameSize, who).toBeGreaterThanOrEqual(10);
          expect(name.map((t) => t.text).join(' '), who).toBe(b.name);
        }
        // The role, whole, at its floor, on the band.
        const role = of('role');
        expect(squash(role.map((t) => t.text).join('')), who).toBe(squash(b.role.toUpperCase()));
        expect(Math.min(...role.map((t) => t.size)), `${who}: role size`).toBeGreaterThanOrEqual(ROLE_FLOOR);
        expect(role.length, `${who}: role lines`).toBeLessThanOrEqual(2);
        if (b.regency)
          expect(
            of('regency')
              .map((t) => t.text)
              .join(' '),
            who,
          ).toBe(b.regency);

        for (const t of mine) {
          const box = boxOf(t);
          const what = `${who}: "${t.text}" at ${t.size} pt`;
          expect(inside(box, safe, EPS), `${what} inside the tag's margin`).toBe(true);
          expect(overlaps(box, quiet, EPS), `${what} off the QR's quiet zone`).toBe(false);
          const onBand = ['role', 'code'].includes(partOf(t, b));
          expect(onBand ? inside(box, band, EPS) : !overlaps(box, band, EPS), `${what} and the band`).toBe(true);
        }
        // No two runs on top of each other.
        mine.forEach((a, k) =>
          mine
            .slice(k + 1)
            .forEach((c) => expect(overlaps(inkOf(a), inkOf(c), EPS), `${who}: "${a.text}" / "${c.text}"`).toBe(false)),
        );
        const img = imgs[Math.floor(i / per)]!;
        crops.push(
          writePgm(crop(img, { x: slot.x * px, y: slot.y * px, w: slot.w * px, h: slot.h * px }), path.join(dir, `tag-${i}.pgm`)),
        );
      });
      // zbarimg reads every tag's QR, one tag per image as a scanner sees a badge.
      expect(decodeZbar(crops)).toEqual(people.map((b) => [b.payload]));
      expect(people.filter((b) => b.role === LONG_ROLE)).toHaveLength(HOSTILE_TAGS.length);
    });
  }
});
