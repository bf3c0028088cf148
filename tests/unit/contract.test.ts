import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/shared/contract';
import { OP_NAMES } from '../../electron/shared/op-names';
import { dispatch } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import { APP_VERSION } from '../../electron/core/system/version';
import { ROOT, tempCtx, PSM_EVENT } from '../helpers/ctx';

describe('operation contract', () => {
  it('declares every operation once, with a handler for each', () => {
    expect(Object.keys(contract).sort()).toEqual([...OP_NAMES].sort());
    expect(Object.keys(handlers).sort()).toEqual([...OP_NAMES].sort());
    expect(new Set(OP_NAMES).size).toBe(OP_NAMES.length);
  });

  it('keeps APP_VERSION in step with package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('keeps the preload free of zod: op-names.ts imports nothing', () => {
    const src = fs.readFileSync(path.join(ROOT, 'electron/shared/op-names.ts'), 'utf8');
    expect(src).not.toMatch(/^\s*import /m);
  });

  it('refuses unknown keys, wrong types and bad dates with invalid_input and field paths', async () => {
    const ctx = tempCtx();
    const extra = await dispatch(ctx, 'event.create', { ...PSM_EVENT, admin: true } as never);
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.code).toBe('invalid_input');

    const badDay = await dispatch(ctx, 'event.create', { ...PSM_EVENT, days: ['2022-02-30'] });
    expect(badDay.ok).toBe(false);
    if (!badDay.ok) expect(badDay.error.issues?.[0]).toEqual({ path: 'days.0', message: 'not a real date' });

    const badType = await dispatch(ctx, 'participants.get', { id: '1' } as never);
    expect(!badType.ok && badType.error.code).toBe('invalid_input');

    const nip = await dispatch(ctx, 'event.create', { ...PSM_EVENT, signatoryNip: '1234' });
    expect(!nip.ok && nip.error.issues?.[0]?.path).toBe('signatoryNip');
  });

  it('folds a thrown HadirError into a Result, never an exception', async () => {
    const ctx = tempCtx();
    const res = await dispatch(ctx, 'participants.list', {});
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'no_event' }) });
  });
});
