// The device check's PDF page (`hadir doctor --full`, the "Cek perangkat" screen): what it proves
// is that a job worker can make a tag's kind of PDF, so the page is read back as a tag would be:
// its text by pdftotext (the tag font embedded as a subset, with its text behind the glyphs) and
// its QR by zbarimg from a rendered image.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCTOR_PAGE_QR, DOCTOR_PAGE_TEXT, renderDoctorPage } from '../../electron/core/system/doctor-page';
import { measureWorker } from '../../electron/core/system/doctor-worker';
import { decodeZbar, rasterise } from '../helpers/qr-decode';
import { RESOURCES, tempDir, testWorkerEntry } from '../helpers/ctx';

describe('the device check page', () => {
  it('carries its line in the tag font and a QR that reads back', async () => {
    const regular = new Uint8Array(fs.readFileSync(path.join(RESOURCES, 'fonts', 'NotoSans-Regular.ttf')));
    const dir = tempDir('hadir-doctor-page-');
    const pdf = path.join(dir, 'page.pdf');
    fs.writeFileSync(pdf, await renderDoctorPage({ regular }));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).trim()).toBe(DOCTOR_PAGE_TEXT);
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(
      /NotoSans-Regular\S*\s+CID TrueType\s+Identity-H\s+yes/,
    ); // embedded
    expect(decodeZbar(rasterise(pdf, 100, dir))).toEqual([[DOCTOR_PAGE_QR]]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('full, a fresh worker renders it; quick, the worker only answers; a broken font fails either way', async () => {
    const full = await measureWorker(testWorkerEntry(), RESOURCES, { full: true });
    expect(full).toMatchObject({ ok: true, rendered: true });
    const quick = await measureWorker(testWorkerEntry(), RESOURCES, { full: false });
    expect(quick).toMatchObject({ ok: true, rendered: false });

    const broken = tempDir('hadir-doctor-fonts-');
    fs.mkdirSync(path.join(broken, 'fonts'));
    fs.writeFileSync(path.join(broken, 'fonts', 'NotoSans-Regular.ttf'), '<html>404</html>');
    for (const f of [true, false])
      expect(await measureWorker(testWorkerEntry(), broken, { full: f })).toEqual({
        ok: false,
        error: 'NotoSans-Regular.ttf is not a TrueType font',
      });
    fs.rmSync(broken, { recursive: true, force: true });
  }, 120_000);
});
