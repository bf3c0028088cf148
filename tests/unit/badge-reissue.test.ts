import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { findReplacedCode } from '../../electron/db/repositories/badges';
import { codeExists } from '../../electron/db/repositories/participants';
import { listAudit } from '../../electron/db/repositories/audit';
import { activeEventId } from '../../electron/db/repositories/events';
import { ok, PSM_EVENT, ROOT, tempCtx, tempDir, scope } from '../helpers/ctx';

const person = { name: 'Muhammad Iqbal Şahin', role: 'Peserta', regency: 'Kota Metro' };

describe('badge reissue', () => {
  it('gives a new code, keeps the old one as replaced (with its date), and logs both', async () => {
    const ctx = tempCtx();
    let clock = new Date('2022-09-07T01:30:00Z');
    ctx.now = () => clock;
    await ok(ctx, 'event.create', PSM_EVENT);
    const eventId = activeEventId(ctx.db)!;
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person });

    const r1 = await ok(ctx, 'badges.reissue', { ...scope(ctx), id: p.id });
    expect(r1.oldCode).toBe(p.code);
    expect(r1.newCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(r1.newCode).not.toBe(p.code);
    expect(r1.participant.code).toBe(r1.newCode);
    expect(r1.replacedAt).toBe('2022-09-07T01:30:00.000Z');

    // The old code: found as replaced, with the date a scan will show; the new one is live.
    expect(findReplacedCode(ctx.db, eventId, p.code)).toEqual({
      code: p.code,
      participantId: p.id,
      participantName: person.name,
      replacedAt: '2022-09-07T01:30:00.000Z',
      currentCode: r1.newCode,
    });
    expect(findReplacedCode(ctx.db, eventId, r1.newCode)).toBeNull();
    expect((await ok(ctx, 'participants.get', { id: p.id })).code).toBe(r1.newCode);
    // Neither code can be drawn again for someone else.
    expect(codeExists(ctx.db, eventId, p.code)).toBe(true);
    expect(codeExists(ctx.db, eventId, r1.newCode)).toBe(true);

    // A second loss: both earlier codes answer "replaced", each with its own date.
    clock = new Date('2022-09-08T02:00:00Z');
    const r2 = await ok(ctx, 'badges.reissue', { ...scope(ctx), id: p.id });
    expect(findReplacedCode(ctx.db, eventId, p.code)?.replacedAt).toBe('2022-09-07T01:30:00.000Z');
    expect(findReplacedCode(ctx.db, eventId, r1.newCode)).toMatchObject({
      replacedAt: '2022-09-08T02:00:00.000Z',
      currentCode: r2.newCode,
    });

    const log = listAudit(ctx.db).filter((a) => a.action === 'badges.reissue');
    expect(log.map((a) => JSON.parse(a.detail))).toEqual([
      { id: p.id, name: person.name, oldCode: r1.newCode, newCode: r2.newCode },
      { id: p.id, name: person.name, oldCode: p.code, newCode: r1.newCode },
    ]);
    expect(log[0]!.actor).toBe('test');
  });

  it('scopes replaced codes to their event', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const first = activeEventId(ctx.db)!;
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person });
    await ok(ctx, 'badges.reissue', { ...scope(ctx), id: p.id });
    await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Another event' });
    expect(findReplacedCode(ctx.db, first, p.code)).not.toBeNull();
    expect(findReplacedCode(ctx.db, activeEventId(ctx.db)!, p.code)).toBeNull();
  });

  it('refuses an unknown or deleted participant, changing nothing', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const missing = await dispatch(ctx, 'badges.reissue', { ...scope(ctx), id: 999 });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), ...person });
    await ok(ctx, 'participants.delete', { ...scope(ctx), id: p.id });
    const deleted = await dispatch(ctx, 'badges.reissue', { ...scope(ctx), id: p.id });
    expect(!deleted.ok && deleted.error.code).toBe('conflict');
    expect((await ok(ctx, 'participants.get', { id: p.id })).code).toBe(p.code);
    expect(findReplacedCode(ctx.db, activeEventId(ctx.db)!, p.code)).toBeNull();
  });

  it('finds a replaced code by its primary key, not by scanning the table', () => {
    const ctx = tempCtx();
    const plan = ctx.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT r.code FROM badge_replaced r JOIN participant p ON p.id = r.participant_id
         WHERE r.event_id = ? AND r.code = ?`,
      )
      .all(1, 'X') as { detail: string }[];
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/SEARCH r USING (INDEX sqlite_autoindex_badge_replaced_1|PRIMARY KEY)/);
  });

  it('hadir badges reissue ID prints the new code alone on stdout', () => {
    const dir = tempDir();
    const hadir = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args, '--data-dir', dir], { encoding: 'utf8' });
    hadir('event', 'demo');
    const before = JSON.parse(hadir('participants', 'list', '--format', 'json').stdout)[0];
    const out = hadir('badges', 'reissue', String(before.id));
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^[0-9A-Z]{8}\n$/);
    expect(out.stderr).toContain(`${before.code} replaced on`);
    const after = JSON.parse(hadir('participants', 'list', '--format', 'json').stdout)[0];
    expect(after.code).toBe(out.stdout.trim());
    expect(hadir('badges', 'reissue', 'x').status).toBe(2);
    expect(hadir('badges', 'reissue', '99999').stderr).toMatch(/^hadir: Participant 99999 was not found/);
  });
});
