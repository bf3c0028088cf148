import {
  PDFDocument,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  setLineWidth,
  setStrokingGrayscaleColor,
  stroke,
  type PDFFont,
  type PDFImage,
  type PDFOperator,
  type PDFPage,
} from '@cantoo/pdf-lib';
import type { BadgeLayoutId, Offset } from '../../shared/badges';
import { cachingFontkit, measureOf, type FontBytes } from './fonts';
import { pt } from './geometry';
import { embedLogoPng } from './logo-image';
import { QR_MODULES, qrRects } from './qr-modules';
import { SHEETS, type Sheet } from './sheets';
import { layoutTag, type BadgeData, type Element, type FontKey, type Fonts } from './tag-layout';
import { drawsInArabic } from '../pdf/arabic-names';

export interface BadgeRenderInput {
  layout: BadgeLayoutId;
  eventName: string;
  /** PNG or JPEG bytes (event.logo), or null. */
  logo: Uint8Array | null;
  fonts: FontBytes;
  badges: BadgeData[];
  offset: Offset;
  /** Stop after this many pages (the screen's preview needs one). */
  maxPages?: number;
  /** Called after each page, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between pages: true stops the render with a `cancelled` error. */
  isCancelled?: () => boolean;
}

export class RenderCancelled extends Error {
  constructor() {
    super('Badge rendering was cancelled.');
    this.name = 'RenderCancelled';
  }
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/** Measures for the tag layout, the same for the PDF and for the geometry tests. */
export const fontMeasures = (fonts: FontBytes): Fonts => ({
  regular: measureOf(fonts.regular),
  bold: measureOf(fonts.bold),
  ...(fonts.arabic ? { arabic: { measure: measureOf(fonts.arabic), draws: (t: string) => drawsInArabic(t, fonts.arabic) } } : {}),
});

/** Groups badges into pages of the sheet, then lays every tag out: what the PDF will draw. */
export function layoutPages(sheet: Sheet, fonts: Fonts, eventName: string, logoAspect: number | null, badges: BadgeData[]) {
  const per = sheet.slots.length;
  const pages: { slot: number; badge: BadgeData; elements: Element[] }[][] = [];
  badges.forEach((badge, i) => {
    if (i % per === 0) pages.push([]);
    pages[pages.length - 1]!.push({ slot: i % per, badge, elements: layoutTag(sheet.tag, fonts, eventName, logoAspect, badge) });
  });
  return pages;
}

/**
 * Name tags as a PDF. Pure: plain data in, bytes out; no database, no files, so a worker can
 * run it while the desk keeps scanning. Fonts are embedded as subsets (only the glyphs used).
 */
export async function renderBadgesPdf(input: BadgeRenderInput): Promise<Uint8Array> {
  const sheet = SHEETS[input.layout];
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  doc.setTitle(input.eventName);
  doc.setCreator('Hadir');
  doc.setProducer('Hadir');
  // A fixed date: the same data gives the same bytes (and the PDF says nothing about when).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const fonts: Partial<Record<FontKey, PDFFont>> = {
    regular: await doc.embedFont(input.fonts.regular, { subset: true }),
    bold: await doc.embedFont(input.fonts.bold, { subset: true }),
  };
  let logo: PDFImage | null = null;
  if (input.logo) logo = isPng(input.logo) ? await embedLogoPng(doc, input.logo) : await doc.embedJpg(input.logo);
  const measures = fontMeasures(input.fonts);
  // A preview lays out only the tags of the pages it shows.
  const wanted = input.maxPages === undefined ? input.badges : input.badges.slice(0, input.maxPages * sheet.slots.length);
  let pages = layoutPages(sheet, measures, input.eventName, logo ? logo.width / logo.height : null, wanted);
  // The Arabic fallback is embedded only when a name on these pages is set in it.
  if (input.fonts.arabic && pages.some((pg) => pg.some((t) => t.elements.some((e) => e.kind === 'text' && e.font === 'arabic'))))
    fonts.arabic = await doc.embedFont(input.fonts.arabic, { subset: true });
  if (!pages.length) pages = [[]];
  // Page content costs ~1 ms a page; check cancellation and report progress every page.
  for (let i = 0; i < pages.length; i++) {
    if (input.isCancelled?.()) throw new RenderCancelled();
    const page = doc.addPage([pt(sheet.page.w), pt(sheet.page.h)]);
    const draw = drawer(page, sheet, input.offset, fonts, logo);
    draw.cutMarks();
    for (const t of pages[i]!) draw.tag(sheet.slots[t.slot]!, t.elements);
    input.onProgress?.(i + 1, pages.length);
    // Let a worker's message loop breathe (cancel messages) on long runs.
    if (i % 20 === 19) await new Promise((r) => setImmediate(r));
  }
  return doc.save({ useObjectStreams: true });
}

/** Draws layout elements on a page, mm in, points out, shifted by the printer offset. */
function drawer(page: PDFPage, sheet: Sheet, offset: Offset, fonts: Partial<Record<FontKey, PDFFont>>, logo: PDFImage | null) {
  const H = pt(sheet.page.h);
  const X = (x: number) => pt(x + offset.x);
  const Y = (y: number) => H - pt(y + offset.y);
  return {
    cutMarks() {
      if (!sheet.cutMarks.length) return;
      const ops: PDFOperator[] = [pushGraphicsState(), setStrokingGrayscaleColor(0), setLineWidth(0.4)];
      for (const l of sheet.cutMarks) ops.push(moveTo(X(l.x1), Y(l.y1)), lineTo(X(l.x2), Y(l.y2)));
      ops.push(stroke(), popGraphicsState());
      page.pushOperators(...ops);
    },
    tag(slot: { x: number; y: number }, elements: Element[]) {
      for (const e of elements) {
        if (e.kind === 'rect') {
          page.drawRectangle({
            x: X(slot.x + e.rect.x),
            y: Y(slot.y + e.rect.y + e.rect.h),
            width: pt(e.rect.w),
            height: pt(e.rect.h),
            color: rgb(...e.color),
          });
        } else if (e.kind === 'text') {
          const font = fonts[e.font]!;
          for (const l of e.lines) {
            page.drawText(l.text, { x: X(slot.x + l.x), y: Y(slot.y + l.baseline), size: e.size, font, color: rgb(...e.color) });
          }
        } else if (e.kind === 'logo' && logo) {
          page.drawImage(logo, {
            x: X(slot.x + e.rect.x),
            y: Y(slot.y + e.rect.y + e.rect.h),
            width: pt(e.rect.w),
            height: pt(e.rect.h),
          });
        } else if (e.kind === 'qr') {
          // Every dark module run as a rectangle in ONE path, filled once: no seams, few operators.
          const u = e.rect.w / QR_MODULES;
          const x0 = slot.x + e.rect.x;
          const y0 = slot.y + e.rect.y;
          const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
          for (const r of qrRects(e.payload)) {
            ops.push(rectangle(X(x0 + r.x * u), Y(y0 + (r.y + r.h) * u), pt(r.w * u), pt(r.h * u)));
          }
          ops.push(fill(), popGraphicsState());
          page.pushOperators(...ops);
        }
      }
    },
  };
}
