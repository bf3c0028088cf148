// The shell operations' implementations: the Electron half of shared/shell-contract.ts. The
// decisions live in pure modules (print-options.ts, save-dialog.ts, reveal.ts); this file only
// calls Electron. UNVERIFIED here (Electron cannot start on the machines this was written on).
import { BrowserWindow, app, dialog, shell, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Ctx } from '../core/context';
import { kioskLang } from '../core/system/lang';
import { getPrintSettings, setPrintSettings } from '../core/system/print-settings';
import { HadirError } from '../shared/errors';
import { printPdf } from './print';
import { printTarget } from './print-options';
import { kioskPinSet, setKioskPin } from '../core/system/kiosk-pin';
import { leaveKioskWithPin } from './kiosk';
import { mayReveal } from './reveal';
import { saveDialogOptions } from './save-dialog';
import type { ShellHandlers } from './shell-dispatch';

const TITLES = {
  id: { save: 'Simpan berkas', folder: 'Pilih folder' },
  en: { save: 'Save file', folder: 'Choose a folder' },
};

export function shellHandlers(ctx: Ctx): ShellHandlers<WebContents> {
  /** Files saved in this session: the only ones outside the data folder "show in folder" reveals. */
  const saved = new Set<string>();
  let lastDir = app.getPath('documents');
  const titles = () => TITLES[kioskLang(ctx)];
  const parentOf = (wc: WebContents) => BrowserWindow.fromWebContents(wc) ?? undefined;

  return {
    'shell.printers': async (_input, wc) =>
      (await wc.getPrintersAsync()).map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        description: p.description,
      })),
    'shell.print': async ({ file, mode, deviceName, copies }, wc) => {
      const target = printTarget(mode, deviceName, getPrintSettings(ctx).deskPrinter);
      if (!target) throw new HadirError('print_failed', 'No desk printer is set.', { noPrinter: 1 });
      // The kiosk window is the dialog's parent, so the dialog opens in front of it (print-options.ts).
      const printed = await printPdf(file.bytes, { ...target, copies }, parentOf(wc));
      return { printed, deviceName: target.deviceName };
    },
    'shell.printSettings': () => getPrintSettings(ctx),
    'shell.setPrintSettings': (input) => setPrintSettings(ctx, input),
    'shell.saveFile': async ({ file }, wc) => {
      const options = saveDialogOptions(file.fileName, lastDir, titles().save);
      const parent = parentOf(wc);
      const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return null;
      await fs.writeFile(filePath, file.bytes);
      saved.add(path.resolve(filePath));
      lastDir = path.dirname(filePath);
      return { path: filePath };
    },
    'shell.chooseFolder': async ({ title }, wc) => {
      const options = {
        title: title ?? titles().folder,
        defaultPath: lastDir,
        properties: ['openDirectory', 'createDirectory'] as const,
      };
      const parent = parentOf(wc);
      const res = parent
        ? await dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      const dir = res.canceled ? undefined : res.filePaths[0];
      return dir ? { path: dir } : null;
    },
    'shell.kioskPin': () => ({ pinSet: kioskPinSet(ctx) }),
    'shell.setKioskPin': ({ pin }) => setKioskPin(ctx, pin),
    'shell.leaveKiosk': ({ pin }, wc) => leaveKioskWithPin(ctx, BrowserWindow.fromWebContents(wc), pin),
    'shell.showInFolder': ({ path: file }) => {
      if (!mayReveal(file, saved, ctx.dataDir)) throw new HadirError('forbidden', 'Only files this kiosk saved can be shown.');
      shell.showItemInFolder(file);
      return true;
    },
  };
}
