import fs from 'node:fs';
import path from 'node:path';
import { fontMeasures, layoutPages, renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { SHEETS } from '../../electron/core/badges/sheets';
import type { BadgeData } from '../../electron/core/badges/tag-layout';
import type { BadgeLayoutId } from '../../electron/shared/badges';
import { RESOURCES, ROOT, tempDir } from './ctx';
import { crop, decodeZbar, decodeZxingCpp, decodeZxingJs, rasterise, writePgm, type Gray } from './qr-decode';

export const FONTS = loadBadgeFonts(RESOURCES);
export const LOGO = new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/logo.png')));
export const EVENT_NAME = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat (PSM) Provinsi Lampung 2022';

export async function renderToFile(layout: BadgeLayoutId, badges: BadgeData[], dir = tempDir('hadir-badges-')) {
  const pdf = await renderBadgesPdf({ layout, eventName: EVENT_NAME, logo: LOGO, fonts: FONTS, badges, offset: { x: 0, y: 0 } });
  const file = path.join(dir, `${layout}.pdf`);
  fs.writeFileSync(file, pdf);
  return { file, dir, bytes: pdf };
}

/**
 * Pixel alignments @zxing/library is given each QR at: the crop as cut, then with the crop moved 2,
 * 4 and 6 px right and down (its binarizer works in 8-px blocks, so these span one period).
 */
export const ZXING_JS_ALIGNMENTS = [0, 2, 4, 6];

/** The image without its first `by` rows and columns. */
function shifted(img: Gray, by: number): Gray {
  return by === 0 ? img : crop(img, { x: by, y: by, w: img.width - by, h: img.height - by });
}

export interface ScanReport {
  /** Per decoder: payloads that did not come back exactly once from their own page or tag. */
  missing: Record<'zxingCpp' | 'zxingJs' | 'zbar', string[]>;
  /** Texts decoded that no tag on that page carries. */
  unexpected: string[];
  decoded: number;
}

/**
 * Renders the PDF at `dpi` and decodes every QR with the three decoders: zxing-cpp on whole pages
 * (it must return exactly that page's payloads), zbarimg on each tag cut out of its page, and
 * @zxing/library on each QR with its quiet zone (from the layout). On whole tags @zxing/library
 * missed about 1 in 2,000: its finder search (selectBestPatterns, by count) now and then prefers a
 * look-alike in the text to a true corner; the webcam bench measures that case.
 *
 * @zxing/library is given the QR at up to four pixel alignments (ZXING_JS_ALIGNMENTS) and a code
 * is lost when none reads. At about 10 px a module (150 dpi) it misses a code at one alignment
 * and reads it at the next, whatever the layout: its finder search confirms the two top corners
 * only twice before skipping rows (FinderPatternFinder.findRowSkip), so a look-alike that pixel
 * rows meet three times (a 1:1:2:1:1 run, or a column sampled on a module boundary) outvotes a
 * corner. Measured on these 1,000 A4-10 tags at eight alignments 0-7 px: the 35 mm / 4-module QR
 * lost 0-1 codes per alignment (3 codes in all, each at one alignment), 40 mm / 2.5 lost 0-2,
 * 42 mm / 2 lost 0-4 (8 codes, none at more than four of the eight); at 100 dpi none ever.
 * A camera gives it a new alignment every frame; a symbol it cannot read at any alignment (a
 * false finder pattern in the modules, qr-modules.ts) is still lost here.
 */
export async function scanAll(layout: BadgeLayoutId, badges: BadgeData[], pdfFile: string, dpi: number): Promise<ScanReport> {
  const sheet = SHEETS[layout];
  const pages = layoutPages(sheet, fontMeasures(FONTS), EVENT_NAME, 1, badges);
  const dir = path.join(path.dirname(pdfFile), `r${dpi}`);
  const imgs = rasterise(pdfFile, dpi, dir);
  if (imgs.length !== pages.length) throw new Error(`${imgs.length} images for ${pages.length} pages`);
  const report: ScanReport = { missing: { zxingCpp: [], zxingJs: [], zbar: [] }, unexpected: [], decoded: 0 };
  const check = (which: keyof ScanReport['missing'], want: string[], got: string[]) => {
    const left = [...got];
    for (const w of want) {
      const k = left.indexOf(w);
      if (k < 0) report.missing[which].push(w);
      else (left.splice(k, 1), report.decoded++);
    }
    report.unexpected.push(...left);
  };
  const px = dpi / 25.4;
  const tags: { want: string; img: ReturnType<typeof crop>; qr: ReturnType<typeof crop> }[] = [];
  for (let i = 0; i < pages.length; i++) {
    check(
      'zxingCpp',
      pages[i]!.map((t) => t.badge.payload),
      await decodeZxingCpp(imgs[i]!),
    );
    for (const t of pages[i]!) {
      const s = sheet.slots[t.slot]!;
      const img = crop(imgs[i]!, { x: s.x * px, y: s.y * px, w: s.w * px, h: s.h * px });
      const q = t.elements.find((e) => e.kind === 'qr')!;
      const r = q.kind === 'qr' ? q.quiet : s;
      const qr = crop(imgs[i]!, { x: (s.x + r.x) * px, y: (s.y + r.y) * px, w: r.w * px, h: r.h * px });
      tags.push({ want: t.badge.payload, img: writePgm(img, path.join(dir, `tag-${tags.length}.pgm`)), qr });
    }
    fs.rmSync(imgs[i]!.file);
  }
  const zbar = decodeZbar(tags.map((t) => t.img));
  tags.forEach((t, i) => {
    check('zbar', [t.want], zbar[i]!);
    let js: string | null = null;
    for (const by of ZXING_JS_ALIGNMENTS) if ((js = decodeZxingJs(shifted(t.qr, by))) !== null) break;
    check('zxingJs', [t.want], js === null ? [] : [js]);
  });
  fs.rmSync(dir, { recursive: true });
  return report;
}
