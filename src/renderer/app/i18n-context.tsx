// The UI language as React context. Components call useT() and never see the catalogue directly.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translate, type MessageKey, type MessageParams, type UiLang } from '../../shared/i18n/index.js';

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  lang: UiLang;
  t: TFunction;
}

const I18nContext = createContext<I18nValue>({ lang: 'en', t: (k, p) => translate('en', k, p) });

export function I18nProvider({ lang, children }: { lang: UiLang; children: ReactNode }) {
  const value = useMemo<I18nValue>(() => ({ lang, t: (k, p) => translate(lang, k, p) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}

export function useLang(): UiLang {
  return useContext(I18nContext).lang;
}
