// Issue 16, defect 13: the certificate QR holds the verify page's address with the claim in its
// fragment, so a phone's camera app opens something a person can read. The kiosk still verifies
// the plain `HS1|…` claims of certificates printed before, and the address form.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { claimOf, claimUrl, parseClaim } from '../../../electron/shared/cert-claim';
import { ok, scope } from '../../helpers/ctx';
import { pngOf, zbar } from './raster';
import { LONG_NAME, psmEvent, scan } from './helpers';

describe('the certificate QR as a verify address', () => {
  it('escapes only what a URL cannot hold, and reads back the exact signed text', () => {
    const plain = 'HS1|7K2Q|001/PSM/IX/2022|Jos%C3%A9 #1 "Ucok"|20220907*2|' + 'A'.repeat(86);
    const url = claimUrl('https://dinsos.lampungprov.go.id/sertifikat/verify.html', plain);
    expect(url).toBe(
      'https://dinsos.lampungprov.go.id/sertifikat/verify.html#HS1|7K2Q|001/PSM/IX/2022|Jos%25C3%25A9%20%231%20%22Ucok%22|20220907*2|' +
        'A'.repeat(86),
    );
    expect(claimOf(url)).toBe(plain);
    expect(claimOf(` ${plain}\n`)).toBe(plain);
    // A browser that escapes "|" on the way (location.href) reads the same.
    expect(claimOf(url.replace(/\|/g, '%7C'))).toBe(plain);
  });

  it('a certificate carries the address (default: the kiosk verify.html, or the office site); both forms verify; the QR still reads at 150 dpi', async () => {
    const { ctx, event, ids } = await psmEvent();
    const id = ids.get(LONG_NAME)!;
    scan(ctx, event, id, 1);
    scan(ctx, event, id, 2);
    const first = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
    expect(first.claim.startsWith('verify.html#HS1|')).toBe(true);
    expect(zbar(pngOf(first.file.bytes, 150))).toEqual([first.claim]);
    const plain = claimOf(first.claim);
    for (const text of [first.claim, plain]) {
      expect(await ok(ctx, 'certificates.verify', { text }), text.slice(0, 20)).toMatchObject({
        verdict: 'authentic',
        claim: { name: LONG_NAME },
      });
    }

    const s = (await ok(ctx, 'certificates.settings', {})).settings;
    const bad = await dispatch(ctx, 'certificates.saveSettings', {
      ...scope(ctx),
      ...s,
      template: { ...s.template, verifyUrl: 'https://dinsos.example/verify.html#x' },
    });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const site = 'https://dinsos.lampungprov.go.id/verify.html';
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, template: { ...s.template, verifyUrl: site } });
    const again = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
    expect(again.claim.startsWith(`${site}#HS1|`)).toBe(true);
    // The 60-character name with the office's address: still one code zbarimg reads at 150 dpi.
    expect(zbar(pngOf(again.file.bytes, 150))).toEqual([again.claim]);
    expect(parseClaim(again.claim).ok && claimOf(again.claim)).toBe(plain);
    expect((await ok(ctx, 'certificates.verify', { text: again.claim })).verdict).toBe('authentic');
  });
});
