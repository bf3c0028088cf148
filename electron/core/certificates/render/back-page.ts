import { rgb, type PDFPage } from '@cantoo/pdf-lib';
import { drawFitted, drawLines, INK, measurer, NAVY, type Fonts } from './draw-text';
import { PT_PER_MM } from './geometry';
import { wrapRuns } from './text-layout';
import type { RenderEvent } from './types';

/** Where the back page prints the certificate's number (top right, inside the frame). */
export function backNumberBox(page: { getSize(): { width: number; height: number } }) {
  const { width: W, height: H } = page.getSize();
  // Clear of the corner ornaments (they reach 28 mm in from each edge).
  const top = H - 14.5 * PT_PER_MM;
  return { x: W / 2 - 60 * PT_PER_MM, w: 60 * PT_PER_MM + W / 2 - 32 * PT_PER_MM, h: 5 * PT_PER_MM, top, y: top - 5 * PT_PER_MM };
}

/**
 * The back of a training certificate: the materials with their hours (JP, jam pelajaran of 45
 * minutes), the speakers, and the total, as a table.
 */
export function drawProgramme(page: PDFPage, event: RenderEvent, fonts: Fonts): void {
  const { width: W, height: H } = page.getSize();
  const mm = PT_PER_MM;
  const left = 26 * mm;
  const right = W - 26 * mm;
  let y = H - 26 * mm;

  drawFitted(
    page,
    'MATERI KEGIATAN',
    { x: left, w: right - left, h: 10 * mm, top: y, y: y - 10 * mm },
    18,
    fonts.bold,
    'center',
    NAVY,
    0.1,
  );
  y -= 11 * mm;
  const measure = measurer(fonts);
  const sub = wrapRuns([{ text: `${event.name}, ${event.dates}`, bold: false }], (right - left) / 11, measure);
  const subH = sub.length * 11 * 1.3;
  drawLines(page, sub, { x: left, w: right - left, h: subH, top: y, y: y - subH }, 11, 'center', fonts);
  y -= subH + 6 * mm;

  const size = 10.5;
  const cols = [
    { title: 'No', w: 12 * mm, align: 'center' as const },
    { title: 'Materi', w: 0, align: 'left' as const },
    { title: 'JP', w: 16 * mm, align: 'center' as const },
    { title: 'Narasumber', w: 70 * mm, align: 'left' as const },
  ];
  cols[1]!.w = right - left - cols[0]!.w - cols[2]!.w - cols[3]!.w;
  const pad = 2.2 * mm;
  const lineH = size * 1.3;

  const row = (cells: string[], opts: { bold?: boolean; fill?: ReturnType<typeof rgb>; color?: ReturnType<typeof rgb> }) => {
    const wrapped = cells.map((c, i) => wrapRuns([{ text: c, bold: !!opts.bold }], (cols[i]!.w - 2 * pad) / size, measure));
    const h = Math.max(...wrapped.map((w) => w.length)) * lineH + 2 * pad;
    if (opts.fill) page.drawRectangle({ x: left, y: y - h, width: right - left, height: h, color: opts.fill });
    let x = left;
    wrapped.forEach((lines, i) => {
      const c = cols[i]!;
      const inner = { x: x + pad, w: c.w - 2 * pad, h: h - 2 * pad, top: y - pad, y: y - h + pad };
      drawLines(page, lines, inner, size, c.align, fonts, opts.color ?? INK, 1.3, opts.bold ? fonts.bold : fonts.regular);
      x += c.w;
    });
    page.drawLine({ start: { x: left, y: y - h }, end: { x: right, y: y - h }, thickness: 0.5, color: rgb(0.7, 0.7, 0.72) });
    y -= h;
  };

  row(
    cols.map((c) => c.title),
    { bold: true, fill: NAVY, color: rgb(1, 1, 1) },
  );
  event.programme.forEach((p, i) =>
    row([String(i + 1), p.material, String(p.jp), p.speaker], { fill: i % 2 ? rgb(0.96, 0.95, 0.92) : undefined }),
  );
  const total = event.programme.reduce((s, p) => s + p.jp, 0);
  row(['', 'Jumlah', String(total), ''], { bold: true, fill: rgb(0.92, 0.89, 0.8) });

  y -= 4 * mm;
  page.drawText('1 JP (jam pelajaran) = 45 menit.', { x: left, y, size: 9.5, font: fonts.italic, color: rgb(0.3, 0.3, 0.32) });
}
