// The daftar hadir: the signed attendance sheet per day that the office files to account for the
// activity. Pure: plain data in, PDF bytes out (no database, no files), so a worker can run it.
//
// The paper conventions it follows: a header with the event, day, date and venue; a table of
// No, Nama, Kabupaten/Kota, Instansi, Peran, Jam hadir and a signature column in zig-zag (odd
// numbers sign on the left half, even on the right, so neighbours' signatures do not collide);
// the header repeated on every page; no row split across pages; the signatory's block at the end.
import { rgb, type PDFFont, type PDFImage, type PDFPage } from '@cantoo/pdf-lib';
import { measureOf, type FontBytes } from '../pdf/fonts';
import { reportDoc } from '../pdf/report-doc';
import { pt } from '../pdf/geometry';
import { reportPen } from '../pdf/report-pen';
import { drawsInArabic } from '../pdf/arabic-names';

export interface DaftarHadirRow {
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
  /** 'HH:MM' in the event's time zone, or null (absent: to be signed on paper). */
  time: string | null;
}

export interface DaftarHadirInput {
  eventName: string;
  organiser: string;
  venue: string;
  city: string;
  dayNo: number;
  /** Spelled out, e.g. "Rabu, 7 September 2022". */
  dateText: string;
  /** WIB, WITA or WIT. */
  zoneLabel: string;
  rows: DaftarHadirRow[];
  signatory: { place: string; dateText: string; title: string; name: string; rank?: string; nip: string };
  /** A second signatory on the left, "Mengetahui" (e.g. the head of division), chosen on the event screen (issue 20). */
  mengetahui?: { caption: string; title: string; name: string; rank?: string; nip: string } | null;
  logo: Uint8Array | null;
  fonts: FontBytes;
}

// A4 portrait, in millimetres from the top-left.
const PAGE = { w: 210, h: 297 };
const MARGIN = { top: 14, bottom: 16, left: 14, right: 14 };
const ROW_H = 10; // room for a signature
const HEAD_H = 8;
const TEXT = 8; // pt
const SMALL = 7;
/** Room above and below a cell's text in a row that grew for it, in mm. */
const CELL_PAD = 1;

/** Columns: title, width in mm. The signature column takes what is left. */
const COLS = [
  { key: 'no', title: 'No', w: 8 },
  { key: 'name', title: 'Nama', w: 43 },
  { key: 'regency', title: 'Kabupaten/Kota', w: 27 },
  { key: 'institution', title: 'Instansi', w: 26 },
  { key: 'role', title: 'Peran', w: 18 },
  { key: 'time', title: 'Jam hadir', w: 15 },
] as const;
const SIGN_W = PAGE.w - MARGIN.left - MARGIN.right - COLS.reduce((s, c) => s + c.w, 0);

export interface TableGeometry {
  /** Rows per page (the first page has less room: the title block). */
  firstPageRows: number;
  otherPageRows: number;
  titleH: number;
}

export const SIGNATORY_H = 46;

export function tableGeometry(): TableGeometry {
  const titleH = 34;
  const body = PAGE.h - MARGIN.top - MARGIN.bottom;
  return {
    titleH,
    firstPageRows: Math.floor((body - titleH - HEAD_H) / ROW_H),
    otherPageRows: Math.floor((body - HEAD_H) / ROW_H),
  };
}

/**
 * Which rows go on which page, and whether the signatory block needs a page of its own. `rows` is
 * a count of ordinary rows, or each row's height in mm: a row grows for a long name, which is
 * wrapped, never cut (the sheet is signed). A row is never split across pages.
 */
