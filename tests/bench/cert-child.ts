// One certificate batch in a process of its own, so its peak memory (VmHWM, Node's start-up and
// the libraries included) is its alone: `ours` (the app's renderer) or `pdfkit` (the reference),
// on the same 1,000 certificates (tests/bench/certificates.ts writes them to a JSON file).
// Prints one JSON line: { ms, cpuMs, maxRssMb, bytes }.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchCert } from './certificates';
import { peakRssMb } from '../helpers/peak-rss';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [mode, dataFile, outFile] = process.argv.slice(2) as ['ours' | 'pdfkit', string, string];
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8')) as {
  background: string;
  certs: BenchCert[];
  event: Record<string, string>;
};
const font = (f: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, 'resources/fonts', f)));

async function ours(): Promise<Uint8Array> {
  const { renderCertificates } = await import('../../electron/core/certificates/render/render');
  const { defaultTemplate } = await import('../../electron/shared/cert-template-defaults');
  const template = { ...defaultTemplate(), background: 'custom' as const, panel: true };
  const fonts = {
    regular: font('NotoSerif-Regular.ttf'),
    bold: font('NotoSerif-Bold.ttf'),
    italic: font('NotoSerif-Italic.ttf'),
  };
  const background = { mime: 'image/jpeg' as const, bytes: new Uint8Array(fs.readFileSync(data.background)) };
  const s = performance.now();
  const pdf = await renderCertificates({
    template,
    fonts,
    background,
    logo: null,
    signature: null,
    signature2: null,
    event: {
      name: data.event.name!,
      organiser: data.event.organiser!,
      venue: data.event.venue!,
      city: data.event.city!,
      dates: data.event.dates!,
      signingPlace: data.event.city!,
      signingDate: data.event.signingDate!,
      signatory: { name: data.event.signatory!, title: data.event.title!, rank: data.event.rank!, nip: data.event.nip! },
      signatory2: null,
      programme: [],
    },
    certificates: data.certs.map((c) => ({ ...c, role: 'Peserta' })),
  });
  ms = performance.now() - s;
  return pdf;
}

/**
 * The same page with PDFKit, written the way PDFKit is used: every page drawn in full (it has no
 * reusable template), the background image embedded once and placed on each page, the QR as
 * merged rectangles too (PDFKit's own strength), the same fonts.
 */
async function pdfkit(): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const QRCode = (await import('qrcode')).default;
  const s = performance.now();
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: 'Sertifikat' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.registerFont('R', Buffer.from(font('NotoSerif-Regular.ttf')));
  doc.registerFont('B', Buffer.from(font('NotoSerif-Bold.ttf')));
  doc.registerFont('I', Buffer.from(font('NotoSerif-Italic.ttf')));
  // openImage (PDFKit 0.13+) embeds the JPEG once; @types/pdfkit does not declare it.
  const bg = (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage(
    fs.readFileSync(data.background),
  );
  const mm = 72 / 25.4;
  const W = 297 * mm;
  const H = 210 * mm;
  const e = data.event;
  const center = (f: string, size: number, text: string, y: number, x = 40 * mm, w = 217 * mm) =>
    doc.font(f).fontSize(size).text(text, x, y, { width: w, align: 'center', lineBreak: true });
  for (const c of data.certs) {
    doc.addPage({ size: [W, H], margin: 0 });
    const scale = Math.max(W / bg.width, H / bg.height);
    doc.image(bg as never, (W - bg.width * scale) / 2, (H - bg.height * scale) / 2, { width: bg.width * scale });
    doc.rect(13 * mm, 13 * mm, W - 26 * mm, H - 26 * mm).fillAndStroke('#ffffff', '#b08d3c');
    doc.fillColor('#1b2a4a');
    doc
      .font('B')
      .fontSize(40)
      .text('SERTIFIKAT', 40 * mm, 42 * mm, { width: 217 * mm, align: 'center', characterSpacing: 5.6 });
    doc.fillColor('#1e1e24');
    center('R', 11, `Nomor: ${c.number}`, 59 * mm);
    center('I', 13, 'Diberikan kepada:', 71 * mm);
    const nameSize = Math.min(30, (237 * mm) / doc.font('B').fontSize(1).widthOfString(c.name));
    doc.fillColor('#1b2a4a');
    center('B', nameSize, c.name, 80 * mm, 30 * mm, 237 * mm);
    doc.fillColor('#1e1e24');
    if (c.regency) center('R', 13, c.regency, 97 * mm);
    center(
      'R',
      12.5,
      `atas partisipasinya sebagai Peserta dalam kegiatan ${e.name} yang diselenggarakan oleh ${e.organiser} pada tanggal ${e.dates} di ${e.venue}.`,
      108 * mm,
      35 * mm,
      227 * mm,
    );
    const sx = 187 * mm;
    const sw = 90 * mm;
    center('R', 11, `${e.city}, ${e.signingDate}`, 135 * mm, sx, sw);
    center('R', 11, e.title!, 141 * mm, sx, sw);
    center('B', 11, e.signatory!, 170 * mm, sx, sw);
    center('R', 11, e.rank!, 175 * mm, sx, sw);
    center('R', 11, `NIP. ${e.nip}`, 180 * mm, sx, sw);
    // QR: the same merged-rectangle drawing.
    const qr = QRCode.create([{ data: new TextEncoder().encode(c.qr), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const side = 32 * mm;
    const m = side / (n + 8);
    const x0 = 132.5 * mm;
    const y0 = 150 * mm;
    doc.rect(x0, y0, side, side).fill('#ffffff');
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n;) {
        if (!qr.modules.data[row * n + col]) {
          col++;
          continue;
        }
        const start = col;
        while (col < n && qr.modules.data[row * n + col]) col++;
        doc.rect(x0 + (4 + start) * m, y0 + (4 + row) * m, (col - start) * m, m * 1.05);
      }
    }
    doc.fill('#000000');
    center('I', 8, 'Pindai untuk memeriksa keaslian', y0 + side + 1 * mm, x0 - 10 * mm, side + 20 * mm);
  }
  doc.end();
  await done;
  ms = performance.now() - s;
  return new Uint8Array(Buffer.concat(chunks));
}

let ms = 0;
const cpu0 = process.cpuUsage();
const pdf = mode === 'ours' ? await ours() : await pdfkit();
fs.writeFileSync(outFile, pdf);
const cpu = process.cpuUsage(cpu0);
// cpuMs includes loading the libraries (a few hundred ms); ms is the render alone.
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: peakRssMb(),
    bytes: pdf.byteLength,
  }),
);
