// The Electron main process: lifecycle only. Every rule it applies lives in a pure, unit-tested
// function (security.ts, ../host/) or in electron/core; read those for the decisions.
// Main is ESM: keep everything that must precede `ready` (scheme registration, setPath) in this
// module's synchronous top level, and never behind a dynamic import (Electron ESM caveat).
import { BrowserWindow, app, dialog, session, systemPreferences } from 'electron';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../core/context';
import { builtWorkerEntry } from '../core/jobs/worker-entry';
import { openContext } from '../core/open-context';
import { logFile, openLog } from '../core/log/logger';
import { toOpError } from '../core/op-error';
import { dataDirFlag, resolveDataDir } from '../core/system/data-dir';
import { startBackupScheduler } from '../core/system/backup';
import { sessionEndHandler } from '../core/system/session-end';
import { restoreNewestGood } from '../core/system/startup-check';
import { HadirError } from '../shared/errors';
import { registerIpc } from './ipc';
import { printJobs } from './print';
import { registerShellIpc } from './shell-ipc';
import { damagedDbDialog, RESTORE_BUTTON } from './recovery';
import { lockFailureCause, lockFailureDialog, probeLockFolder } from './instance-lock';
import { setupKiosk, wantsKiosk } from './kiosk';
import { registerAppScheme, serveAppScheme } from './protocol';
import { APP_ENTRY_URL } from '../host/app-origin';
import { contentSecurityPolicy } from '../host/csp';
import { kioskWindowOptions } from './window-options';
import { secureSession, secureWindow } from './window-security';
import { LazyHub } from './lazy-hub';

// out/main/index.js -> out/ (renderer, preload) and the repo root (resources/).
// import.meta.url rather than the CommonJS globals, which ESM does not have.
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(outDir, '..');

// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app never trusts it.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined;
const csp = contentSecurityPolicy(devUrl !== undefined, devUrl);

// --data-dir, then HADIR_DATA_DIR, then <appData>/Hadir: the same folder the CLI and web host
// compute, and the same one app.getPath('userData') gives for productName Hadir. Making it
// Chromium's userData too keeps one folder per kiosk and scopes the single-instance lock to it,
// so two kiosks (or two e2e tests) with different data folders can run side by side.
const dataDir = resolveDataDir(dataDirFlag(process.argv));
fs.mkdirSync(dataDir, { recursive: true });
// A crash of the main process lands in the data folder's log (logs/hadir.log) before Electron
// handles it as usual: in a packaged kiosk, console output goes nowhere.
process.on('uncaughtExceptionMonitor', (e, origin) => openLog(dataDir).fatal({ err: e, origin }, 'main process crashed'));
app.setPath('userData', dataDir);
// Chromium's caches (sessionData, by default userData) go to the temp folder instead, so the data
// folder an organiser backs up holds hadir.db and little else. Nothing there is ours to keep: the
// kiosk stores nothing in localStorage or cookies. One folder per data folder, for side-by-side kiosks.
const sessionDir = path.join(
  os.tmpdir(),
  `hadir-session-${crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`,
);
fs.mkdirSync(sessionDir, { recursive: true });
app.setPath('sessionData', sessionDir); // before `ready`, as setPath('userData')

registerAppScheme(); // before `ready`

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Never a silent exit (ELECTRON-NOTES 17): say whether another Hadir has this data folder or
  // the folder cannot hold the lock, and what to do. A message box needs `ready`.
  const probe = probeLockFolder(dataDir, process.platform);
  const cause = lockFailureCause(probe);
  try {
    openLog(dataDir).warn({ cause, probe, dataDir }, 'single-instance lock not obtained');
  } catch {
    // a read-only folder cannot hold the log either: the dialog still says it
  }
  void app.whenReady().then(() => {
    dialog.showMessageBoxSync(lockFailureDialog(cause, dataDir, logFile(dataDir)));
    app.quit();
  });
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit()); // a kiosk, on macOS too
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fail('Hadir tidak dapat dimulai / Hadir could not start', e));
}

