// Kiosk mode (ELECTRON-NOTES 8): the desk operator enters and leaves it with CmdOrCtrl+Shift+K
// (or the menu, when it is visible); a participant has no other way out, because in kiosk mode
// the window refuses to close and the usual escape keys are swallowed.
import { Menu, app, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { isBlockedInKiosk, isKioskChord } from './security';

export const KIOSK_ACCELERATOR = 'CmdOrCtrl+Shift+K';

/** `--kiosk` on the command line starts the window in kiosk mode (for a desk's autostart shortcut). */
export const wantsKiosk = (argv: readonly string[]): boolean => argv.includes('--kiosk');

export function setupKiosk(win: BrowserWindow, opts: { devTools: boolean }): void {
  const toggle = () => {
    win.setKiosk(!win.isKiosk());
    buildMenu(win, toggle, opts);
  };

  // The chord is handled here, not by the menu accelerator: a kiosk window has no visible menu
  // bar on Windows and Linux, and before-input-event sees the key whatever the menu does.
  win.webContents.on('before-input-event', (event, input) => {
    if (isKioskChord(input, process.platform)) {
      event.preventDefault();
      toggle();
    } else if (win.isKiosk() && isBlockedInKiosk(input, process.platform)) {
      event.preventDefault();
    }
  });

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
  win.on('closed', () => app.removeListener('before-quit', leave));
  win.on('close', (event) => {
    if (win.isKiosk() && !leaving) event.preventDefault();
  });

  // A crashed or killed page would leave a kiosk window blank with no way out: load it again.
  // 'clean-exit' is a normal teardown (window closing), not a crash.
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.webContents.reload();
  });

  buildMenu(win, toggle, opts);
}

function buildMenu(win: BrowserWindow, toggle: () => void, opts: { devTools: boolean }): void {
  const kiosk = win.isKiosk();
  const view: MenuItemConstructorOptions[] = [
    {
      label: 'Mode kiosk',
      type: 'checkbox',
      checked: kiosk,
      accelerator: KIOSK_ACCELERATOR,
      registerAccelerator: false, // shown only; before-input-event owns the key
      click: toggle,
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
