import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/db/repositories/audit';
import { dispatch } from '../../../electron/core/dispatch';
import { ok, scope } from '../../helpers/ctx';
import { psmEvent, scan } from './helpers';

describe('eligibility from the scan log', () => {
  it('both days qualify; one day, and a day whose check-in was undone, do not, with the reason', async () => {
    const { ctx, event, ids } = await psmEvent();
    const both = ids.get('Abdul Rozak')!;
    const one = ids.get('Mariana, A.Md.')!;
    const undone = ids.get('Yusuf Efendi, S.H.')!;
    scan(ctx, event, both, 1);
    scan(ctx, event, both, 2);
    scan(ctx, event, both, 2, 'duplicate');
    scan(ctx, event, one, 2);
    scan(ctx, event, undone, 1);
    scan(ctx, event, undone, 2);
    scan(ctx, event, undone, 2, 'undo');

    const list = await ok(ctx, 'certificates.list', {});
    const row = (id: number) => list.rows.find((r) => r.participantId === id)!;
    expect(row(both)).toMatchObject({ daysPresent: [1, 2], eligibility: { eligible: true, via: 'rule', reason: null } });
    expect(row(one)).toMatchObject({
      daysPresent: [2],
      eligibility: { eligible: false, reason: { code: 'missing_days', present: [2], missing: [1], required: 2, total: 2 } },
    });
    expect(row(undone)).toMatchObject({ daysPresent: [1], eligibility: { eligible: false, reason: { missing: [2] } } });
    expect(list).toMatchObject({ total: 66, eligible: 1, issued: 0, days: 2, rule: { kind: 'all_days' } });

    // Checked in again after the undo: present again.
    scan(ctx, event, undone, 2);
    expect((await ok(ctx, 'certificates.list', { status: 'eligible' })).rows.map((r) => r.participantId).sort()).toEqual(
      [both, undone].sort(),
    );

    // "At least 1 of 2 days" takes in the one-day participant.
    const s = (await ok(ctx, 'certificates.settings', {})).settings;
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, rule: { kind: 'min_days', min: 1 } });
    expect((await ok(ctx, 'certificates.list', { status: 'eligible' })).rows).toHaveLength(3);
  });

  it('an override qualifies one person, with the reason in the audit log; withdrawing it is audited too', async () => {
    const { ctx, event, ids } = await psmEvent();
    const id = ids.get('Abdul Rozak')!;
    scan(ctx, event, id, 1);
    const refused = await dispatch(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'not_eligible',
      params: { present: 1, total: 2, participantId: id },
    });

    const bad = await dispatch(ctx, 'certificates.override', { ...scope(ctx), participantId: id, reason: '  ' });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const row = await ok(ctx, 'certificates.override', {
      ...scope(ctx),
      participantId: id,
      reason: 'Sakit hari kedua, surat dokter',
    });
    expect(row.eligibility).toMatchObject({ eligible: true, via: 'override', reason: { missing: [2] } });
    expect(row.override).toMatchObject({ reason: 'Sakit hari kedua, surat dokter', actor: 'test' });
    expect(listAudit(ctx.db)[0]).toMatchObject({ action: 'certificates.override', actor: 'test' });
    expect(JSON.parse(listAudit(ctx.db)[0]!.detail)).toMatchObject({
      participantId: id,
      reason: 'Sakit hari kedua, surat dokter',
    });

    const issued = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
    expect(issued.row.number).toBe('001/PSM/DINSOS/IX/2022');

    const back = await ok(ctx, 'certificates.override', { ...scope(ctx), participantId: id, reason: null });
    expect(back.eligibility.eligible).toBe(false);
    expect(listAudit(ctx.db)[0]).toMatchObject({ action: 'certificates.overrideRemoved' });
    // A certificate already issued can still be reprinted (revoking is how one is withdrawn).
    expect((await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id })).row).toMatchObject({
      number: '001/PSM/DINSOS/IX/2022',
    });
  });
});
