import { getSetting } from '../../db/repositories/settings';
import { LANGS, type Lang } from '../../shared/contract';
import type { Ctx } from '../context';

/** The kiosk's language (settings.get), Indonesian unless set: also what its dialogs speak. */
export function kioskLang(ctx: Ctx): Lang {
  const lang = getSetting(ctx.db, 'lang');
  return (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : 'id';
}
