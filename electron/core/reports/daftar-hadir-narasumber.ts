// The speakers' daftar hadir (issue 20, item 4): per session of the programme, the narasumber
// and moderators sign that they were there, as the treasurer needs it beside the honorarium's
// daftar penerimaan. Pure: plain data in, PDF bytes out, so a job worker runs it.
//
// A4 portrait like the participants' daftar hadir: each session starts a page with the title
// block (the event, the session's material and JP, dates, venue), then No, Nama, NIP, Jabatan /
// Instansi, Peran and the zig-zag signature column, then the signatory's block (and the
// "Mengetahui" block when the event names one). Cells are wrapped, never cut (rowCell).
import { rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { type FontBytes } from '../pdf/fonts';
import { reportDoc } from '../pdf/report-doc';
import { pt } from '../pdf/geometry';
import { reportPen } from '../pdf/report-pen';
import { rowCell } from './daftar-hadir';

export interface SpeakerSheetRow {
  name: string;
  nip: string | null;
  /** Jabatan and instansi as one cell: "Kepala Bidang, Dinas Sosial Provinsi Lampung". */
  office: string;
  role: 'Narasumber' | 'Moderator';
}

export interface SpeakerSheetSession {
  /** 1-based position in the programme. */
  no: number;
  material: string;
  jp: number;
  rows: SpeakerSheetRow[];
}

interface SignBlock {
  caption: string;
  title: string;
  name: string;
  rank?: string;
  nip: string;
}

export interface SpeakerSheetInput {
  eventName: string;
  organiser: string;
  venue: string;
  city: string;
  /** "7 s.d. 9 September 2022". */
  periodText: string;
  sessions: SpeakerSheetSession[];
  /** The event's signatory, right; caption = place and date. */
  signatory: SignBlock;
  /** "Mengetahui", left, when the event names one. */
  mengetahui: SignBlock | null;
  fonts: FontBytes;
}

const PAGE = { w: 210, h: 297 };
const MARGIN = { top: 14, bottom: 16, left: 14, right: 14 };
const TITLE_H = 40;
const HEAD_H = 8;
const ROW_H = 12; // room for a signature
const TEXT = 8;
const PAD = 1.2;
const SIGNATORY_H = 48;
const MM_PER_PT = 25.4 / 72;

const COLS = [
  { title: 'No', w: 8 },
  { title: 'Nama', w: 42 },
  { title: 'NIP', w: 31.5 },
  { title: 'Jabatan / Instansi', w: 40 },
  { title: 'Peran', w: 21 },
] as const;
const TABLE_W = PAGE.w - MARGIN.left - MARGIN.right;
const SIGN_W = TABLE_W - COLS.reduce((s, c) => s + c.w, 0);

export async function renderSpeakerSheet(input: SpeakerSheetInput): Promise<Uint8Array> {
  const { doc, addPage, regular, bold, measure } = await reportDoc(`Daftar Hadir Narasumber dan Moderator - ${input.eventName}`, input.fonts);
  const { ink, text, line, lineH } = reportPen(PAGE.h, regular, 0.5);
  const grey = rgb(0.93, 0.93, 0.93);
  const widthAt = (m: (t: string) => number) => (t: string, size: number) => m(t) * size * MM_PER_PT;
  /** Whole text on as many lines as it takes within `w` mm, drawn from (x, y); returns its height. */
  const para = (page: PDFPage, s: string, x: number, y: number, w: number, size: number, font: PDFFont, m: (t: string) => number) => {
    const set = rowCell(s, w, (t) => widthAt(m)(t, size));
    set.lines.forEach((l, i) => text(page, l, x, y + i * lineH(size), size, font));
    return set.lines.length * lineH(size);
  };

  const headSets = COLS.map((c) => rowCell(c.title, c.w - 2 * PAD, widthAt(measure.bold)));
  let pageNo = 0;
  const pages: PDFPage[] = [];
  const newPage = () => {
    const page = addPage([pt(PAGE.w), pt(PAGE.h)]);
    pages.push(page);
    pageNo++;
    return page;
  };

  for (const session of input.sessions) {
    const sets = session.rows.map((r, i) =>
      [String(i + 1), r.name, r.nip ?? '', r.office, r.role].map((v, k) => rowCell(v, COLS[k]!.w - 2 * PAD, widthAt(measure.regular))),
    );
    const heights = sets.map((cells) => Math.max(ROW_H, ...cells.map((s) => s.lines.length * lineH(s.size) + 2 * PAD)));

    let page = newPage();
    let y = MARGIN.top;
    // The title block: what, which event, which session.
    text(page, 'DAFTAR HADIR NARASUMBER DAN MODERATOR', MARGIN.left, y, 12, bold);
    y += 6.5;
    y += para(page, input.eventName, MARGIN.left, y, TABLE_W, 10, bold, measure.bold) + 1.5;
    y += para(page, `Sesi ${session.no}: ${session.material} (${session.jp} JP)`, MARGIN.left, y, TABLE_W, 9.5, bold, measure.bold) + 1;
    text(page, input.periodText, MARGIN.left, y, 9);
    y += 4.6;
    text(page, `${input.venue}, ${input.city}`, MARGIN.left, y, 9);
    y += 4.6;
    text(page, input.organiser, MARGIN.left, y, 9);
    y = Math.max(y + 6, MARGIN.top + TITLE_H - 6);

    const header = (top: number) => {
      page.drawRectangle({ x: pt(MARGIN.left), y: pt(PAGE.h - top - HEAD_H), width: pt(TABLE_W), height: pt(HEAD_H), color: grey });
      let x = MARGIN.left;
      COLS.forEach((c, k) => {
        const s = headSets[k]!;
        s.lines.forEach((l, n) => text(page, l, x + PAD, top + (HEAD_H - lineH(s.size) * s.lines.length) / 2 + n * lineH(s.size), s.size, bold));
        x += c.w;
      });
      text(page, 'Tanda tangan', x + PAD, top + (HEAD_H - lineH(TEXT)) / 2, TEXT, bold);
      return top + HEAD_H;
    };
    const grid = (y0: number, y1: number, rowFeet: number[]) => {
      line(page, MARGIN.left, y0, MARGIN.left + TABLE_W, y0);
      line(page, MARGIN.left, y0 + HEAD_H, MARGIN.left + TABLE_W, y0 + HEAD_H);
      for (const f of rowFeet) line(page, MARGIN.left, f, MARGIN.left + TABLE_W, f);
      let x = MARGIN.left;
      for (const w of [0, ...COLS.map((c) => c.w), SIGN_W]) {
        x += w;
        line(page, x, y0, x, y1);
      }
    };

    let y0 = y;
    let top = header(y);
    let feet: number[] = [];
    const signX = MARGIN.left + TABLE_W - SIGN_W;
    sets.forEach((cells, i) => {
      const h = heights[i]!;
      // A row never split: a session with more people than a page holds goes on, header repeated.
      if (top + h > PAGE.h - MARGIN.bottom) {
        grid(y0, top, feet);
        page = newPage();
        y0 = MARGIN.top;
        top = header(y0);
        feet = [];
      }
      let x = MARGIN.left;
      cells.forEach((c, k) => {
        c.lines.forEach((l, n) => text(page, l, x + PAD, top + PAD + n * lineH(c.size), c.size, regular));
        x += COLS[k]!.w;
      });
      // Zig-zag: odd numbers sign on the left half, even numbers on the right.
      const half = SIGN_W / 2;
      const sx = (i + 1) % 2 === 1 ? signX : signX + half;
      text(page, `${i + 1}.`, sx + PAD, top + h - 5.2, 7);
      line(page, sx + 5, top + h - 2.2, sx + half - 1.5, top + h - 2.2, 0.3);
      top += h;
      feet.push(top);
    });
    grid(y0, top, feet);

    let by = top + 8;
    if (PAGE.h - MARGIN.bottom - by < SIGNATORY_H) {
      page = newPage();
      by = MARGIN.top;
    }
    const block = (b: SignBlock, x: number) => {
      text(page, b.caption, x, by, 9);
      para(page, b.title, x, by + 4.5, 76, 9, regular, measure.regular);
      text(page, b.name, x, by + 32, 9, bold);
      line(page, x, by + 36, x + Math.min(76, widthAt(measure.bold)(b.name, 9)), by + 36);
      if (b.rank) text(page, b.rank, x, by + 37.5, 9);
      if (b.nip) text(page, `NIP. ${b.nip}`, x, by + (b.rank ? 42 : 37.5), 9);
    };
    block(input.signatory, PAGE.w - MARGIN.right - 78);
    if (input.mengetahui?.name) block(input.mengetahui, MARGIN.left + 4);
  }

  pages.forEach((page, i) => {
    const n = `Halaman ${i + 1} dari ${pageNo}`;
    text(page, n, PAGE.w - MARGIN.right - widthAt(measure.regular)(n, 7), PAGE.h - MARGIN.bottom + 6, 7);
  });
  return doc.save();
}
