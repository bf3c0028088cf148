// A recap view as a PDF table (first: the certificate number register the office files). Pure:
// plain data in, PDF bytes out, so a job worker runs it while the desks keep scanning.
//
// A4 landscape. Every page repeats the title block (the view's title, the event, organiser and
// dates) and the column header, and says "Halaman n dari N": pages of a register get separated
// in a folder. Cells are set as on the daftar hadir (rowCell): whole, wrapped, never cut.
import { rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { type FontBytes } from '../pdf/fonts';
import { reportDoc } from '../pdf/report-doc';
import { pt } from '../pdf/geometry';
import { reportPen } from '../pdf/report-pen';
import { rowCell } from './daftar-hadir';

export interface TablePdfInput {
  /** What the table is, e.g. "Register nomor sertifikat". */
  title: string;
  eventName: string;
  organiser: string;
  /** Dates and place, e.g. "7–8 September 2022 · Hotel Horison, Bandar Lampung". */
  detail: string;
  /** When it was made, in the event's zone, labelled: "Dibuat 9 September 2022 10.15 WIB". */
  madeAt: string;
  header: string[];
  rows: string[][];
  /** Shown instead of the rows when there are none. */
  empty: string;
  fonts: FontBytes;
  /**
   * A sign-off block after the table (the reconciliation, for the committee): a line of text,
   * then one signature box per role, each with room to sign, a name line and a date line.
   */
  signOff?: { text: string; roles: string[] };
}

/** The sign-off block's height: its text, the role, room to sign, the name and date lines. */
const SIGN_H = 46;

const PAGE = { w: 297, h: 210 };
const MARGIN = { top: 12, bottom: 14, left: 12, right: 12 };
const TITLE_H = 22;
const TEXT = 8;
const PAD = 1.2;
const ROW_MIN = 6.5;
const MM_PER_PT = 25.4 / 72;

export async function renderTablePdf(input: TablePdfInput): Promise<Uint8Array> {
  const { doc, addPage, regular, bold, measure } = await reportDoc(`${input.title} - ${input.eventName}`, input.fonts);
  const { ink, text, line, lineH } = reportPen(PAGE.h, regular, 0.4);
  const grey = rgb(0.93, 0.93, 0.93);
  const widthAt = (m: (t: string) => number) => (t: string, size: number) => m(t) * size * MM_PER_PT;

  // Column widths: each column's widest cell (its header's longest word at least), shrunk in
  // proportion to what is wider than 30 mm when the table is wider than the page.
  const tableW = PAGE.w - MARGIN.left - MARGIN.right;
  const natural = input.header.map((h, k) => {
    const cells = input.rows.map((r) => widthAt(measure.regular)(r[k] ?? '', TEXT));
    const head = Math.max(...h.split(/\s+/).map((w) => widthAt(measure.bold)(w, TEXT)));
    return Math.max(head, ...cells) + 2 * PAD + 0.5;
  });
  const widths = fitWidths(natural, tableW);

  const headSets = input.header.map((h, k) => rowCell(h, widths[k]! - 2 * PAD, widthAt(measure.bold)));
  const headH = Math.max(ROW_MIN, ...headSets.map((s) => s.lines.length * lineH(s.size) + 2 * PAD));
  const sets = input.rows.map((r) => r.map((v, k) => rowCell(v, widths[k]! - 2 * PAD, widthAt(measure.regular))));
  const heights = sets.map((cells) => Math.max(ROW_MIN, ...cells.map((s) => s.lines.length * lineH(s.size) + 2 * PAD)));

  // Which rows on which page: the same room on every page (the title block repeats).
  const room = PAGE.h - MARGIN.top - MARGIN.bottom - TITLE_H - headH;
  const pages: [number, number][] = [];
  for (let i = 0; i < heights.length || pages.length === 0; ) {
    const from = i;
    let used = 0;
    while (i < heights.length && (i === from || used + heights[i]! <= room + 1e-9)) used += heights[i++]!;
    pages.push([from, i]);
    if (i >= heights.length) break;
  }

  const cells = (page: PDFPage, set: { size: number; lines: string[] }[], y: number, h: number, font: PDFFont) => {
    let x = MARGIN.left;
    set.forEach((c, k) => {
      const top = y + (h - lineH(c.size) * c.lines.length) / 2;
      c.lines.forEach((l, n) => text(page, l, x + PAD, top + n * lineH(c.size), c.size, font));
      x += widths[k]!;
    });
  };

  const lastRows = pages[pages.length - 1]!;
  const lastUsed = heights.slice(lastRows[0], lastRows[1]).reduce((a, h) => a + h, 0) + (input.rows.length ? 0 : 8);
  const signPage = input.signOff !== undefined && room - lastUsed < SIGN_H + 6;
  const pageCount = pages.length + (signPage ? 1 : 0);
  const footer = (page: PDFPage, p: number) => {
    const foot = PAGE.h - MARGIN.bottom + 5;
    text(page, input.madeAt, MARGIN.left, foot, 7);
    const n = `Halaman ${p + 1} dari ${pageCount}`;
    text(page, n, PAGE.w - MARGIN.right - widthAt(measure.regular)(n, 7), foot, 7);
  };
  const signOff = (page: PDFPage, s: { text: string; roles: string[] }, top: number) => {
    // The text wraps within the table's width (two lines at 8 pt, more at 7 pt).
    const set = rowCell(s.text, tableW, widthAt(measure.regular));
    set.lines.forEach((l, n) => text(page, l, MARGIN.left, top + n * lineH(set.size), set.size));
    top += set.lines.length * lineH(set.size) + 2;
    const boxW = tableW / s.roles.length;
    s.roles.forEach((role, k) => {
      const x = MARGIN.left + k * boxW + 4;
      text(page, role, x, top + 7, 9, bold);
      line(page, x, top + 27, x + boxW - 12, top + 27, 0.5);
      text(page, 'Nama:', x, top + 28.5, 8);
      text(page, 'Tanggal:', x, top + 33, 8);
    });
  };

  pages.forEach(([from, to], p) => {
    const page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    let y = MARGIN.top;
    text(page, input.title.toUpperCase(), MARGIN.left, y, 12, bold);
    const name = rowCell(input.eventName, tableW, widthAt(measure.bold));
    text(page, name.lines.length > 1 ? `${name.lines[0]} …` : input.eventName, MARGIN.left, y + 6, 10, bold);
    text(page, `${input.organiser} · ${input.detail}`, MARGIN.left, y + 11.5, 8.5);
    y += TITLE_H - 4;

    page.drawRectangle({ x: pt(MARGIN.left), y: pt(PAGE.h - y - headH), width: pt(tableW), height: pt(headH), color: grey });
    cells(page, headSets, y, headH, bold);
    const y0 = y;
    y += headH;
    for (let i = from; i < to; i++) {
      cells(page, sets[i]!, y, heights[i]!, regular);
      y += heights[i]!;
      line(page, MARGIN.left, y, MARGIN.left + tableW, y);
    }
    // The grid: outer frame, the header's foot, the column rules.
    line(page, MARGIN.left, y0, MARGIN.left + tableW, y0);
    line(page, MARGIN.left, y0 + headH, MARGIN.left + tableW, y0 + headH);
    let x = MARGIN.left;
    for (const w of [0, ...widths]) {
      x += w;
      line(page, x, y0, x, y);
    }
    if (input.rows.length === 0) text(page, input.empty, MARGIN.left + PAD, y + 3, 9);
    // The sign-off after the last row, when it fits there (else on a page of its own, below).
    if (input.signOff && p === pages.length - 1 && !signPage) signOff(page, input.signOff, y + (input.rows.length ? 6 : 14));

    footer(page, p);
  });
  if (input.signOff && signPage) {
    const page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    signOff(page, input.signOff, MARGIN.top);
    footer(page, pages.length);
  }
  return doc.save();
}

/**
 * Widths that fill `total`: the natural widths when they fit (spread evenly over the extra room),
 * else the columns wider than 30 mm shrunk in proportion (a name column wraps, a number stays).
 */
export function fitWidths(natural: number[], total: number): number[] {
  const sum = natural.reduce((s, w) => s + w, 0);
  if (sum <= total) return natural.map((w) => w + (total - sum) / natural.length);
  const FIXED = 30;
  const small = natural.reduce((s, w) => s + Math.min(w, FIXED), 0);
  const wide = natural.reduce((s, w) => s + Math.max(0, w - FIXED), 0);
  const scale = Math.max(0, total - small) / wide;
  return natural.map((w) => (w <= FIXED ? w : FIXED + (w - FIXED) * scale));
}
