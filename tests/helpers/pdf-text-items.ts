import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mm } from '../../electron/core/pdf/geometry';

/** One run of text as a PDF reader sees it: its size and box read back from the file, not from the layout. */
export interface TextItem {
  text: string;
  /** Font size in points (the text matrix's scale). */
  size: number;
  /** Left edge and width, mm from the page's left. */
  x: number;
  w: number;
  /** Baseline, mm from the page's top. */
  baseline: number;
}

/**
 * Every text run on every page, through pdf.js (a reader of its own, not poppler and not our
 * writer): what a tag or certificate really prints, to hold against the layout's geometry.
 */
export async function pdfTextItems(bytes: Uint8Array): Promise<TextItem[][]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false });
  const doc = await task.promise;
  const pages: TextItem[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , , top] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, , , d, e, f] = it.transform as number[];
      items.push({ text: it.str, size: Math.hypot(a!, 0) || d!, x: mm(e!), w: mm(it.width), baseline: mm(top - f!) });
    }
    pages.push(items);
  }
  await task.destroy();
  return pages;
}
