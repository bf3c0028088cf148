import type { Color, PDFFont, PDFPage } from '@cantoo/pdf-lib';
import { createQr } from '../qr/qrcode-core';
import type { Lang } from '../../shared/contract';
import { CAMERA_TEST_CODE } from '../../shared/doctor';

/**
 * A one-page A4 printer test: a 100 mm ruler across and down, a frame 10 mm inside the edges and
 * a grey band, so the organiser sees at once whether the desk printer prints at 100% (the ruler
 * measures 100 mm), without margins eaten (the frame is whole) and with backgrounds (the band);
 * then holds its QR code to the webcam on the device-check screen.
 * A PDF renderer in the sense of the architecture notes: plain data in, bytes out.
 */
const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];

const TEXT = {
  id: {
    title: 'Halaman uji printer',
    ruler: 'Garis ini harus tepat 100 mm. Bila lebih pendek, printer mengecilkan halaman.',
    frame: 'Bingkai ini harus utuh, 10 mm dari tepi kertas.',
    band: 'Pita abu-abu ini harus tercetak (latar belakang).',
    qr: ['Uji kamera: buka Cek perangkat,', 'lalu tunjukkan kode ini ke kamera.'],
  },
  en: {
    title: 'Printer test page',
    ruler: 'This line must measure exactly 100 mm. If shorter, the printer shrinks the page.',
    frame: 'This frame must be whole, 10 mm from the paper edge.',
    band: 'This grey band must print (backgrounds).',
    qr: ['Camera test: open Device check,', 'then show this code to the camera.'],
  },
};

export async function renderTestPage(opts: { lang: Lang; eventName: string | null; at: string }): Promise<Uint8Array> {
  // Loaded on first use: every CLI command would otherwise pay for pdf-lib at start-up.
  const { PDFDocument, StandardFonts, rgb } = await import('@cantoo/pdf-lib');
  const t = TEXT[opts.lang];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Hadir · ${t.title}`);
  const page = pdf.addPage(A4);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [w, h] = A4;

  page.drawRectangle({
    x: 10 * MM,
    y: 10 * MM,
    width: w - 20 * MM,
    height: h - 20 * MM,
    borderColor: rgb(0, 0, 0),
    borderWidth: 0.75,
  });
  page.drawText(`Hadir · ${t.title}`, { x: 20 * MM, y: h - 30 * MM, size: 20, font: bold });
  if (opts.eventName) page.drawText(ascii(opts.eventName), { x: 20 * MM, y: h - 38 * MM, size: 11, font });
  page.drawText(opts.at, { x: 20 * MM, y: h - 44 * MM, size: 9, font, color: rgb(0.35, 0.35, 0.35) });

  ruler(page, font, 20 * MM, h - 70 * MM, 'across');
  page.drawText(t.ruler, { x: 20 * MM, y: h - 80 * MM, size: 10, font });
  ruler(page, font, 30 * MM, h - 200 * MM, 'down');
  page.drawText(t.frame, { x: 45 * MM, y: h - 150 * MM, size: 10, font });
  page.drawRectangle({ x: 45 * MM, y: h - 175 * MM, width: 120 * MM, height: 12 * MM, color: rgb(0.75, 0.75, 0.75) });
  page.drawText(t.band, { x: 48 * MM, y: h - 170.5 * MM, size: 10, font });
  // Below the vertical ruler: 45 mm with its quiet zone, as large as a badge's code or larger.
  qr(page, rgb(0, 0, 0), 45 * MM, h - 240 * MM, 45 * MM);
  t.qr.forEach((line, i) => page.drawText(line, { x: 95 * MM, y: h - (214 + i * 5) * MM, size: 10, font }));
  return pdf.save();
}

/** 100 mm with a tick every millimetre, longer every 5 and 10, numbered every 10. */
function ruler(page: PDFPage, font: PDFFont, x: number, y: number, dir: 'across' | 'down') {
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.5 });
  if (dir === 'across') line(x, y, x + 100 * MM, y);
  else line(x, y, x, y + 100 * MM);
  for (let mm = 0; mm <= 100; mm++) {
    const len = (mm % 10 === 0 ? 4 : mm % 5 === 0 ? 2.5 : 1.5) * MM;
    if (dir === 'across') line(x + mm * MM, y, x + mm * MM, y + len);
    else line(x, y + mm * MM, x + len, y + mm * MM);
    if (mm % 10 === 0) {
      const label = String(mm);
      if (dir === 'across') page.drawText(label, { x: x + mm * MM - 2, y: y + 5 * MM, size: 7, font });
      else page.drawText(label, { x: x + 5 * MM, y: y + mm * MM - 2, size: 7, font });
    }
  }
}

/** The camera test code (CAMERA_TEST_CODE), dark runs of each row as rectangles, 4 modules of quiet zone. */
function qr(page: PDFPage, dark: Color, x: number, y: number, size: number) {
  const { modules } = createQr(CAMERA_TEST_CODE, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = size / (n + 8);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (4 + start) * m,
        y: y + size - (4 + row + 1) * m,
        width: (col - start) * m,
        height: m * 1.02,
        color: dark,
      });
    }
  }
}

/** Helvetica (WinAnsi) cannot draw every character of an event name; the test page needs none exactly. */
const ascii = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
