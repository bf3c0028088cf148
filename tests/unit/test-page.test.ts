import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, PSM_EVENT, tempCtx, tempDir } from '../helpers/ctx';
import { CAMERA_TEST_CODE } from '../../electron/shared/doctor';

describe('print.testPage', () => {
  it('is a real one-page A4 PDF, in the kiosk language, naming the active event', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const file = await ok(ctx, 'print.testPage', {});
    expect(file.mime).toBe('application/pdf');
    expect(file.fileName).toMatch(/^hadir-test-printer-\d{4}-\d{2}-\d{2}\.pdf$/);
    const out = path.join(tempDir(), file.fileName);
    fs.writeFileSync(out, file.bytes);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Halaman uji printer');
    expect(text).toContain('Peningkatan Kemampuan Potensi PSM');
    expect(text).toContain('tepat 100 mm');

    await ok(ctx, 'settings.set', { lang: 'en' });
    fs.writeFileSync(out, (await ok(ctx, 'print.testPage', {})).bytes);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Printer test page');
  });
});

describe('the camera test code on the printer test page', () => {
  it('is a QR that zbarimg reads back from the rendered page, saying CAMERA_TEST_CODE', async () => {
    const ctx = tempCtx();
    const file = await ok(ctx, 'print.testPage', {});
    const dir = tempDir();
    const pdf = path.join(dir, 'test.pdf');
    fs.writeFileSync(pdf, file.bytes);
    execFileSync('pdftoppm', ['-png', '-singlefile', '-r', '100', pdf, path.join(dir, 'page')]);
    const read = execFileSync('zbarimg', ['--quiet', '--raw', path.join(dir, 'page.png')], { encoding: 'utf8' });
    expect(read.trim()).toBe(CAMERA_TEST_CODE);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Uji kamera: buka Cek perangkat');
  });
});
