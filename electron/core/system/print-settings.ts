import { getSetting, setSetting } from '../../db/repositories/settings';
import type { PrintSettings } from '../../shared/shell-contract';
import type { Ctx } from '../context';

// The kiosk's desk printer (silent printing of walk-in badges). A setting of this machine, kept
// in its database; the shell operations (electron/main/shell.ts) read and write it.
const KEY = 'print.deskPrinter';

export function getPrintSettings(ctx: Ctx): PrintSettings {
  return { deskPrinter: getSetting(ctx.db, KEY) || null };
}

export function setPrintSettings(ctx: Ctx, s: PrintSettings): PrintSettings {
  setSetting(ctx.db, KEY, s.deskPrinter ?? '');
  return getPrintSettings(ctx);
}
