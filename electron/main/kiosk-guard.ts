// Kiosk mode's way out, as a pure state machine (issue 17, finding 4; ELECTRON-NOTES 15).
// - The kiosk state is our own variable, never win.isKiosk(): on Windows and Linux that is
//   isFullScreen(), so Alt+Space → Restore or a window manager would drop the guard, and on
//   Linux the state arrives late. When the window leaves fullscreen while the kiosk is on, it
//   is put back ('restore').
// - Entering is the chord CmdOrCtrl+Shift+K. Leaving asks for the organiser PIN when one is set
//   (the page shows the prompt; main checks the PIN, kiosk-pin.ts); without a PIN, the chord must
//   be held for HOLD_MS, which a participant tapping keys does not do by chance.
// kiosk.ts feeds it Electron's events and carries out the actions.

export const HOLD_MS = 3_000;

export interface KioskState {
  kiosk: boolean;
  /** When the chord went down while in kiosk mode without a PIN; null when not held. */
  holdSince: number | null;
}

export type KioskEvent =
  | { type: 'chord-down'; at: number; pinSet: boolean; repeat?: boolean }
  | { type: 'chord-up' }
  | { type: 'hold-check'; at: number }
  | { type: 'pin-accepted' }
  | { type: 'fullscreen-lost' };

/**
 * 'enter' / 'leave': set kiosk mode on or off. 'restore': put the window back in kiosk mode.
 * 'ask-pin': let the chord through to the page, which shows the PIN prompt.
 * 'hold-timer': check again at holdSince + HOLD_MS. 'swallow': eat the key, nothing else.
 */
export type KioskAction = 'enter' | 'leave' | 'restore' | 'ask-pin' | 'hold-timer' | 'swallow' | null;

export const initialKiosk = (kiosk: boolean): KioskState => ({ kiosk, holdSince: null });

export function kioskStep(s: KioskState, e: KioskEvent): { state: KioskState; action: KioskAction } {
  switch (e.type) {
    case 'chord-down':
      if (!s.kiosk) return e.repeat ? { state: s, action: 'swallow' } : { state: { kiosk: true, holdSince: null }, action: 'enter' };
      if (e.pinSet) return { state: s, action: e.repeat ? 'swallow' : 'ask-pin' };
      // A hold starts with a fresh press: the repeats of the press that entered kiosk mode, or of
      // one held on, are eaten (else holding the chord to enter would leave 3 s later).
      if (s.holdSince !== null || e.repeat) return { state: s, action: 'swallow' };
      return { state: { ...s, holdSince: e.at }, action: 'hold-timer' };
    case 'chord-up':
      return { state: { ...s, holdSince: null }, action: null };
    case 'hold-check':
      if (s.kiosk && s.holdSince !== null && e.at - s.holdSince >= HOLD_MS) return { state: { kiosk: false, holdSince: null }, action: 'leave' };
      return { state: s, action: null };
    case 'pin-accepted':
      return s.kiosk ? { state: { kiosk: false, holdSince: null }, action: 'leave' } : { state: s, action: null };
    case 'fullscreen-lost':
      return s.kiosk ? { state: s, action: 'restore' } : { state: s, action: null };
  }
}

/** Wrong PINs allowed in a row before the prompt is refused for LOCKOUT_MS. */
export const MAX_PIN_TRIES = 5;
export const LOCKOUT_MS = 60_000;

export interface PinTries {
  wrong: number;
  lockedUntil: number;
}

/** Whether a PIN may be tried at `at`, and the tries after the outcome. */
export function pinTry(t: PinTries, at: number, correct: () => boolean): { ok: boolean; locked: boolean; tries: PinTries } {
  if (at < t.lockedUntil) return { ok: false, locked: true, tries: t };
  if (correct()) return { ok: true, locked: false, tries: { wrong: 0, lockedUntil: 0 } };
  const wrong = t.wrong + 1;
  return wrong >= MAX_PIN_TRIES
    ? { ok: false, locked: true, tries: { wrong: 0, lockedUntil: at + LOCKOUT_MS } }
    : { ok: false, locked: false, tries: { wrong, lockedUntil: 0 } };
}
