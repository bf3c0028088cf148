// The page electron/main/print.ts prints from (renderer/print.html), run in Chromium through the
// web host. Electron cannot start here, so this is where the print path is seen working: the
// page reads the PDF, draws its pages at print resolution, and Chromium's own print pipeline
// (page.pdf(), the engine behind webContents.print()) turns it back into pages of the right
// size and number, whose QR codes still scan.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import QRCode from 'qrcode';
import { tempDir } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
const ROLL: [number, number] = [62 * MM, 100 * MM];

/** A real PDF: two A4 pages and one 62 mm roll label, each with a 40 mm (roll: 35 mm) QR and a name. */
async function samplePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pages: [[number, number], string, number][] = [
    [A4, 'HD7K2Q9XB1', 40],
    [A4, 'HD7K2Q4MN8', 40],
    [ROLL, 'HD7K2QZZ35', 35],
  ];
  for (const [size, code, qrMm] of pages) {
    const page = pdf.addPage(size);
    const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = (qrMm * MM) / (n + 8); // 4-module quiet zone each side
    const x0 = (size[0] - qrMm * MM) / 2 + 4 * cell;
    const y0 = size[1] - 20 * MM - (n + 4) * cell;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (qr.modules.get(r, c))
          page.drawRectangle({ x: x0 + c * cell, y: y0 + (n - 1 - r) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    page.drawText(code, { x: 10 * MM, y: 10 * MM, size: 12, font });
    page.drawRectangle({ x: 2, y: 2, width: size[0] - 4, height: size[1] - 4, borderColor: rgb(0.8, 0.1, 0.1), borderWidth: 1 });
  }
  return pdf.save();
}

const TOKEN = 'ab'.repeat(16);

test('renders a PDF for printing; Chromium prints it back at the same page size and count, QR codes intact', async ({
  page,
  host,
}) => {
  const pdf = await samplePdf();
  await page.route(`**/print-jobs/${TOKEN}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: Buffer.from(pdf) }),
  );
  await page.goto(`${host.url}print.html#job=${TOKEN}`);

  const doc = await page.evaluate(() => window.printDoc);
  expect(doc.pages).toHaveLength(3);
  expect(doc.pages[0]!.widthPt).toBeCloseTo(A4[0], 1);
  expect(doc.pages[2]!.widthPt).toBeCloseTo(ROLL[0], 1);

  // Job 1 of what print-plan.ts would send: the two A4 pages, at 300 dpi.
  expect(await page.evaluate(() => window.renderForPrint(1, 2, 300))).toEqual({ rendered: 2 });
  const imgs = page.locator('img.page');
  await expect(imgs).toHaveCount(2);
  expect(await imgs.first().evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([2481, 3508]);
  await page.screenshot({ path: path.join(SHOTS, 'print-page.png') });

  const dir = tempDir('hadir-print-');
  // What print-options.ts asks of webContents.print(): the page size, no margins, backgrounds on.
  const out = path.join(dir, 'a4.pdf');
  await page.pdf({
    path: out,
    width: '210mm',
    height: '297mm',
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    printBackground: true,
  });
  const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
  expect(info).toMatch(/^Pages:\s+2$/m); // no blank page from rounding
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  execFileSync('pdftoppm', ['-r', '150', '-png', out, path.join(dir, 'a4')]);
  const codes = (f: string) => execFileSync('zbarimg', ['-q', '--raw', f], { encoding: 'utf8' }).trim();
  expect(codes(path.join(dir, 'a4-1.png'))).toBe('HD7K2Q9XB1');
  expect(codes(path.join(dir, 'a4-2.png'))).toBe('HD7K2Q4MN8');

  // Job 2: the roll label alone, under its own @page size (the CSS decides when asked to).
  expect(await page.evaluate(() => window.renderForPrint(3, 3, 300))).toEqual({ rendered: 1 });
  await expect(imgs).toHaveCount(1);
  const roll = path.join(dir, 'roll.pdf');
  await page.pdf({ path: roll, preferCSSPageSize: true, printBackground: true });
  const rollInfo = execFileSync('pdfinfo', [roll], { encoding: 'utf8' });
  expect(rollInfo).toMatch(/^Pages:\s+1$/m);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(rollInfo)!;
  // Chromium rounds a CSS page size to whole CSS pixels (0.75 pt): within 1 pt of 62 × 100 mm.
  expect(Math.abs(Number(w) - ROLL[0])).toBeLessThan(1);
  expect(Math.abs(Number(h) - ROLL[1])).toBeLessThan(1);
  execFileSync('pdftoppm', ['-r', '150', '-png', roll, path.join(dir, 'roll')]);
  expect(codes(path.join(dir, 'roll-1.png'))).toBe('HD7K2QZZ35');
  fs.copyFileSync(path.join(dir, 'a4-1.png'), path.join(SHOTS, 'print-reprinted-a4.png'));
  fs.copyFileSync(path.join(dir, 'roll-1.png'), path.join(SHOTS, 'print-reprinted-roll.png'));
});

test('reports a damaged PDF or a bad page range to main as a rejected promise, never a hang', async ({ page, host }) => {
  await page.route(`**/print-jobs/${TOKEN}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: 'not a pdf' }),
  );
  await page.goto(`${host.url}print.html#job=${TOKEN}`);
  const err = await page.evaluate(() =>
    window.printDoc.then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
  );
  expect(err).not.toBe('resolved');
  const range = await page.evaluate(() =>
    window.renderForPrint(1, 1, 300).then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
  );
  expect(range).not.toBe('resolved');

  await page.goto(`${host.url}print.html`);
  expect(
    await page.evaluate(() =>
      window.printDoc.then(
        () => 'resolved',
        (e: Error) => e.message,
      ),
    ),
  ).toBe('No print job in the address');
});
