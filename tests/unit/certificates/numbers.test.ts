import { describe, expect, it } from 'vitest';
import { openContext } from '../../../electron/core/open-context';
import { listPrints } from '../../../electron/db/repositories/certificates';
import { ok, RESOURCES, scope } from '../../helpers/ctx';
import { importPsm, psmEvent, PSM_CSV, scan } from './helpers';

describe('certificate numbers', () => {
  it('are assigned once at first issue and survive reprints, restarts and re-imports; every print is logged', async () => {
    let { ctx, event, ids } = await psmEvent();
    const names = ['Abdul Rozak', 'Mariana, A.Md.', 'Yusuf Efendi, S.H.', 'Bambang Sutrisno, S.Sos.'];
    for (const n of names) for (const d of [1, 2]) scan(ctx, event, ids.get(n)!, d);

    // On demand: the first certificate handed out takes 001, whatever its place in the alphabet.
    const first = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: ids.get('Yusuf Efendi, S.H.')! });
    // Made is not printed: the screen counts the print once the PDF reached a printer.
    expect(first.row).toMatchObject({ number: '001/PSM/DINSOS/IX/2022', prints: 0 });
    expect(listPrints(ctx.db, event.id)).toHaveLength(0);
    const printed = await ok(ctx, 'certificates.printed', { ...scope(ctx), participantId: ids.get('Yusuf Efendi, S.H.')! });
    expect(printed).toMatchObject({ number: '001/PSM/DINSOS/IX/2022', prints: 1 });
    // Batch: the others in list order (by name); Yusuf keeps 001.
    const batch = await ok(ctx, 'certificates.batch', { ...scope(ctx), allEligible: true });
    expect(batch.count).toBe(4);
    const numbers = async () =>
      Object.fromEntries((await ok(ctx, 'certificates.list', { status: 'issued' })).rows.map((r) => [r.name, r.number]));
    const expected = {
      'Abdul Rozak': '002/PSM/DINSOS/IX/2022',
      'Bambang Sutrisno, S.Sos.': '003/PSM/DINSOS/IX/2022',
      'Mariana, A.Md.': '004/PSM/DINSOS/IX/2022',
      'Yusuf Efendi, S.H.': '001/PSM/DINSOS/IX/2022',
    };
    expect(await numbers()).toEqual(expected);

    // Reprints.
    await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: ids.get('Abdul Rozak')! });
    await ok(ctx, 'certificates.printed', { ...scope(ctx), participantId: ids.get('Abdul Rozak')! });
    await ok(ctx, 'certificates.batch', { ...scope(ctx), participantIds: [ids.get('Mariana, A.Md.')!, ids.get('Abdul Rozak')!] });
    expect(await numbers()).toEqual(expected);

    // Restart: close the file, open it again.
    const dir = ctx.dataDir;
    ctx.db.close();
    ctx = openContext(dir, 'cli', RESOURCES, { actor: 'test' });
    expect(await numbers()).toEqual(expected);
    expect((await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: ids.get('Abdul Rozak')! })).row.number).toBe(
      expected['Abdul Rozak'],
    );
    await ok(ctx, 'certificates.printed', { ...scope(ctx), participantId: ids.get('Abdul Rozak')! });

    // Re-import: the same file, then a corrected one (phone numbers changed, rows in another order).
    await importPsm(ctx);
    const lines = PSM_CSV.toString('utf8').trim().split('\n');
    const corrected = [lines[0], ...lines.slice(1).reverse()].join('\n').replace(/,08(\d+),/g, ',09$1,');
    const re = await importPsm(ctx, Buffer.from(corrected));
    expect(re).toMatchObject({ inserted: 0, updated: 60 });
    expect(await numbers()).toEqual(expected);

    // A new pattern applies to new certificates only; the sequence continues.
    const s = (await ok(ctx, 'certificates.settings', {})).settings;
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, pattern: 'SERT-{seq:04}/{year}' });
    const late = ids.get('Dewi Sartika, S.Pd.')!;
    scan(ctx, event, late, 1);
    scan(ctx, event, late, 2);
    expect((await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: late })).row.number).toBe('SERT-0005/2022');
    await ok(ctx, 'certificates.printed', { ...scope(ctx), participantId: late });
    expect(await numbers()).toMatchObject(expected);

    // Every print and reprint: 1 + 4 + 1 + 2 + 1 + 1.
    const prints = listPrints(ctx.db, event.id);
    expect(prints).toHaveLength(10);
    expect(prints.filter((p) => p.number === expected['Abdul Rozak']).map((p) => p.via)).toEqual([
      'batch',
      'on_demand',
      'batch',
      'on_demand',
    ]);
    const list = await ok(ctx, 'certificates.list', { query: 'abdul' });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]!.prints).toBe(4);
  });

  it("a badge scan finds the participant; another event's badge or a stray QR is refused with a reason", async () => {
    const { ctx, event, ids } = await psmEvent();
    const id = ids.get('Abdul Rozak')!;
    scan(ctx, event, id, 1);
    scan(ctx, event, id, 2);
    const code = (ctx.db.prepare('SELECT code FROM participant WHERE id = ?').get(id) as { code: string }).code;
    expect((await ok(ctx, 'certificates.issue', { ...scope(ctx), scan: code.toLowerCase() })).row.participantId).toBe(id);
    const { dispatch } = await import('../../../electron/core/dispatch');
    const stray = await dispatch(ctx, 'certificates.issue', { ...scope(ctx), scan: 'https://example.org' });
    expect(!stray.ok && stray.error).toMatchObject({ code: 'not_found', params: { notBadge: 1 } });
    const other = await dispatch(ctx, 'certificates.issue', { ...scope(ctx), scan: `HDZZZZ${code}` });
    expect(!other.ok && other.error.code).toBe('not_found');
  });

  it('an on-demand certificate counts as printed only when the screen says it printed; never one not issued or revoked', async () => {
    const { ctx, event, ids } = await psmEvent();
    const { dispatch } = await import('../../../electron/core/dispatch');
    const id = ids.get('Abdul Rozak')!;
    const none = await dispatch(ctx, 'certificates.printed', { ...scope(ctx), participantId: id });
    expect(!none.ok && none.error.code).toBe('not_found');
    scan(ctx, event, id, 1);
    scan(ctx, event, id, 2);
    for (let i = 0; i < 3; i++) await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
    expect(listPrints(ctx.db, event.id)).toHaveLength(0);
    expect((await ok(ctx, 'certificates.printed', { ...scope(ctx), participantId: id })).prints).toBe(1);
    expect(listPrints(ctx.db, event.id).map((p) => p.via)).toEqual(['on_demand']);
    await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId: id, reason: 'Dicetak ganda' });
    const revoked = await dispatch(ctx, 'certificates.printed', { ...scope(ctx), participantId: id });
    expect(!revoked.ok && revoked.error.code).toBe('revoked');
    expect(listPrints(ctx.db, event.id)).toHaveLength(1);
  });
});
