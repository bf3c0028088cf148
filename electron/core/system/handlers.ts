import { getSetting, setSetting } from '../../db/repositories/settings';
import { LANGS, type Lang } from '../../shared/contract';
import type { HandlerMap } from '../handler';
import { APP_VERSION } from './version';

export const systemHandlers: HandlerMap<'app.info' | 'settings.get' | 'settings.set'> = {
  'app.info': (ctx) => ({ version: APP_VERSION, runtime: ctx.runtime, dataDir: ctx.dataDir, dbPath: ctx.dbPath }),
  'settings.get': (ctx) => {
    const lang = getSetting(ctx.db, 'lang');
    return { lang: (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : 'id' };
  },
  'settings.set': (ctx, input) => {
    setSetting(ctx.db, 'lang', input.lang);
    return { lang: input.lang };
  },
};
