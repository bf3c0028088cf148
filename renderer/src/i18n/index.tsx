import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { z } from 'zod';
import { en as zodEn, id as zodId } from 'zod/locales';
import type { Lang } from '../../../electron/shared/contract';
import type { OpError } from '../../../electron/shared/result';
import { en } from './en';
import { id } from './id';

export type MsgKey = keyof typeof id;
const catalogues: Record<Lang, Record<MsgKey, string>> = { id, en };

export function translate(lang: Lang, key: MsgKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[lang][key] ?? id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

/** zod's built-in messages follow the UI language; the shared schemas' own messages are in the catalogue. */
export function setZodLocale(lang: Lang) {
  z.config(lang === 'id' ? zodId() : zodEn());
}

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MsgKey, params?: Record<string, string | number>) => string;
  /** A validation message: catalogue entry for the schemas' own checks, else zod's (localised) text. */
  tz: (message: string) => string;
  /** An operation error in the UI language, from its code and params. */
  te: (e: unknown) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ lang, setLang, children }: { lang: Lang; setLang: (l: Lang) => void; children: ReactNode }) {
  const t = useCallback((k: MsgKey, p?: Record<string, string | number>) => translate(lang, k, p), [lang]);
  const value = useMemo<I18n>(() => {
    const tz = (m: string) => (`zod.${m}` in id ? t(`zod.${m}` as MsgKey) : m);
    const te = (e: unknown) => {
      const err: OpError | undefined = (e as { error?: OpError })?.error;
      // Not an operation's error (a fault in the page itself): its message is internal, not shown.
      if (!err) return t('error.internal');
      const specific =
        err.params &&
        (Object.keys(err.params)
          .map((p) => `error.${err.code}.${p}`)
          .find((k) => k in id) as MsgKey | undefined);
      if (specific) return t(specific, err.params);
      const issue = err.issues?.[0];
      const detail = issue ? `${issue.path ? `${issue.path}: ` : ''}${tz(issue.message)}` : err.message;
      return t(`error.${err.code}` as MsgKey, { detail });
    };
    return { lang, setLang, t, tz, te };
  }, [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
