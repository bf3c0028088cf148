// How a PDF is cut into print jobs, and at what resolution its pages are rendered. Pure, for
// unit tests. The print page (renderer/src/print) rasterises each page with pdf.js, and Chromium
// holds every image of a job decoded while it prints: 1,000 A4 certificates at 300 dpi would be
// 35 GB. So a silent print goes out as several jobs of bounded size, at full resolution; a print
// through the dialog must be one job (the dialog cannot be shown once and reused), so a large
// one is rendered at a lower resolution, and past MIN_DPI it is refused (save the PDF instead).
import type { PdfPage } from './print-options';

/** Sharp text and QR modules on office lasers and label printers (203/300 dpi heads). */
export const PRINT_DPI = 300;
/** Below this, 8 px per module of a 35 mm version-1 QR; text turns soft. */
export const MIN_DPI = 150;
/** Pixels one job may hold (about 18 A4 pages at 300 dpi, ~640 MB decoded). */
export const JOB_PIXELS = 160_000_000;

export interface PrintChunk {
  /** 1-based, inclusive. */
  from: number;
  to: number;
  /** Every page of a chunk has this size: one @page size per job. */
  page: PdfPage;
}

export interface PrintPlan {
  dpi: number;
  chunks: PrintChunk[];
}

const pixels = (p: PdfPage, dpi: number) => ((p.widthPt * dpi) / 72) * ((p.heightPt * dpi) / 72);
const sameSize = (a: PdfPage, b: PdfPage) => Math.abs(a.widthPt - b.widthPt) < 0.5 && Math.abs(a.heightPt - b.heightPt) < 0.5;

/** null: too large to go through the print dialog as one job. */
export function printPlan(pages: PdfPage[], silent: boolean): PrintPlan | null {
  if (pages.length === 0) return null;
  if (!silent) {
    const total = pages.reduce((n, p) => n + pixels(p, PRINT_DPI), 0);
    const dpi = Math.min(PRINT_DPI, Math.floor(PRINT_DPI * Math.sqrt(JOB_PIXELS / total)));
    if (dpi < MIN_DPI) return null;
    return { dpi, chunks: [{ from: 1, to: pages.length, page: pages[0]! }] };
  }
  const chunks: PrintChunk[] = [];
  let used = 0;
  pages.forEach((p, i) => {
    const px = pixels(p, PRINT_DPI);
    const last = chunks[chunks.length - 1];
    if (last && sameSize(last.page, p) && used + px <= JOB_PIXELS) {
      last.to = i + 1;
      used += px;
    } else {
      chunks.push({ from: i + 1, to: i + 1, page: p });
      used = px;
    }
  });
  return { dpi: PRINT_DPI, chunks };
}
