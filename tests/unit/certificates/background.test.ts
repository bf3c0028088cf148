import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { ok, scope } from '../../helpers/ctx';
import { LONG_NAME, pdfOf, psmEvent, scan } from './helpers';
import { pdfText, pngOf, zbar } from './raster';

/** A background as Canva's "PDF Print" gives it: one A4 landscape page with its own text. */
async function designedPdf(pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([841.89, 595.28]);
    page.drawRectangle({ x: 0, y: 0, width: 841.89, height: 595.28, color: rgb(0.95, 0.92, 0.85) });
    page.drawText('DESAIN PANITIA', { x: 40, y: 40, size: 10 });
  }
  return doc.save();
}

describe('a one-page PDF as the background', () => {
  it('is drawn under the fields (its own text stays), and the QR still reads', async () => {
    const { ctx, event, ids } = await psmEvent();
    const id = ids.get(LONG_NAME)!;
    scan(ctx, event, id, 1);
    scan(ctx, event, id, 2);
    const view = await ok(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'background', bytes: await designedPdf() });
    expect(view.assets).toEqual([{ kind: 'background', mime: 'application/pdf', bytes: expect.any(Number) }]);
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, template: { ...view.settings.template, background: 'custom' } });
    const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
    const pdf = pdfOf(res.file.bytes);
    const text = pdfText(pdf);
    expect(text).toContain('DESAIN PANITIA');
    expect(text).toContain(LONG_NAME);
    expect(zbar(pngOf(pdf, 150))).toEqual([res.claim]);
  });

  it('refuses a PDF of two pages, and a GIF, with the reason', async () => {
    const { ctx } = await psmEvent();
    const two = await dispatch(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'background', bytes: await designedPdf(2) });
    expect(!two.ok && two.error).toMatchObject({ code: 'asset_invalid', params: { pages: 2 } });
    const gif = new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    const res = await dispatch(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'signature', bytes: gif });
    expect(!res.ok && res.error).toMatchObject({ code: 'asset_invalid', params: { format: 'GIF' } });
  });

  it('refuses a cut-off PDF at upload, so every background it accepts prints', async () => {
    // pdf-lib opens a truncated file leniently: cut here, the page survived but its content did
    // not, and every certificate failed with an internal error at the closing session.
    const doc = await PDFDocument.load(await designedPdf());
    const whole = await doc.save({ useObjectStreams: false });
    const { ctx, event, ids } = await psmEvent();
    const id = ids.get(LONG_NAME)!;
    scan(ctx, event, id, 1);
    scan(ctx, event, id, 2);
    let refused = 0;
    for (let cut = 0.2; cut < 0.99; cut += 0.05) {
      const bytes = whole.subarray(0, Math.floor(whole.length * cut));
      const up = await dispatch(ctx, 'certificates.setAsset', { ...scope(ctx), kind: 'background', bytes });
      if (!up.ok) {
        expect(up.error).toMatchObject({ code: 'asset_invalid', params: { pdf: 'unreadable' } });
        refused++;
        continue;
      }
      const t = up.value.settings.template;
      await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...up.value.settings, template: { ...t, background: 'custom' } });
      const res = await dispatch(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
      expect(res.ok ? 'printed' : res.error.code, `cut at ${cut.toFixed(2)}`).toBe('printed');
    }
    expect(refused).toBeGreaterThan(0);
  });
});
