// The kiosk window's options, as a pure function so a unit test can hold every line of it
// (Electron itself cannot run on the machines that test this project).
import type { BrowserWindowConstructorOptions } from 'electron';

export function kioskWindowOptions(opts: { preload: string; devTools: boolean; kiosk: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Hadir',
    backgroundColor: '#ffffff',
    kiosk: opts.kiosk,
    webPreferences: {
      preload: opts.preload, // CommonJS: a sandboxed preload cannot be ESM (ELECTRON-NOTES 1)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: opts.devTools, // off when packaged: the console could call every operation
      spellcheck: false,
      // The scanner keeps decoding and the verdict sounds keep playing while the window is covered
      // or in the background (electron#4925, #31016), and a sound needs no click first (ELECTRON-NOTES 11).
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