export function paginate(rows: number | number[], g = tableGeometry()): { pages: [number, number][]; signatoryOnNewPage: boolean } {
  const heights = typeof rows === 'number' ? Array.from({ length: rows }, () => ROW_H) : rows;
  const body = PAGE.h - MARGIN.top - MARGIN.bottom;
  const pages: [number, number][] = [];
  let i = 0;
  let used = 0;
  do {
    const room = body - (pages.length === 0 ? g.titleH : 0) - HEAD_H;
    const from = i;
    used = 0;
    // At least one row a page, whatever its height (a row taller than a page cannot be helped).
    while (i < heights.length && (i === from || used + heights[i]! <= room + 1e-9)) used += heights[i++]!;
    pages.push([from, i]);
  } while (i < heights.length);
  const last = (pages.length === 1 ? g.titleH : 0) + HEAD_H + used;
  return { pages, signatoryOnNewPage: body - last < SIGNATORY_H };
}

export async function renderDaftarHadir(input: DaftarHadirInput): Promise<Uint8Array> {
  const { doc, addPage, regular, bold, measure } = await reportDoc(`Daftar Hadir Hari ${input.dayNo} - ${input.eventName}`, input.fonts);
  // Names in Arabic script: the fallback font, embedded only when someone's name needs it.
  const inArabic = input.rows.map((r) => drawsInArabic(r.name, input.fonts.arabic));
  const arabic = inArabic.includes(true) ? await doc.embedFont(input.fonts.arabic!, { subset: true }) : null;
  const measureArabic = arabic ? measureOf(input.fonts.arabic!) : null;
  let logo: PDFImage | null = null;
  if (input.logo) logo = input.logo[0] === 0x89 ? await doc.embedPng(input.logo) : await doc.embedJpg(input.logo);

  const { ink, text, line, lineH } = reportPen(PAGE.h, regular, 0.5);
  const grey = rgb(0.93, 0.93, 0.93);

  /** Up to two lines within `w` mm, shrinking to SMALL, then cutting with an ellipsis: titles and headers only. */
  const cell = (page: PDFPage, s: string, x: number, y: number, w: number, h: number, font: 'regular' | 'bold' = 'regular') => {
    const m = measure[font];
    const f = font === 'bold' ? bold : regular;
    const widthAt = (t: string, size: number) => (m(t) * size) / (72 / 25.4);
    for (const size of [TEXT, SMALL]) {
      const lines = wrap(s, (t) => widthAt(t, size) <= w - 2.4, 2);
      if (lines) {
        const top = y + (h - lineH(size) * lines.length) / 2;
        lines.forEach((l, i) => text(page, l, x + 1.2, top + i * lineH(size), size, f));
        return;
      }
    }
    let cut = s;
    while (cut.length > 1 && widthAt(`${cut}…`, SMALL) > (w - 2.4) * 2) cut = cut.slice(0, -1);
    const lines = wrap(`${cut}…`, (t) => widthAt(t, SMALL) <= w - 2.4, 2) ?? [`${cut.slice(0, 10)}…`];
    lines.forEach((l, i) => text(page, l, x + 1.2, y + (h - lineH(SMALL) * lines.length) / 2 + i * lineH(SMALL), SMALL, f));
  };

  /** A table cell's text as it will print: whole, on as many lines as it takes (rowCell). */
  const setRowCell = (s: string, w: number) => rowCell(s, w - 2.4, (t, size) => (measure.regular(t) * size) / (72 / 25.4));
  const rowHeight = (sets: { size: number; lines: string[] }[]) =>
    Math.max(ROW_H, ...sets.map((c) => c.lines.length * lineH(c.size) + 2 * CELL_PAD));

  // Every cell set once, before paginating: a long name makes its row taller.
  const sets = input.rows.map((r, i) =>
    [String(i + 1), r.name, r.regency ?? '', r.institution ?? '', r.role, r.time ?? ''].map((v, k) =>
      k === 1 && inArabic[i]
        ? rowCell(v, COLS[k]!.w - 2.4, (t, size) => (measureArabic!(t) * size) / (72 / 25.4))
        : setRowCell(v, COLS[k]!.w),
    ),
  );
  const heights = sets.map(rowHeight);
  const { pages, signatoryOnNewPage } = paginate(heights);
  const total = pages.length + (signatoryOnNewPage ? 1 : 0);

  const titleBlock = (page: PDFPage, y: number) => {
    let x = MARGIN.left;
    if (logo) {
      // At most 22 mm high and 40 mm wide, whatever the logo's shape.
      const scale = Math.min(22 / logo.height, 40 / logo.width);
      const [w, h] = [logo.width * scale, logo.height * scale];
      page.drawImage(logo, { x: pt(x), y: pt(PAGE.h - y - h), width: pt(w), height: pt(h) });
      x += w + 4;
    }
    const w = PAGE.w - MARGIN.right - x;
    text(page, 'DAFTAR HADIR', x, y, 13, bold);
    cell(page, input.eventName, x - 1.2, y + 6, w, 9, 'bold');
    text(page, `Hari ke-${input.dayNo}, ${input.dateText}`, x, y + 16, 9);
    text(page, `${input.venue}, ${input.city}`, x, y + 21, 9);
    text(page, input.organiser, x, y + 26, 9);
  };

  const header = (page: PDFPage, y: number) => {
    page.drawRectangle({
      x: pt(MARGIN.left),
      y: pt(PAGE.h - y - HEAD_H),
      width: pt(PAGE.w - MARGIN.left - MARGIN.right),
      height: pt(HEAD_H),
      color: grey,
    });
    let x = MARGIN.left;
    for (const c of COLS) {
      cell(page, c.key === 'time' ? `Jam hadir (${input.zoneLabel})` : c.title, x, y, c.w, HEAD_H, 'bold');
      x += c.w;
    }
    cell(page, 'Tanda tangan', x, y, SIGN_W, HEAD_H, 'bold');
  };

  /** Column rules and row rules for rows `from`..`to` starting at y0 (the header's top). */
  const grid = (y0: number, from: number, to: number) => {
    let y1 = y0 + HEAD_H;
    for (let i = from; i < to; i++) y1 += heights[i]!;
    const page = doc.getPages()[doc.getPageCount() - 1]!;
    let x = MARGIN.left;
    for (const c of COLS) {
      line(page, x, y0, x, y1);
      x += c.w;
    }
    line(page, x, y0, x, y1);
    line(page, PAGE.w - MARGIN.right, y0, PAGE.w - MARGIN.right, y1);
    let ry = y0 + HEAD_H;
    line(page, MARGIN.left, ry, PAGE.w - MARGIN.right, ry);
    for (let i = from; i < to; i++) {
      ry += heights[i]!;
      line(page, MARGIN.left, ry, PAGE.w - MARGIN.right, ry);
    }
    line(page, MARGIN.left, y0, PAGE.w - MARGIN.right, y0);
    return y1;
  };

  const footer = (page: PDFPage, n: number) =>
    text(page, `Halaman ${n} dari ${total}`, PAGE.w - MARGIN.right - 28, PAGE.h - MARGIN.bottom + 6, SMALL);

  let lastY = 0;
  pages.forEach(([from, to], p) => {
    const page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    let y = MARGIN.top;
    if (p === 0) {
      titleBlock(page, y);
      y += tableGeometry().titleH;
    }
    header(page, y);
    const signX = MARGIN.left + COLS.reduce((s, c) => s + c.w, 0);
    let top = y + HEAD_H;
    for (let i = from; i < to; i++) {
      const h = heights[i]!;
      let x = MARGIN.left;
      COLS.forEach((c, k) => {
        const set = sets[i]![k]!;
        const cellTop = top + (h - lineH(set.size) * set.lines.length) / 2;
        const font = k === 1 && inArabic[i] ? arabic! : regular;
        set.lines.forEach((l, n) => text(page, l, x + 1.2, cellTop + n * lineH(set.size), set.size, font));
        x += c.w;
      });
      // Zig-zag: odd numbers sign on the left half, even numbers on the right; at the row's foot.
      const half = SIGN_W / 2;
      const sx = (i + 1) % 2 === 1 ? signX : signX + half;
      text(page, `${i + 1}.`, sx + 1.2, top + h - 5.2, SMALL);
      line(page, sx + 6, top + h - 2.2, sx + half - 1.5, top + h - 2.2, 0.3);
      top += h;
    }
    lastY = grid(y, from, to);
    footer(page, p + 1);
  });

  let page = doc.getPages()[doc.getPageCount() - 1]!;
  let y = lastY + 8;
  if (signatoryOnNewPage) {
    page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    footer(page, total);
    y = MARGIN.top;
  }
  // The signatory's block, right-aligned as offices sign: place and date, position, a space for
  // the signature and stamp, name with titles, rank and grade, NIP.
  const s = input.signatory;
  const bx = PAGE.w - MARGIN.right - 78;
  text(page, `${s.place}, ${s.dateText}`, bx, y, 9);
  cell(page, s.title, bx - 1.2, y + 4.5, 78, 9);
  text(page, s.name, bx, y + 32, 9, bold);
  line(page, bx, y + 36, bx + Math.min(76, (measure.bold(s.name) * 9) / (72 / 25.4)), y + 36, 0.5);
  if (s.rank) text(page, s.rank, bx, y + 37.5, 9);
  if (s.nip) text(page, `NIP. ${s.nip}`, bx, y + (s.rank ? 42 : 37.5), 9);
  const m = input.mengetahui;
  if (m?.name) {
    // Left, level with the signatory's title: the caption takes the place-and-date line.
    const mx = MARGIN.left + 4;
    text(page, m.caption || 'Mengetahui', mx, y, 9);
    cell(page, m.title, mx - 1.2, y + 4.5, 78, 9);
    text(page, m.name, mx, y + 32, 9, bold);
    line(page, mx, y + 36, mx + Math.min(76, (measure.bold(m.name) * 9) / (72 / 25.4)), y + 36, 0.5);
    if (m.rank) text(page, m.rank, mx, y + 37.5, 9);
    if (m.nip) text(page, `NIP. ${m.nip}`, mx, y + (m.rank ? 42 : 37.5), 9);
  }
  return doc.save();
}

