import { PDFDocument, type PDFFont, type PDFImage } from '@cantoo/pdf-lib';
import type { BadgeLayoutId, Offset } from '../../shared/badges';
import { cachingFontkit, measureOf, type FontBytes } from '../pdf/fonts';
import { mm, pt } from '../pdf/geometry';
import { HYPHEN } from '../pdf/fit-text';
import { embedLogoPng } from './logo-image';
import { moduleRunOperators } from '../pdf/qr-operators';
import { num } from '../pdf/raw-pages';
import { StreamedPdf } from '../pdf/streamed-pdf';
import { QR_MODULES, qrRects } from '../qr/qr-modules';
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
 *
 * Speed and memory (tests/bench/badges.ts): each page is laid out when it is drawn and written at
 * once as one deflated content stream of raw operators (text with the fonts' glyph codes, the QR
 * as module runs), all pages sharing one resource dictionary; what the document holds until
 * save() is those compressed bytes, a few KB a page.
 */
export async function renderBadgesPdf(input: BadgeRenderInput): Promise<Uint8Array> {
  const sheet = SHEETS[input.layout];
  // A preview lays out only the tags of the pages it shows.
  const per = sheet.slots.length;
  const wanted = input.maxPages === undefined ? input.badges.length : Math.min(input.badges.length, input.maxPages * per);
  const total = Math.max(1, Math.ceil(wanted / per));
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
  const logoAspect = logo ? logo.width / logo.height : null;
  // The Arabic fallback is embedded only when a name on these pages is set in it.
  const wantsArabic = (b: BadgeData) => measures.arabic?.draws(b.name) === true;
  if (input.fonts.arabic && input.badges.slice(0, wanted).some(wantsArabic))
    fonts.arabic = await doc.embedFont(input.fonts.arabic, { subset: true });
  const pages = new StreamedPdf(doc, {
    Font: { FR: fonts.regular!.ref, FB: fonts.bold!.ref, ...(fonts.arabic ? { FA: fonts.arabic.ref } : {}) },
    ...(logo ? { XObject: { Logo: logo.ref } } : {}),
  });
  const size: [number, number] = [pt(sheet.page.w), pt(sheet.page.h)];
  const draw = drawer(sheet, input.offset, fonts);
  // Page content costs ~1 ms a page; check cancellation and report progress every page.
  for (let i = 0; i < total; i++) {
    if (input.isCancelled?.()) throw new RenderCancelled();
    let ops = draw.cutMarks();
    for (let k = 0; k < per && i * per + k < wanted; k++) {
      const badge = input.badges[i * per + k]!;
      ops += draw.tag(sheet.slots[k]!, layoutTag(sheet.tag, measures, input.eventName, logoAspect, badge));
    }
    pages.addPage(size, ops);
    input.onProgress?.(i + 1, total);
    // Let a worker's message loop breathe (cancel messages) on long runs.
    if (i % 20 === 19) await new Promise((r) => setImmediate(r));
  }
  return pages.finish();
}

const rg = (c: readonly [number, number, number]) => `${num(c[0])} ${num(c[1])} ${num(c[2])} rg`;

/** Layout elements as content-stream text, mm in, points out, shifted by the printer offset. */
function drawer(sheet: Sheet, offset: Offset, fonts: Partial<Record<FontKey, PDFFont>>) {
  const H = pt(sheet.page.h);
  const X = (x: number) => pt(x + offset.x);
  const Y = (y: number) => H - pt(y + offset.y);
  const key = { regular: 'FR', bold: 'FB', arabic: 'FA' } as const;
  // An Arabic name is one shaped run, right to left as fontkit returns it: never cut into words.
  const encode = {
    regular: wordEncoder(fonts.regular!),
    bold: wordEncoder(fonts.bold!),
    arabic: (text: string) => fonts.arabic!.encodeText(text).asString(),
  };
  return {
    cutMarks(): string {
      if (!sheet.cutMarks.length) return '';
      let ops = 'q 0 G 0.4 w\n';
      for (const l of sheet.cutMarks) ops += `${num(X(l.x1))} ${num(Y(l.y1))} m ${num(X(l.x2))} ${num(Y(l.y2))} l\n`;
      return ops + 'S Q\n';
    },
    tag(slot: { x: number; y: number }, elements: Element[]): string {
      let ops = '';
      for (const e of elements) {
        if (e.kind === 'rect') {
          const r = e.rect;
          ops += `q ${rg(e.color)} ${num(X(slot.x + r.x))} ${num(Y(slot.y + r.y + r.h))} ${num(pt(r.w))} ${num(pt(r.h))} re f Q\n`;
        } else if (e.kind === 'text') {
          ops += `BT ${rg(e.color)} /${key[e.font]} ${num(e.size)} Tf\n`;
          for (const l of e.lines) {
            ops += `1 0 0 1 ${num(X(slot.x + l.x))} ${num(Y(slot.y + l.baseline))} Tm <${encode[e.font](l.text)}> Tj\n`;
          }
          ops += 'ET\n';
          // A word cut between letters: the hyphen as a bar where Noto Sans Bold draws "-", outside the text layer.
          for (const l of e.lines) {
            if (!l.hyphen) continue;
            const x0 = l.x + l.width - mm((HYPHEN.advance - HYPHEN.x0) * e.size);
            const y0 = l.baseline - mm(HYPHEN.y1 * e.size);
            const w = mm((HYPHEN.x1 - HYPHEN.x0) * e.size);
            const h = mm((HYPHEN.y1 - HYPHEN.y0) * e.size);
            ops += `q ${rg(e.color)} ${num(X(slot.x + x0))} ${num(Y(slot.y + y0 + h))} ${num(pt(w))} ${num(pt(h))} re f Q\n`;
          }
        } else if (e.kind === 'logo') {
          const r = e.rect;
          ops += `q ${num(pt(r.w))} 0 0 ${num(pt(r.h))} ${num(X(slot.x + r.x))} ${num(Y(slot.y + r.y + r.h))} cm /Logo Do Q\n`;
        } else if (e.kind === 'qr') {
          // Every dark module run as a rectangle in ONE path, filled once: no seams, few operators.
          const u = pt(e.rect.w / QR_MODULES);
          ops += moduleRunOperators(qrRects(e.payload), X(slot.x + e.rect.x), Y(slot.y + e.rect.y), u) + '\n';
        }
      }
      return ops;
    },
  };
}

/**
 * A line's glyph codes, word by word: pdf-lib's encodeText (fontkit's shaping, and the glyphs
 * recorded for the subset) once per distinct word, the codes of a line joined by the space's.
 * Shaping a whole line cost more than anything else on a tag, and names, regencies and roles
 * repeat their words; no feature of the tag fonts (Noto Sans) reaches across a space.
 */
function wordEncoder(font: PDFFont) {
  const cache = new Map<string, string>();
  const hex = (w: string) => {
    let h = cache.get(w);
    if (h === undefined) {
      // Bounded: badge codes bring new words on every tag (constant memory with the number of people).
      if (cache.size >= 10_000) cache.clear();
      cache.set(w, (h = font.encodeText(w).asString()));
    }
    return h;
  };
  const space = hex(' ');
  return (text: string) => text.split(' ').map(hex).join(space);
}
