// The daftar penerimaan: the list each person signs for the money they receive (transport, uang
// saku, honorarium), which the treasurer files with the daftar hadir to account for the payment.
// Pure: plain data in, PDF bytes out, so a worker can run it.
//
// The paper conventions it follows (A4 landscape, as the offices print it): No, Nama, NIP,
// Pangkat/Gol, Kabupaten/Kota, the days present, volume, rate, gross, tax rate and tax, net,
// account, and the signature column in zig-zag; on every page after the first the total carried
// in ("Pindahan"), at every page's foot the page's total and the running total carried forward;
// the grand total with the amount in words; the signature blocks (PPK, Bendahara, PPTK). A row is
// never split across pages; cells are top-aligned so a row's figures print on its first line.
import { rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { type FontBytes } from '../pdf/fonts';
import { reportDoc } from '../pdf/report-doc';
import { pt } from '../pdf/geometry';
import { reportPen } from '../pdf/report-pen';
import { rowCell } from './daftar-hadir';
import { formatRupiah, sumRupiah } from '../payments/money';
import { terbilangRupiah } from '../payments/terbilang';
import type { ReceiptRow, ReceiptTotals } from '../payments/receipts';
import type { PaymentKind, PaymentSignatory } from '../../shared/payments';
import { KIND_TITLE, percent } from './receipt-terms';

export { KIND_TITLE, percent };

export interface DaftarPenerimaanInput {
  kind: PaymentKind;
  eventName: string;
  organiser: string;
  venue: string;
  city: string;
  /** "Hari ke-2, Kamis, 8 September 2022" or "7 - 9 September 2022". */
  periodText: string;
  rows: ReceiptRow[];
  totals: ReceiptTotals;
  /** Place and date above the signature blocks: "Bandar Lampung, 9 September 2022". */
  placeDate: string;
  signatories: PaymentSignatory[];
  fonts: FontBytes;
}

const UNIT: Record<PaymentKind, string> = { transport: 'kali', 'uang-saku': 'hari', honor: 'JP' };

const PAGE = { w: 297, h: 210 };
const MARGIN = { top: 10, bottom: 12, left: 10, right: 10 };
const TITLE_H = 24;
const HEAD_H = 9;
const ROW_H = 9;
const SUM_H = 5.5;
const TEXT = 7.5;
const SMALL = 6.5;
/** Terbilang line and the signature blocks under the last page's table. */
export const CLOSING_H = 48;

const COLS = [
  { key: 'no', title: 'No', w: 7, right: false },
  { key: 'name', title: 'Nama', w: 42, right: false },
  { key: 'nip', title: 'NIP', w: 30, right: false },
  { key: 'rank', title: 'Pangkat/Gol', w: 22, right: false },
  { key: 'regency', title: 'Kab/Kota', w: 22, right: false },
  { key: 'days', title: 'Hari hadir', w: 10, right: false },
  { key: 'units', title: 'Vol', w: 11, right: true },
  { key: 'rate', title: 'Tarif (Rp)', w: 15, right: true },
  { key: 'gross', title: 'Jumlah bruto (Rp)', w: 17, right: true },
  { key: 'taxBp', title: 'PPh', w: 8, right: true },
  { key: 'tax', title: 'PPh (Rp)', w: 14, right: true },
  { key: 'net', title: 'Diterima (Rp)', w: 17, right: true },
  { key: 'account', title: 'Rekening', w: 28, right: false },
] as const;
const TABLE_W = PAGE.w - MARGIN.left - MARGIN.right;
const SIGN_W = TABLE_W - COLS.reduce((s, c) => s + c.w, 0);
const colX = (key: string) => MARGIN.left + COLS.slice(0, COLS.findIndex((c) => c.key === key)).reduce((s, c) => s + c.w, 0);


/**
 * Rows per page: greedy, a row never split; every page keeps room for its total lines (and, past
 * the first, the carried-in line). The closing (terbilang, signatures) goes on a new page when the
 * last one has no room for it.
 */
export function paginateReceipt(heights: number[]): { pages: [number, number][]; closingOnNewPage: boolean } {
  const body = PAGE.h - MARGIN.top - MARGIN.bottom;
  const pages: [number, number][] = [];
  let i = 0;
  let used = 0;
  do {
    const first = pages.length === 0;
    const room = body - (first ? TITLE_H : SUM_H) - HEAD_H - 2 * SUM_H;
    const from = i;
    used = 0;
    while (i < heights.length && (i === from || used + heights[i]! <= room + 1e-9)) used += heights[i++]!;
    pages.push([from, i]);
  } while (i < heights.length);
  const last = (pages.length === 1 ? TITLE_H : SUM_H) + HEAD_H + used + 2 * SUM_H;
  return { pages, closingOnNewPage: body - last < CLOSING_H };
}

export async function renderDaftarPenerimaan(input: DaftarPenerimaanInput): Promise<Uint8Array> {
  const { doc, addPage, regular, bold, measure } = await reportDoc(`Daftar Penerimaan ${KIND_TITLE[input.kind]} - ${input.eventName}`, input.fonts);
  const { ink, text, line, lineH } = reportPen(PAGE.h, regular, 0.5);
  const grey = rgb(0.93, 0.93, 0.93);
  const widthMm = (s: string, size: number, font: 'regular' | 'bold' = 'regular') => (measure[font](s) * size) / (72 / 25.4);

  const textRight = (page: PDFPage, s: string, right: number, y: number, size: number, font: PDFFont = regular) =>
    text(page, s, right - widthMm(s, size, font === bold ? 'bold' : 'regular'), y, size, font);

  const unit = UNIT[input.kind];
  const cellsOf = (r: ReceiptRow, i: number): Record<(typeof COLS)[number]['key'], string> => ({
    no: String(i + 1),
    name: r.name,
    nip: r.nip ?? '-',
    rank: r.rank ?? '-',
    regency: r.regency ?? '',
    days: r.days.join(', '),
    units: `${r.units} ${unit}`,
    rate: formatRupiah(r.rate),
    gross: formatRupiah(r.gross),
    taxBp: percent(r.taxBp),
    tax: formatRupiah(r.tax),
    net: formatRupiah(r.net),
    // The account number first (the treasurer's transfer reads it), the bank under it.
    account: [r.accountNo ?? '', r.bank ?? ''].filter(Boolean).join(' ') || '-',
  });
  const sets = input.rows.map((r, i) => {
    const c = cellsOf(r, i);
    return COLS.map((col) => rowCell(c[col.key], col.w - 2.4, (t, size) => widthMm(t, size)));
  });
  const heights = sets.map((s) => Math.max(ROW_H, ...s.map((c) => c.lines.length * lineH(c.size) + 2)));
  const { pages, closingOnNewPage } = paginateReceipt(heights);
  const total = pages.length + (closingOnNewPage ? 1 : 0);

  const header = (page: PDFPage, y: number) => {
    page.drawRectangle({ x: pt(MARGIN.left), y: pt(PAGE.h - y - HEAD_H), width: pt(TABLE_W), height: pt(HEAD_H), color: grey });
    let x = MARGIN.left;
    for (const c of COLS) {
      const title = c.key === 'days' && input.kind === 'honor' ? 'Hadir hari' : c.title;
      const set = rowCell(title, c.w - 2, (t, size) => widthMm(t, size, 'bold'));
      const top = y + (HEAD_H - set.lines.length * lineH(set.size)) / 2;
      set.lines.forEach((l, n) => text(page, l, x + 1, top + n * lineH(set.size), set.size, bold));
      x += c.w;
    }
    text(page, 'Tanda tangan', x + 1, y + HEAD_H / 2 - 1.3, TEXT, bold);
  };

  /** A totals line across the table: label under the text columns, the three sums under theirs. */
  const sumLine = (page: PDFPage, y: number, label: string, t: ReceiptTotals, strong = false) => {
    const f = strong ? bold : regular;
    text(page, label, MARGIN.left + 1.2, y + 1.2, TEXT, f);
    for (const k of ['gross', 'tax', 'net'] as const) {
      const c = COLS.find((col) => col.key === k)!;
      textRight(page, formatRupiah(t[k]), colX(k) + c.w - 1.2, y + 1.2, TEXT, f);
    }
    line(page, MARGIN.left, y + SUM_H, MARGIN.left + TABLE_W, y + SUM_H);
  };

  const footer = (page: PDFPage, n: number) =>
    text(page, `Halaman ${n} dari ${total}`, PAGE.w - MARGIN.right - 28, PAGE.h - MARGIN.bottom + 5, SMALL);

  const zero: ReceiptTotals = { gross: 0, tax: 0, net: 0 };
  let carried = zero;
  let lastY = 0;
  pages.forEach(([from, to], p) => {
    const page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    let y = MARGIN.top;
    if (p === 0) {
      text(page, `DAFTAR PENERIMAAN ${KIND_TITLE[input.kind]}`, MARGIN.left, y, 12, bold);
      text(page, input.eventName, MARGIN.left, y + 6, 9, bold);
      text(page, input.periodText, MARGIN.left, y + 11, 8.5);
      text(page, `${input.venue}, ${input.city}`, MARGIN.left, y + 15, 8.5);
      text(page, input.organiser, MARGIN.left, y + 19, 8.5);
      y += TITLE_H;
    }
    const tableTop = y;
    header(page, y);
    y += HEAD_H;
    line(page, MARGIN.left, y, MARGIN.left + TABLE_W, y);
    if (p > 0) {
      sumLine(page, y, 'Pindahan dari halaman sebelumnya', carried);
      y += SUM_H;
    }
    const rowsTop = y;
    for (let i = from; i < to; i++) {
      const h = heights[i]!;
      COLS.forEach((c, k) => {
        const set = sets[i]![k]!;
        set.lines.forEach((l, n) => {
          const ly = y + 1 + n * lineH(set.size);
          if (c.right) textRight(page, l, colX(c.key) + c.w - 1.2, ly, set.size);
          else text(page, l, colX(c.key) + 1.2, ly, set.size);
        });
      });
      // Zig-zag: odd numbers sign on the left half, even numbers on the right; at the row's foot.
      const half = SIGN_W / 2;
      const sx = MARGIN.left + TABLE_W - SIGN_W + ((i + 1) % 2 === 1 ? 0 : half);
      text(page, `${i + 1}.`, sx + 1, y + h - 4.6, SMALL);
      line(page, sx + 5.5, y + h - 1.8, sx + half - 1, y + h - 1.8, 0.3);
      y += h;
      line(page, MARGIN.left, y, MARGIN.left + TABLE_W, y, 0.3);
    }
    const pageRows = input.rows.slice(from, to);
    const pageSum: ReceiptTotals = {
      gross: sumRupiah(pageRows.map((r) => r.gross)),
      tax: sumRupiah(pageRows.map((r) => r.tax)),
      net: sumRupiah(pageRows.map((r) => r.net)),
    };
    const running: ReceiptTotals = {
      gross: carried.gross + pageSum.gross,
      tax: carried.tax + pageSum.tax,
      net: carried.net + pageSum.net,
    };
    const rowsBottom = y;
    sumLine(page, y, 'Jumlah halaman ini', pageSum);
    y += SUM_H;
    const last = p === pages.length - 1;
    sumLine(page, y, last ? 'JUMLAH SELURUHNYA' : 'Jumlah dipindahkan ke halaman berikutnya', running, last);
    y += SUM_H;
    // Column rules: between the money columns from the header down through the totals; the
    // others stop where the totals' labels run across them (and skip the carried-in line).
    const money = new Set(['rate', 'gross', 'taxBp', 'tax', 'net']);
    let x = MARGIN.left;
    line(page, x, tableTop, x, y);
    for (const c of COLS) {
      x += c.w;
      if (money.has(c.key)) line(page, x, tableTop, x, y);
      else {
        line(page, x, tableTop, x, tableTop + HEAD_H);
        line(page, x, rowsTop, x, rowsBottom);
      }
    }
    line(page, MARGIN.left + TABLE_W, tableTop, MARGIN.left + TABLE_W, y);
    line(page, MARGIN.left, tableTop, MARGIN.left + TABLE_W, tableTop);
    carried = running;
    lastY = y;
    footer(page, p + 1);
  });
  if (carried.gross !== input.totals.gross || carried.net !== input.totals.net || carried.tax !== input.totals.tax)
    throw new Error('daftar penerimaan: page totals do not add up to the grand total');

  let page = doc.getPages()[doc.getPageCount() - 1]!;
  let y = lastY + 4;
  if (closingOnNewPage) {
    page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    footer(page, total);
    y = MARGIN.top;
  }
  // The amount received (net of tax) is the one spelled out: what the treasurer pays and each signs for.
  const words = terbilangRupiah(input.totals.net);
  const wordsLine = `Terbilang: ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  const wordSet = rowCell(wordsLine, TABLE_W, (t, size) => widthMm(t, size, 'bold'));
  wordSet.lines.forEach((l, n) => text(page, l, MARGIN.left, y + n * lineH(wordSet.size), wordSet.size, bold));
  y += wordSet.lines.length * lineH(wordSet.size) + 3;
  textRight(page, input.placeDate, MARGIN.left + TABLE_W, y, 8.5);
  y += 5;
  // The signature blocks side by side: caption, title, room for signature and stamp, name, rank, NIP.
  const blocks = input.signatories.filter((s) => s.title || s.name);
  const bw = TABLE_W / Math.max(1, blocks.length);
  blocks.forEach((s, k) => {
    const bx = MARGIN.left + k * bw + 4;
    if (s.caption) text(page, s.caption, bx, y, 8.5);
    const title = rowCell(s.title, bw - 8, (t, size) => widthMm(t, size));
    title.lines.forEach((l, n) => text(page, l, bx, y + 4 + n * lineH(title.size), title.size));
    const ny = y + 22;
    const name = s.name || '(.................................)';
    text(page, name, bx, ny, 8.5, bold);
    line(page, bx, ny + 3.6, bx + Math.min(bw - 8, widthMm(name, 8.5, 'bold')), ny + 3.6, 0.4);
    if (s.rank) text(page, s.rank, bx, ny + 5, 8);
    text(page, `NIP. ${s.nip || '.........................'}`, bx, ny + (s.rank ? 9 : 5), 8);
  });
  return doc.save();
}