function start(): void {
  const ctx = openOrRecover();
  if (!ctx) return;
  app.on('will-quit', () => ctx.db.close());

  // "Buka untuk meja lain" (issue 19): the same HTTPS hub as the web host's --host 0.0.0.0, opened
  // and closed by the hub.open / hub.close operations (plain Node, web/hub-switch.ts); desks load
  // the same built renderer. On when the kiosk last stopped: opened again (same port and key).
  // Its code (HTTPS, certificates, the join QR) is loaded only then, or when the switch is turned on.
  const hubSwitch = new LazyHub(ctx, path.join(outDir, 'renderer'));
  ctx.hub = hubSwitch;
  void hubSwitch.resume();

  // A backup every 10 minutes while anything changes, and one on quit before the database closes.
  const backups = startBackupScheduler(ctx);
  let backedUp = false;
  app.on('before-quit', (event) => {
    if (backedUp) return;
    event.preventDefault();
    // The desks' listener stops first (the switch stays as the organiser left it), then the backup.
    void Promise.allSettled([hubSwitch.shutdown(), backups.stop()]).finally(() => {
      backedUp = true;
      app.quit();
    });
  });

  secureSession(session.defaultSession, csp, devUrl);
  serveAppScheme(path.join(outDir, 'renderer'), csp, printJobs);
  // The kiosk window's own operations reach the desks' live streams (only when the switch is on).
  registerIpc(ctx, devUrl, (name, input, ok) => hubSwitch.observe(name, input, ok));
  registerShellIpc(ctx, devUrl);
  mainWindow = createWindow(ctx);
  // Windows shutdown, restart or logout: no before-quit, and the process is killed soon after
  // (ELECTRON-NOTES 14). The handler checkpoints and backs up synchronously, once.
  const onSessionEnd = sessionEndHandler(ctx);
  mainWindow.on('query-session-end', onSessionEnd);
  mainWindow.on('session-end', onSessionEnd);

  if (process.platform === 'darwin' && systemPreferences.getMediaAccessStatus('camera') === 'not-determined') {
    void systemPreferences.askForMediaAccess('camera'); // the prompt shows NSCameraUsageDescription
  }
}

function createWindow(ctx: Ctx): BrowserWindow {
  const devTools = !app.isPackaged;
  const kiosk = wantsKiosk(process.argv);
  const win = new BrowserWindow(kioskWindowOptions({ preload: path.join(outDir, 'preload', 'index.cjs'), devTools, kiosk }));
  secureWindow(win, devUrl);
  setupKiosk(win, ctx, { devTools, kiosk });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devUrl ?? APP_ENTRY_URL);
  return win;
}

/** Packaged: electron-builder's copy of resources/. Development: the repo's. */
function resourcesDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(repoRoot, 'resources');
}

/**
 * Opens the database; when the start-up check finds it damaged, offers the newest good backup
 * (the damaged file is moved aside, never overwritten). Null: the app is exiting.
 */
function openOrRecover(): Ctx | null {
  const open = () =>
    openContext(dataDir, 'electron', resourcesDir(), {
      actor: 'kiosk',
      jobsWorker: builtWorkerEntry(path.join(outDir, 'main')),
    });
  try {
    return open();
  } catch (e) {
    if (e instanceof HadirError && e.code === 'db_damaged') {
      const choice = dialog.showMessageBoxSync(damagedDbDialog(e.params));
      if (choice === RESTORE_BUTTON && e.params?.backup) {
        try {
          restoreNewestGood(dataDir, String(e.params.file));
          return open();
        } catch (again) {
          fail('Hadir tidak dapat memulihkan cadangan / Hadir could not restore the backup', again);
          return null;
        }
      }
      app.exit(1);
      return null;
    }
    // e.g. db_newer: the HadirError's message says which schema the file has and what to do.
    fail('Hadir tidak dapat membuka basis data / Hadir cannot open the database', e);
    return null;
  }
}

function fail(title: string, e: unknown): void {
  // A HadirError says what to do (db_newer…); anything else is shown as a reference to the log,
  // where its message and stack are, never as the raw message.
  const log = openLog(dataDir);
  const message = e instanceof HadirError ? e.message : toOpError(e, log, title).message;
  if (e instanceof HadirError) log.error({ err: e }, title);
  console.error(`[hadir] ${title}: ${message}`);
  dialog.showErrorBox(title, `${message}\n\nFolder data: ${dataDir}\nLog: ${logFile(dataDir)}`);
  app.exit(1);
}
