// Issue 17, finding 4: the way out of kiosk mode, as a state machine, and the organiser PIN.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/core/open-context';
import { checkKioskPin, hashPin, kioskPinSet, setKioskPin, verifyPin } from '../../electron/core/system/kiosk-pin';
import { HOLD_MS, LOCKOUT_MS, MAX_PIN_TRIES, initialKiosk, kioskStep, pinTry, type KioskEvent } from '../../electron/main/kiosk-guard';
import { RESOURCES, tempDir } from '../helpers/ctx';

const run = (kiosk: boolean, events: KioskEvent[]) => {
  let s = initialKiosk(kiosk);
  const actions = events.map((e) => {
    const r = kioskStep(s, e);
    s = r.state;
    return r.action;
  });
  return { state: s, actions };
};
const down = (at: number, pinSet = false, repeat = false): KioskEvent => ({ type: 'chord-down', at, pinSet, repeat });

describe('kioskStep', () => {
  it('enters on the chord; a held key’s repeats do not toggle it back', () => {
    expect(run(false, [down(0), down(30, false, true)])).toEqual({ state: { kiosk: true, holdSince: null }, actions: ['enter', 'swallow'] });
  });

  it('without a PIN, leaves only after the chord is held HOLD_MS', () => {
    const held = run(true, [down(0), down(500, false, true), { type: 'hold-check', at: HOLD_MS - 1 }, { type: 'hold-check', at: HOLD_MS }]);
    expect(held.actions).toEqual(['hold-timer', 'swallow', null, 'leave']);
    expect(held.state.kiosk).toBe(false);
    const tapped = run(true, [down(0), { type: 'chord-up' }, { type: 'hold-check', at: HOLD_MS + 10 }]);
    expect(tapped.state.kiosk).toBe(true);
  });

  it('with a PIN, asks for it (no holding helps) and leaves once it is accepted', () => {
    const r = run(true, [down(0, true), down(10, true, true), { type: 'hold-check', at: 10 * HOLD_MS }]);
    expect(r.actions).toEqual(['ask-pin', 'swallow', null]);
    expect(r.state.kiosk).toBe(true);
    expect(run(true, [down(0, true), { type: 'pin-accepted' }]).state.kiosk).toBe(false);
  });

  it('puts the window back when it leaves fullscreen in kiosk mode, and only then', () => {
    expect(run(true, [{ type: 'fullscreen-lost' }]).actions).toEqual(['restore']);
    expect(run(false, [{ type: 'fullscreen-lost' }]).actions).toEqual([null]);
    // Linux reports the state late: our own leave is not undone by its late event.
    expect(run(true, [{ type: 'pin-accepted' }, { type: 'fullscreen-lost' }]).actions).toEqual(['leave', null]);
  });
});

describe('pinTry', () => {
  it(`locks the prompt for ${LOCKOUT_MS / 1000} s after ${MAX_PIN_TRIES} wrong PINs in a row`, () => {
    let t = { wrong: 0, lockedUntil: 0 };
    for (let i = 1; i < MAX_PIN_TRIES; i++) {
      const r = pinTry(t, 0, () => false);
      expect(r).toMatchObject({ ok: false, locked: false });
      t = r.tries;
    }
    const last = pinTry(t, 0, () => false);
    expect(last.locked).toBe(true);
    expect(pinTry(last.tries, LOCKOUT_MS - 1, () => true)).toMatchObject({ ok: false, locked: true });
    expect(pinTry(last.tries, LOCKOUT_MS, () => true)).toMatchObject({ ok: true, tries: { wrong: 0 } });
  });
});

describe('the organiser PIN', () => {
  it('is stored as a salted scrypt hash, never as the digits, and checked', () => {
    const a = hashPin('482913');
    expect(a).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(hashPin('482913')).not.toBe(a); // salted
    expect(verifyPin('482913', a)).toBe(true);
    expect(verifyPin('482914', a)).toBe(false);
    expect(verifyPin('482913', 'garbage')).toBe(false);
  });

  it('lives in the kiosk database as a hash; removing it leaves none', () => {
    const ctx = openContext(tempDir(), 'cli', RESOURCES, { actor: 'test' });
    try {
      expect(kioskPinSet(ctx)).toBe(false);
      expect(checkKioskPin(ctx, '')).toBe(false);
      expect(setKioskPin(ctx, '2580')).toEqual({ pinSet: true });
      expect(checkKioskPin(ctx, '2580')).toBe(true);
      expect(checkKioskPin(ctx, '0852')).toBe(false);
      const raw = new Database(ctx.dbPath, { readonly: true });
      const dump = JSON.stringify(raw.prepare('SELECT * FROM setting').all());
      raw.close();
      expect(dump).not.toContain('2580');
      expect(setKioskPin(ctx, null)).toEqual({ pinSet: false });
      expect(checkKioskPin(ctx, '2580')).toBe(false);
    } finally {
      ctx.db.close();
    }
  });
});
