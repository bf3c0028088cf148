import { getSetting, setSetting } from '../../db/repositories/settings';
import { LANGS, type Lang } from '../../shared/contract';
import type { HandlerMap } from '../handler';
import { APP_VERSION } from './version';
import { activeEventId, getEvent } from '../../db/repositories/events';
import { nowIso } from '../context';
import { renderTestPage } from './test-page';
import { kioskLang } from './lang';

export const systemHandlers: HandlerMap<'app.info' | 'settings.get' | 'settings.set' | 'print.testPage'> = {
  'app.info': (ctx) => ({ version: APP_VERSION, runtime: ctx.runtime, dataDir: ctx.dataDir, dbPath: ctx.dbPath }),
  'settings.get': (ctx) => ({ lang: kioskLang(ctx) }),
  'settings.set': (ctx, input) => {
    setSetting(ctx.db, 'lang', input.lang);
    return { lang: input.lang };
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
