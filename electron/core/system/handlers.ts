import { getSetting, setSetting } from '../../db/repositories/settings';
import { settingsInput, type KioskDesk, type Settings } from '../../shared/contract';
import type { HandlerMap } from '../handler';
import { APP_VERSION } from './version';
import { activeEventId, getEvent } from '../../db/repositories/events';
import { nowIso, type Ctx } from '../context';
import { renderTestPage } from './test-page';
import { kioskLang } from './lang';

/** The Electron window's desk (name and event). Browser desks keep theirs in localStorage. */
const KIOSK_DESK = 'kiosk_desk';

function readSettings(ctx: Ctx): Settings {
  return { lang: kioskLang(ctx), kioskDesk: parseKioskDesk(getSetting(ctx.db, KIOSK_DESK)) };
}

/** Written by settings.set after validation; read defensively all the same (a hand-edited file). */
function parseKioskDesk(raw: string | undefined): KioskDesk | null {
  if (!raw) return null;
  try {
    const parsed = settingsInput.shape.kioskDesk.unwrap().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const systemHandlers: HandlerMap<'app.info' | 'settings.get' | 'settings.set' | 'print.testPage'> = {
  'app.info': (ctx) => ({
    version: APP_VERSION,
    runtime: ctx.runtime,
    dataDir: ctx.dataDir,
    dbPath: ctx.dbPath,
    workerFallback: ctx.jobs.workerFellBack,
  }),
  'settings.get': (ctx) => readSettings(ctx),
  'settings.set': (ctx, { lang, kioskDesk }) => {
    ctx.db
      .transaction(() => {
        if (lang) setSetting(ctx.db, 'lang', lang);
        if (kioskDesk) setSetting(ctx.db, KIOSK_DESK, JSON.stringify(kioskDesk));
      })
      .immediate();
    return readSettings(ctx);
  },
  'print.testPage': async (ctx) => {
    const lang = kioskLang(ctx);
    const id = activeEventId(ctx.db);
    const eventName = id === null ? null : (getEvent(ctx.db, id)?.name ?? null);
    const at = nowIso(ctx);
    const bytes = await renderTestPage({ lang, eventName, at: at.slice(0, 16).replace('T', ' ') });
    return { fileName: `hadir-test-printer-${at.slice(0, 10)}.pdf`, mime: 'application/pdf', bytes };
  },
};
