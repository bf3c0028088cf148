import { describe, expect, it } from 'vitest';
import { ok, tempCtx, scope } from '../../helpers/ctx';
import { psmEvent, scan } from './helpers';

describe('certificates in an event file', () => {
  it('travel to another kiosk: numbers, prints, overrides, the programme and the key (its QR verifies there)', async () => {
    const { ctx, event, ids } = await psmEvent();
    const a = ids.get('Abdul Rozak')!;
    const b = ids.get('Mariana, A.Md.')!;
    scan(ctx, event, a, 1);
    scan(ctx, event, a, 2);
    scan(ctx, event, b, 1);
    await ok(ctx, 'certificates.override', { ...scope(ctx), participantId: b, reason: 'Tugas dinas hari kedua' });
    const issued = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: a });
    await ok(ctx, 'certificates.batch', { ...scope(ctx), allEligible: true });
    await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId: b, reason: 'Dicetak ganda' });
    const before = await ok(ctx, 'certificates.list', {});

    const file = await ok(ctx, 'event.exportFile', {});
    const other = tempCtx();
    const out = await ok(other, 'event.importFile', { bytes: file.bytes, mode: 'new' });
    expect(out.added).toMatchObject({
      certificate: 2,
      certificate_print: 2, // the batch's two; an on-demand certificate counts only once printed
      cert_key: 1,
      cert_override: 1,
      cert_config: 1,
      programme_item: 2,
    });
    await ok(other, 'event.activate', { id: out.eventId });
    const after = await ok(other, 'certificates.list', {});
    const strip = (l: typeof before) => l.rows.map(({ participantId: _p, ...r }) => r);
    expect(strip(after)).toEqual(strip(before));
    expect((await ok(other, 'event.get', {}))!.programme).toHaveLength(2);
    expect(await ok(other, 'certificates.verify', { text: issued.claim })).toMatchObject({
      verdict: 'authentic',
      event: { id: out.eventId },
    });
    expect((await ok(other, 'certificates.publicKey', {})).kid).toBe((await ok(ctx, 'certificates.publicKey', {})).kid);
  });
});
