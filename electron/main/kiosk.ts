// Kiosk mode (ELECTRON-NOTES 8 and 15; issue 17, finding 4). The desk operator enters it with
// CmdOrCtrl+Shift+K (or the menu, when it is visible). Leaving asks for the organiser PIN when
// one is set (the page shows the prompt and calls shell.leaveKiosk), or else the chord held for
// 3 s. Every decision is in kiosk-guard.ts (pure, unit-tested); this file only wires Electron's
// events to it and carries out its actions. UNVERIFIED here: Electron cannot start on the
// machines this was written on (the timing of leave-full-screen on Linux especially).
import { Menu, app, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Ctx } from '../core/context';
import { checkKioskPin, kioskPinSet } from '../core/system/kiosk-pin';
import { HOLD_MS, initialKiosk, kioskStep, pinTry, type KioskAction, type KioskEvent, type PinTries } from './kiosk-guard';
import { isBlockedInKiosk, isKioskChord } from './security';

export const KIOSK_ACCELERATOR = 'CmdOrCtrl+Shift+K';

/** `--kiosk` on the command line starts the window in kiosk mode (for a desk's autostart shortcut). */
export const wantsKiosk = (argv: readonly string[]): boolean => argv.includes('--kiosk');

interface Guard {
  step: (e: KioskEvent) => KioskAction;
  tries: PinTries;
}
const guards = new WeakMap<BrowserWindow, Guard>();

/** shell.leaveKiosk: the PIN prompt's answer. */
export function leaveKioskWithPin(ctx: Ctx, win: BrowserWindow | null, pin: string): { left: boolean; locked: boolean } {
  const guard = win && guards.get(win);
  if (!guard) return { left: false, locked: false };
  const r = pinTry(guard.tries, Date.now(), () => checkKioskPin(ctx, pin));
  guard.tries = r.tries;
  if (!r.ok) {
    ctx.log.warn({ locked: r.locked }, 'kiosk exit: wrong PIN');
    return { left: false, locked: r.locked };
  }
  guard.step({ type: 'pin-accepted' });
  return { left: true, locked: false };
}

export function setupKiosk(win: BrowserWindow, ctx: Ctx, opts: { devTools: boolean; kiosk: boolean }): void {
  let state = initialKiosk(opts.kiosk);
  let holdTimer: NodeJS.Timeout | null = null;
  const isKiosk = () => state.kiosk; // our own record, never win.isKiosk() (fullscreen on Win/Linux)

  const step = (e: KioskEvent): KioskAction => {
    const r = kioskStep(state, e);
    state = r.state;
    if (r.action === 'enter' || r.action === 'restore') win.setKiosk(true);
    if (r.action === 'leave') win.setKiosk(false);
    if (r.action === 'enter' || r.action === 'leave') {
      ctx.log.info({ kiosk: state.kiosk }, r.action === 'enter' ? 'kiosk mode on' : 'kiosk mode off');
      buildMenu(win, isKiosk(), toggleFromMenu, opts);
    }
    if (r.action === 'restore') ctx.log.warn('kiosk window left fullscreen: put back');
    if (r.action === 'hold-timer') {
      if (holdTimer) clearTimeout(holdTimer);
      holdTimer = setTimeout(() => step({ type: 'hold-check', at: Date.now() }), HOLD_MS + 50);
    }
    if (state.holdSince === null && holdTimer) (clearTimeout(holdTimer), (holdTimer = null));
    return r.action;
  };
  guards.set(win, { step, tries: { wrong: 0, lockedUntil: 0 } });
  // The menu item enters kiosk mode; it is hidden and disabled while in it (no way out there).
  const toggleFromMenu = () => {
    if (!isKiosk()) step({ type: 'chord-down', at: Date.now(), pinSet: false });
  };

  // The chord is handled here, not by the menu accelerator: a kiosk window has no visible menu
  // bar on Windows and Linux, and before-input-event sees the key whatever the menu does.
  win.webContents.on('before-input-event', (event, input) => {
    if (isKioskChord(input, process.platform)) {
      const action = step({ type: 'chord-down', at: Date.now(), pinSet: kioskPinSet(ctx), repeat: input.isAutoRepeat });
      // 'ask-pin': the key goes on to the page, whose PIN prompt opens (renderer KioskExitPrompt).
      if (action !== 'ask-pin') event.preventDefault();
    } else if (input.type === 'keyUp' && state.holdSince !== null && ['k', 'K', 'Control', 'Meta', 'Shift'].includes(input.key)) {
      step({ type: 'chord-up' });
    } else if (isKiosk() && isBlockedInKiosk(input, process.platform)) {
      event.preventDefault();
    }
  });
  // Alt+Space → Restore, a window manager, or a late Linux state change took the window out of
  // fullscreen: while the kiosk is on, put it back.
  win.on('leave-full-screen', () => step({ type: 'fullscreen-lost' }));
  win.on('blur', () => state.holdSince !== null && step({ type: 'chord-up' }));

  // Alt+F4 and a stray close end up here and are refused in kiosk mode. Two exceptions, or the
  // kiosk would hold up the machine: Windows ending the session (session-end), and an app quit
  // (before-quit: macOS and Linux logout, shutdown, the Dock's Quit). The keys that would start a
  // quit (Cmd+Q, Ctrl+Q) are swallowed above, so a participant cannot reach before-quit.
  let leaving = false;
  const leave = () => {
    leaving = true;
  };
  win.on('session-end', leave);
  app.on('before-quit', leave);
  win.on('closed', () => {
    app.removeListener('before-quit', leave);
    if (holdTimer) clearTimeout(holdTimer);
  });
  win.on('close', (event) => {
    if (isKiosk() && !leaving) event.preventDefault();
  });

  // A crashed or killed page would leave a kiosk window blank with no way out: load it again.
  // 'clean-exit' is a normal teardown (window closing), not a crash.
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.webContents.reload();
  });

  buildMenu(win, isKiosk(), toggleFromMenu, opts);
}

function buildMenu(_win: BrowserWindow, kiosk: boolean, enter: () => void, opts: { devTools: boolean }): void {
  const view: MenuItemConstructorOptions[] = [
    {
      label: 'Mode kiosk',
      type: 'checkbox',
      checked: kiosk,
      enabled: !kiosk, // the way out is the PIN or the held chord, never a menu click
      accelerator: KIOSK_ACCELERATOR,
      registerAccelerator: false, // shown only; before-input-event owns the key
      click: enter,
    },
  ];
  if (opts.devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [
    // On macOS the first menu is always the application menu, whatever its label.
    ...(process.platform === 'darwin' ? [{ label: app.name, submenu: appMenu(kiosk) }] : []),
    { label: 'Berkas', submenu: [{ label: 'Keluar', role: 'quit', enabled: !kiosk }] },
    { label: 'Sunting', role: 'editMenu' }, // copy and paste in text fields (macOS needs the menu)
    { label: 'Tampilan', submenu: view },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function appMenu(kiosk: boolean): MenuItemConstructorOptions[] {
  return [
    { role: 'about', label: `Tentang ${app.name}` },
    { type: 'separator' },
    { role: 'hide', enabled: !kiosk },
    { type: 'separator' },
    { role: 'quit', label: `Keluar dari ${app.name}`, enabled: !kiosk },
  ];
}
