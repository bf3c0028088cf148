import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fontMeasures, layoutPages } from '../../electron/core/badges/render-pdf';
import { joinLines } from '../../electron/core/pdf/fit-text';
import { inside, overlaps, pt, type Rect } from '../../electron/core/pdf/geometry';
import { SHEETS } from '../../electron/core/badges/sheets';
import type { Element } from '../../electron/core/badges/tag-layout';
import { BADGE_LAYOUTS } from '../../electron/shared/badges';
import { fixtureBadges, generatedBadges, hardBadges } from '../helpers/badge-people';
import { EVENT_NAME, FONTS, renderToFile } from '../helpers/badge-scan';

const measures = fontMeasures(FONTS);
export const LONG_146 =
  'Prof. Dr. Ir. Haji Raden Mas Muhammad Abdurrahman Wahid Kusumanegara Prawiranegara Hadiningrat Suryadiningrat Mangkubumi, S.H., M.H., M.Kn., Ph.D.';
const boxOf = (e: Element): Rect => (e.kind === 'text' ? e.box : e.kind === 'qr' ? e.quiet : e.rect);
const shift = (r: Rect, by: { x: number; y: number }): Rect => ({ ...r, x: r.x + by.x, y: r.y + by.y });

describe('badge layout geometry (from the layout, not from pixels)', async () => {
  const people = [...(await fixtureBadges()), ...hardBadges(), ...generatedBadges(300, 3)];

  for (const id of BADGE_LAYOUTS) {
    const sheet = SHEETS[id];
    it(`${id}: tags on the page, cut marks off every tag, every box inside its tag, nothing on the QR's quiet zone`, () => {
      const page = { x: 0, y: 0, w: sheet.page.w, h: sheet.page.h };
      for (const s of sheet.slots) expect(inside(s, page)).toBe(true);
      sheet.slots.forEach((a, i) => sheet.slots.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
      for (const l of sheet.cutMarks) {
        const mark = { x: Math.min(l.x1, l.x2), y: Math.min(l.y1, l.y2), w: Math.abs(l.x2 - l.x1), h: Math.abs(l.y2 - l.y1) };
        expect(inside(mark, page)).toBe(true);
        // Marks start 5 mm in from the paper's edge, where printers still print.
        expect(Math.min(mark.x, mark.y, page.w - mark.x - mark.w, page.h - mark.y - mark.h)).toBeGreaterThanOrEqual(5 - 1e-9);
        for (const s of sheet.slots) expect(overlaps(mark, s), `${JSON.stringify(l)} crosses a tag`).toBe(false);
      }
      // Each cut line of the grid has its marks: both ends of every tag edge line up with one.
      if (sheet.cutMarks.length) {
        const xs = new Set(sheet.slots.flatMap((s) => [s.x, s.x + s.w]).map((v) => v.toFixed(3)));
        const ys = new Set(sheet.slots.flatMap((s) => [s.y, s.y + s.h]).map((v) => v.toFixed(3)));
        for (const x of xs) expect(sheet.cutMarks.filter((l) => l.x1 === l.x2 && l.x1.toFixed(3) === x)).toHaveLength(2);
        for (const y of ys) expect(sheet.cutMarks.filter((l) => l.y1 === l.y2 && l.y1.toFixed(3) === y)).toHaveLength(2);
      }

      const tag = { x: 0, y: 0, w: sheet.tag.w, h: sheet.tag.h };
      const safe = {
        x: sheet.tag.margin,
        y: sheet.tag.margin,
        w: sheet.tag.w - 2 * sheet.tag.margin,
        h: sheet.tag.h - 2 * sheet.tag.margin,
      };
      for (const pageTags of layoutPages(sheet, measures, EVENT_NAME, 1.2, people)) {
        for (const t of pageTags) {
          const els = t.elements;
          const qr = els.find((e) => e.kind === 'qr')!;
          if (qr.kind !== 'qr') throw new Error('no QR');
          expect(qr.rect.w).toBeGreaterThanOrEqual(id === 'roll-62' ? 30 : 35);
          expect(inside(qr.quiet, tag), 'quiet zone inside the tag').toBe(true);
          for (const e of els) {
            if (e.kind === 'qr') continue;
            const where = `${t.badge.name}: ${e.kind} ${'part' in e ? e.part : ''}`;
            expect(inside(boxOf(e), safe), `${where} inside the tag's margin`).toBe(true);
            expect(overlaps(boxOf(e), qr.quiet), `${where} off the QR's quiet zone`).toBe(false);
            if (e.kind === 'text') for (const l of e.lines) expect(l.x + l.width).toBeLessThanOrEqual(e.box.x + e.box.w + 1e-6);
          }
          // Text boxes never overlap each other; the role and code sit inside the band, off each other.
          const texts = els.filter((e) => e.kind === 'text');
          texts.forEach((a, i) =>
            texts
              .slice(i + 1)
              .forEach((b) => expect(overlaps(boxOf(a), boxOf(b)), `${t.badge.name}: ${a.part} / ${b.part}`).toBe(false)),
          );
          const band = els.find((e) => e.kind === 'rect' && e.part === 'band')!;
          for (const e of texts) {
            const onBand = e.part === 'role' || e.part === 'code';
            expect(
              onBand ? inside(e.box, boxOf(band)) : !overlaps(e.box, boxOf(band)),
              `${t.badge.name}: ${e.part} and the band`,
            ).toBe(true);
          }
          const logo = els.find((e) => e.kind === 'logo');
          if (logo) for (const e of texts) expect(overlaps(e.box, boxOf(logo))).toBe(false);
          // The name: all of it, on at most five lines, never smaller than the lines under it.
          const name = texts.find((e) => e.part === 'name')!;
          expect(name.lines.length).toBeLessThanOrEqual(5);
          for (const e of texts) {
            if (e.part === 'regency' || e.part === 'institution') expect(e.size, `${t.badge.name}: ${e.part}`).toBeLessThanOrEqual(name.size);
          }
          // A word cut between letters (a 61-letter name) joins its next line without a space.
          expect(joinLines(name.lines)).toBe(t.badge.name.trim().replace(/\s+/g, ' '));
          expect(texts.find((e) => e.part === 'regency')?.lines.join(' ') !== undefined || !t.badge.regency).toBe(true);
        }
      }
    });
  }

  it('prints the longest fixture name (60) and a 146-character name no smaller than the regency, on every layout', () => {
    const long = people.find((p) => p.name.length === 60)!;
    const longer = { ...long, name: LONG_146, regency: 'Kabupaten Tulang Bawang Barat', institution: 'Dinas Sosial Provinsi Lampung' };
    expect(longer.name).toHaveLength(146);
    const sizes = (b: typeof long, id: (typeof BADGE_LAYOUTS)[number]) => {
      const els = layoutPages(SHEETS[id], measures, EVENT_NAME, 1.2, [b])[0]![0]!.elements;
      const of = (part: string) => els.find((e) => e.kind === 'text' && e.part === part) as Extract<Element, { kind: 'text' }> | undefined;
      return { name: of('name')!.size, lines: of('name')!.lines.length, regency: of('regency')?.size ?? 0, institution: of('institution')?.size ?? 0 };
    };
    for (const id of BADGE_LAYOUTS) {
      const s60 = sizes(long, id);
      // 60 characters on four lines: 11.5 pt on the A4 cards beside the 42 mm QR (it was 7 pt on
      // two lines, under a 9 pt regency); the A6 and the roll have the whole width.
      expect(s60.name, id).toBeGreaterThanOrEqual(10);
      expect(s60.name, id).toBeGreaterThanOrEqual(s60.regency);
      const s146 = sizes(longer, id);
      expect(s146.name, id).toBeGreaterThanOrEqual(s146.regency);
      expect(s146.name, id).toBeGreaterThanOrEqual(s146.institution);
      expect(s146.name, id).toBeGreaterThanOrEqual(5.5);
    }
  });
});

interface Word {
  text: string;
  x: number;
  y: number;
  cx: number;
  cy: number;
}

/** Words of each page with their boxes (points, top-left origin), from pdftotext -bbox. */
function pdfWords(file: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return html
    .split('<page ')
    .slice(1)
    .map((pg) =>
      [...pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => {
        const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
        return { text: unescape(m[5]!), x: x0, y: y0, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
      }),
    );
}

describe("the PDF's text layer", () => {
  for (const id of BADGE_LAYOUTS) {
    it(`${id}: holds each participant's name exactly, in its name box`, async () => {
      const people = [...(await fixtureBadges()), ...hardBadges()];
      const { file } = await renderToFile(id, people);
      const words = pdfWords(file);
      const sheet = SHEETS[id];
      const pages = layoutPages(sheet, measures, EVENT_NAME, 1.2, people);
      expect(words).toHaveLength(pages.length);
      pages.forEach((tags, p) => {
        for (const t of tags) {
          const name = t.elements.find((e) => e.kind === 'text' && e.part === 'name')!;
          const box = shift(boxOf(name), sheet.slots[t.slot]!);
          const inBox = words[p]!.filter(
            (w) => w.cx >= pt(box.x) && w.cx <= pt(box.x + box.w) && w.cy >= pt(box.y) && w.cy <= pt(box.y + box.h),
          );
          inBox.sort((a, b) => (Math.abs(a.y - b.y) > 2 ? a.y - b.y : a.x - b.x));
          // Line by line as laid out; the lines are the whole name (a cut word's hyphen is not text).
          const lines = (name as Extract<Element, { kind: 'text' }>).lines;
          expect(inBox.map((w) => w.text).join(' ')).toBe(lines.map((l) => l.text).join(' '));
          expect(joinLines(lines)).toBe(t.badge.name);
        }
      });
    });
  }
});
