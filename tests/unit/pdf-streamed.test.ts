import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { StreamedPdf } from '../../electron/core/pdf/streamed-pdf';

// A badge sheet or certificate batch is written page by page (core/pdf/streamed-pdf.ts): pdf-lib
// holds only what the pages share, and the file's structure (objects, xref, trailer) is ours.
async function sample(pages: number, between?: () => void) {
  const doc = await PDFDocument.create();
  doc.setTitle('Uji');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pdf = new StreamedPdf(doc, { Font: { F: font.ref } });
  for (let i = 0; i < pages; i++) {
    pdf.addPage([200, 100], `BT /F 12 Tf 10 50 Td (Halaman ${i + 1}) Tj ET\n` + '0 0 0 rg 10 10 20 20 re f\n'.repeat(50));
    between?.();
  }
  return pdf;
}

describe('StreamedPdf', () => {
  it('writes a PDF whose cross-reference table points at every object, readable by poppler and pdf-lib', async () => {
    const pdf = await sample(30);
    const bytes = await pdf.finish();
    const text = Buffer.from(bytes).toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    const table = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt))!;
    const size = Number(table[1]);
    let offset = xrefAt + table[0].length;
    let used = 0;
    for (let n = 0; n < size; n++, offset += 20) {
      const [at, , kind] = text.slice(offset, offset + 18).split(' ');
      if (kind !== 'n') continue;
      used++;
      expect(text.startsWith(`${n} 0 obj\n`, Number(at))).toBe(true);
    }
    expect(used).toBeGreaterThan(60); // 30 pages, their contents, the shared objects
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-streamed-')), 'a.pdf');
    fs.writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(info).toMatch(/Pages:\s+30\n/);
    expect(info).toMatch(/Title:\s+Uji\n/);
    expect(execFileSync('pdftotext', ['-f', '30', '-l', '30', file, '-'], { encoding: 'utf8' })).toContain('Halaman 30');
    const back = await PDFDocument.load(bytes);
    expect(back.getPageCount()).toBe(30);
    expect(back.getPage(0).getSize()).toEqual({ width: 200, height: 100 });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('holds each finished page in a buffer of its own size, however the rest of the process uses Node\'s buffer pool', async () => {
    // zlib and fontkit take small buffers from Node's shared 64 KB pool between two pages; a page
    // kept as a slice of that pool pinned a whole pool (6,000 tags held 22 MB for 2 MB of pages).
    const pdf = await sample(200, () => Buffer.from('x'.repeat(9_000)));
    const kept = pdf.heldBytes();
    const bytes = await pdf.finish();
    expect(kept).toBeLessThan(bytes.byteLength * 1.1);
  });

  it('refuses a page after the file is finished', async () => {
    const pdf = await sample(1);
    await pdf.finish();
    expect(() => pdf.addPage([10, 10], '')).toThrow(/after finish/);
  });
});
