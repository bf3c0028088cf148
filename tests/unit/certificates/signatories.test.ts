import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../../electron/shared/cert-template-defaults';
import { ok, scope, tempDir } from '../../helpers/ctx';
import { LONG_NAME, psmEvent, scan } from './helpers';
import { pdfText } from './raster';

// The signatory block with a scanned signature, the organiser's logo, and a second signatory whose
// position runs to three lines, read back with poppler: text (pdftotext), positions (-bbox) and
// the images drawn (pdfimages).

function png(args: string[]): Uint8Array {
  const file = path.join(tempDir('hadir-img-'), 'i.png');
  execFileSync('convert', [...args, file]);
  return new Uint8Array(fs.readFileSync(file));
}

function pdfFile(pdf: Uint8Array): string {
  const file = path.join(tempDir('hadir-sig-'), 'c.pdf');
  fs.writeFileSync(file, pdf);
  return file;
}

/** The bottom (yMax, top-left origin) of the first word equal to `text` on page 1. */
function wordBottom(file: string, text: string): number {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const m = new RegExp(`yMax="([\\d.]+)">${text.replace(/[.]/g, '\\.')}</word>`).exec(html);
  expect(m, text).not.toBeNull();
  return Number(m![1]);
}

const SECOND = {
  name: 'Dr. Hj. Ratna Sari Dewi Kusumaningtyas, S.Sos., M.Si.',
  title: 'Direktur Pemberdayaan Sosial Perorangan, Keluarga dan Kelembagaan Masyarakat Kementerian Sosial RI',
  rank: 'Pembina Utama Madya (IV/d)',
  nip: '197001011995032001',
};

describe('the signatories', () => {
  it('print both blocks with their signature images, the logo, and the two names on one line', async () => {
    const { ctx, event, ids } = await psmEvent();
    const id = ids.get(LONG_NAME)!;
    scan(ctx, event, id, 1);
    scan(ctx, event, id, 2);
    const logo = png(['-size', '300x300', 'xc:none', '-fill', '#1b2a4a', '-draw', 'circle 150,150 150,10']);
    await ok(ctx, 'event.setLogo', { ...scope(ctx), bytes: logo });
    const stroke = ['-size', '600x200', 'xc:none', '-stroke', '#102080', '-strokewidth', '6', '-fill', 'none'];
    await ok(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'signature', bytes: png([...stroke, '-draw', 'bezier 20,150 150,20 300,180 580,40']) });
    await ok(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'signature2', bytes: png([...stroke, '-draw', 'bezier 20,40 200,180 400,20 580,160']) });

    for (const orientation of ['landscape', 'portrait'] as const) {
      const s = (await ok(ctx, 'certificates.settings', {})).settings;
      const template = defaultTemplate(orientation);
      template.fields.signatory2.visible = true;
      await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, template: { ...template, signatory2: SECOND } });
      const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
      const text = pdfText(res.file.bytes).replace(/\s+/g, ' ');
      expect(text).toContain(SECOND.name);
      expect(text).toContain('Pembina Utama Madya (IV/d)');
      expect(text).toContain('NIP. 19700101 199503 2 001');
      expect(text).toContain('Drs. Aswarodi, M.Si.');
      expect(text).toContain('NIP. 19650101 199003 1 012');

      const file = pdfFile(res.file.bytes);
      // Logo and two signatures (each PNG with an alpha mask, listed as "smask").
      const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((l) => l.trim().split(/\s+/)[2] === 'image');
      expect(images.length, orientation).toBe(3);
      // The first position takes one line, the second three: the names still share a baseline.
      expect(Math.abs(wordBottom(file, 'Drs.') - wordBottom(file, 'Ratna')), orientation).toBeLessThan(1);
      expect(Math.abs(wordBottom(file, '19650101') - wordBottom(file, '19700101')), orientation).toBeLessThan(1);
    }
  });
});
