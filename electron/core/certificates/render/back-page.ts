import { rgb, type PDFPage } from '@cantoo/pdf-lib';
import { drawFitted, drawLines, INK, measurer, NAVY, type Fonts } from './draw-text';
import { PT_PER_MM } from './geometry';
import { wrapRuns, type Line } from './text-layout';
import type { RenderEvent } from './types';

/** Where the back page prints the certificate's number (top right, inside the frame). */
export function backNumberBox(page: { getSize(): { width: number; height: number } }) {
  const { width: W, height: H } = page.getSize();
  // Clear of the corner ornaments (they reach 28 mm in from each edge).
  const top = H - 14.5 * PT_PER_MM;
  return { x: W / 2 - 60 * PT_PER_MM, w: 60 * PT_PER_MM + W / 2 - 32 * PT_PER_MM, h: 5 * PT_PER_MM, top, y: top - 5 * PT_PER_MM };
}

/** Sizes tried for the table, largest first: a long programme shrinks before it spills over. */
const SIZES = [10.5, 10, 9.5, 9, 8.5, 8];
/** The table and the JP note stay above the bottom corner ornaments (they reach 28 mm up). */
const BOTTOM_MM = 28;

type Cells = [string, string, string, string];
interface RowSpec {
  cells: Cells;
  bold?: boolean;
  fill?: ReturnType<typeof rgb>;
  color?: ReturnType<typeof rgb>;
}
interface LaidRow extends RowSpec {
  wrapped: Line[][];
  h: number;
}

/**
 * The back of a training certificate: the materials with their hours (JP, jam pelajaran of 45
 * minutes), the speakers, and the total, as a table. A long programme is set smaller (down to
 * 8 pt) to fit the page; one that still does not fit continues on further back pages, with the
 * header row again, and the total on the last. `newPage` gives a blank back page (frame drawn).
 * Returns the pages used.
 */
export function drawProgramme(newPage: () => PDFPage, event: RenderEvent, fonts: Fonts): PDFPage[] {
  const first = newPage();
  const { width: W, height: H } = first.getSize();
  const mm = PT_PER_MM;
  const left = 26 * mm;
  const right = W - 26 * mm;
  const bottom = BOTTOM_MM * mm;
  const measure = measurer(fonts);

  /** Title and the event's name and dates; returns where the table starts. */
  const heading = (page: PDFPage, continued: boolean): number => {
    let y = H - 26 * mm;
    const title = continued ? 'MATERI KEGIATAN (lanjutan)' : 'MATERI KEGIATAN';
    const box = { x: left, w: right - left, h: 10 * mm, top: y, y: y - 10 * mm };
    drawFitted(page, title, box, 18, fonts.bold, 'center', NAVY, 0.1);
    y -= 11 * mm;
    const sub = wrapRuns([{ text: `${event.name}, ${event.dates}`, bold: false }], (right - left) / 11, measure);
    const subH = sub.length * 11 * 1.3;
    drawLines(page, sub, { x: left, w: right - left, h: subH, top: y, y: y - subH }, 11, 'center', fonts);
    return y - subH - 6 * mm;
  };

  const cols = [
    { title: 'No', w: 12 * mm, align: 'center' as const },
    { title: 'Materi', w: 0, align: 'left' as const },
    { title: 'JP', w: 16 * mm, align: 'center' as const },
    { title: 'Narasumber', w: 70 * mm, align: 'left' as const },
  ];
  cols[1]!.w = right - left - cols[0]!.w - cols[2]!.w - cols[3]!.w;

  const header: RowSpec = { cells: cols.map((c) => c.title) as Cells, bold: true, fill: NAVY, color: rgb(1, 1, 1) };
  const items: RowSpec[] = event.programme.map((p, i) => ({
    cells: [String(i + 1), p.material, String(p.jp), p.speaker],
    fill: i % 2 ? rgb(0.96, 0.95, 0.92) : undefined,
  }));
  const total = event.programme.reduce((sum, p) => sum + p.jp, 0);
  const footer: RowSpec = { cells: ['', 'Jumlah', String(total), ''], bold: true, fill: rgb(0.92, 0.89, 0.8) };
  const noteH = 4 * mm + 9.5;

  const layout = (size: number) => {
    const pad = 2.2 * mm * (size / 10.5);
    const lineH = size * 1.3;
    const lay = (r: RowSpec) => {
      const wrapped = r.cells.map((c, i) => wrapRuns([{ text: c, bold: !!r.bold }], (cols[i]!.w - 2 * pad) / size, measure));
      const laid: LaidRow = { ...r, wrapped, h: Math.max(...wrapped.map((w) => w.length)) * lineH + 2 * pad };
      return laid;
    };
    return { size, pad, header: lay(header), items: items.map(lay), footer: lay(footer) };
  };
  const drawRow = (page: PDFPage, r: LaidRow, y: number, size: number, pad: number): number => {
    if (r.fill) page.drawRectangle({ x: left, y: y - r.h, width: right - left, height: r.h, color: r.fill });
    let x = left;
    r.wrapped.forEach((lines, i) => {
      const c = cols[i]!;
      const inner = { x: x + pad, w: c.w - 2 * pad, h: r.h - 2 * pad, top: y - pad, y: y - r.h + pad };
      drawLines(page, lines, inner, size, c.align, fonts, r.color ?? INK, 1.3, r.bold ? fonts.bold : fonts.regular);
      x += c.w;
    });
    page.drawLine({ start: { x: left, y: y - r.h }, end: { x: right, y: y - r.h }, thickness: 0.5, color: rgb(0.7, 0.7, 0.72) });
    return y - r.h;
  };

  let y = heading(first, false);
  const sum = (rs: { h: number }[]) => rs.reduce((a, r) => a + r.h, 0);
  // The largest size at which everything fits on the one page; else the smallest, over pages.
  const laid =
    SIZES.map(layout).find((l) => y - l.header.h - sum(l.items) - l.footer.h - noteH >= bottom) ?? layout(SIZES.at(-1)!);

  const pages = [first];
  let page = first;
  y = drawRow(page, laid.header, y, laid.size, laid.pad);
  const rows = [...laid.items, laid.footer];
  rows.forEach((r, i) => {
    // The last row also needs room for the note under the table.
    const need = r.h + (i === rows.length - 1 ? noteH : 0);
    // A row that would cross the bottom starts a new back page, with the header row again.
    if (y - need < bottom && i > 0) {
      page = newPage();
      pages.push(page);
      y = drawRow(page, laid.header, heading(page, true), laid.size, laid.pad);
    }
    y = drawRow(page, r, y, laid.size, laid.pad);
  });

  y -= 4 * mm;
  page.drawText('1 JP (jam pelajaran) = 45 menit.', { x: left, y, size: 9.5, font: fonts.italic, color: rgb(0.3, 0.3, 0.32) });
  return pages;
}
