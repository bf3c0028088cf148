// Issue 18, defect 4: a number pattern with two spaces, a no-break space or an ideographic space
// was stored as typed, while the QR collapses whitespace to one space: the revocation lookup by
// the stored number missed, and a revoked certificate verified as authentic.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { loadSettings } from '../../../electron/core/certificates/settings';
import { getConfig, saveConfig } from '../../../electron/db/repositories/certificates';
import { normaliseNumber } from '../../../electron/shared/cert-number';
import { parseClaim } from '../../../electron/shared/cert-claim';
import { ok, scope } from '../../helpers/ctx';
import { psmEvent, scan } from './helpers';

const SPACES = { 'two spaces': '  ', 'no-break space': '\u00a0', 'ideographic space': '\u3000' };

describe('certificate numbers and whitespace', () => {
  it('normalises a number to what the QR carries', () => {
    expect(normaliseNumber('001/PSM  DINSOS')).toBe('001/PSM DINSOS');
    expect(normaliseNumber('001/PSM\u00a0DINSOS')).toBe('001/PSM DINSOS');
    expect(normaliseNumber('001/PSM\u3000DINSOS')).toBe('001/PSM DINSOS');
    expect(normaliseNumber('001/Dinas Sosial/Ré')).toBe('001/Dinas Sosial/Ré');
  });

  it('refuses a pattern that the QR would read back differently, in one worded line', async () => {
    const { ctx } = await psmEvent();
    const s = (await ok(ctx, 'certificates.settings', {})).settings;
    for (const [what, sp] of Object.entries(SPACES)) {
      const res = await dispatch(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, pattern: `{seq:03}/PSM${sp}DINSOS/{year}` });
      expect(!res.ok && res.error, what).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: 'pattern', message: 'pattern: single plain spaces only' }],
      });
    }
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, pattern: '{seq:03}/PSM DINSOS/{year}' });
  });

  it('a pattern stored before the check keeps its numbering with single spaces, not the default pattern', async () => {
    const { ctx, event } = await psmEvent();
    const row = getConfig(ctx.db, event.id)!;
    saveConfig(ctx.db, event.id, { ...row, pattern: '{seq:03}/PSM\u00a0\u00a0DINSOS/{year}' }, '2022-09-01T00:00:00Z');
    expect(loadSettings(ctx.db, event.id).pattern).toBe('{seq:03}/PSM DINSOS/{year}');
  });

  for (const [what, sp] of Object.entries(SPACES)) {
    it(`a revoked certificate whose stored number has a ${what} verifies as revoked, by what its QR carries`, async () => {
      const { ctx, event, ids } = await psmEvent();
      const id = ids.get('Abdul Rozak')!;
      scan(ctx, event, id, 1);
      scan(ctx, event, id, 2);
      const { claim } = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
      // As a kiosk of an earlier version stored it: the pattern as typed, spaces and all.
      const stored = `001/PSM${sp}DINSOS/IX/2022`;
      ctx.db.prepare('UPDATE certificate SET number = ? WHERE participant_id = ?').run(stored, id);
      expect(parseClaim(claim).ok).toBe(true);
      // The QR of that older certificate: its number with the whitespace collapsed.
      const old = (await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id })).claim;
      const read = parseClaim(old);
      expect(read.ok && read.claim.number).toBe('001/PSM DINSOS/IX/2022');
      expect((await ok(ctx, 'certificates.verify', { text: old })).verdict).toBe('authentic');

      await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId: id, reason: 'Dicetak ganda' });
      expect(await ok(ctx, 'certificates.verify', { text: old })).toMatchObject({
        verdict: 'revoked',
        revoked: { reason: 'Dicetak ganda' },
      });
      // verify.html lists it as the QR carries it.
      const html = Buffer.from((await ok(ctx, 'certificates.publicKey', {})).verifyHtml.bytes).toString('utf8');
      expect(html).toContain('"number":"001/PSM DINSOS/IX/2022"');
    });
  }
});