/** Greedy word wrap into at most `max` lines where every line `fits`; null when it cannot. */
function wrap(s: string, fits: (t: string) => boolean, max: number): string[] | null {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (fits(next)) cur = next;
    else {
      if (!cur || !fits(w)) return null;
      lines.push(cur);
      cur = w;
    }
  }
  lines.push(cur);
  return lines.length <= max ? lines : null;
}

/**
 * A table cell's text, never cut: at TEXT or SMALL pt on up to two lines when it fits (the rows
 * stay the usual height), else at SMALL on as many lines as it takes, a word wider than the
 * column broken between its letters. Names may be 200 characters; this sheet is signed.
 */
export function rowCell(s: string, width: number, widthAt: (t: string, size: number) => number): { size: number; lines: string[] } {
  for (const size of [TEXT, SMALL]) {
    const lines = wrap(s, (t) => widthAt(t, size) <= width, 2);
    if (lines) return { size, lines };
  }
  const fits = (t: string) => widthAt(t, SMALL) <= width;
  const words = s.split(/\s+/).filter(Boolean).flatMap((w) => (fits(w) ? [w] : breakWord(w, fits)));
  return { size: SMALL, lines: wrap(words.join(' '), fits, Infinity) ?? words };
}

/** A word wider than the column, in pieces that fit, split between graphemes (a mark stays on its letter). */
function breakWord(w: string, fits: (t: string) => boolean): string[] {
  const out: string[] = [];
  let cur = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(w)) {
    if (cur && !fits(cur + segment)) {
      out.push(cur);
      cur = '';
    }
    cur += segment;
  }
  if (cur) out.push(cur);
  return out;
}
