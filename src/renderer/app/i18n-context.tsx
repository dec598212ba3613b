// The UI language as React context. Components call useT() (and useRenderError / useRenderStep for the catalogue
// and test steps) and never see the tables directly; only the active language's tables are loaded (locales.ts).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ErrorInfo, TextRef } from '../../shared/errors.js';
import { formatMessage } from '../../shared/i18n/format.js';
import type { MessageKey, MessageParams } from '../../shared/i18n/index.js';
import type { UiLang } from '../../shared/i18n/langs.js';
import {
  engineTextIn,
  renderErrorIn,
  renderStepIn,
  type LocaleTables,
  type RenderedError,
  type RenderedStep,
} from '../../shared/i18n/render-tables.js';
import type { TestStep } from '../../shared/model.js';
import { loadedLocale } from './locales.js';

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  lang: UiLang;
  t: TFunction;
  has: (key: string) => key is MessageKey;
  renderError: (error: ErrorInfo) => RenderedError;
  renderStep: (step: TestStep, all: readonly TestStep[]) => RenderedStep;
  renderText: (ref: TextRef) => string;
}

const EMPTY: LocaleTables = { ui: {}, catalogue: {}, engine: {} };

function valueFor(lang: UiLang, tables: LocaleTables): I18nValue {
  return {
    lang,
    t: (k, p) => formatMessage(lang, tables.ui[k] ?? k, p),
    has: (k): k is MessageKey => Object.prototype.hasOwnProperty.call(tables.ui, k),
    renderError: (e) => renderErrorIn(tables, e, lang),
    renderStep: (step, all) => renderStepIn(tables, step, all, lang),
    renderText: (ref) => engineTextIn(tables.engine, ref, lang),
  };
}

const I18nContext = createContext<I18nValue>(valueFor('en', EMPTY));

/** Provides `lang`'s texts: the tables given, or the ones loaded for it (loadLocale before rendering). */
export function I18nProvider({ lang, tables, children }: { lang: UiLang; tables?: LocaleTables; children: ReactNode }) {
  const value = useMemo(() => valueFor(lang, tables ?? loadedLocale(lang) ?? EMPTY), [lang, tables]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}

export function useLang(): UiLang {
  return useContext(I18nContext).lang;
}

/** Whether the UI table has a key (for texts looked up by an id the host sends, such as a step's fact). */
export function useHasMessage(): (key: string) => key is MessageKey {
  return useContext(I18nContext).has;
}

/** Renders a catalogue error in the UI language. */
export function useRenderError(): (error: ErrorInfo) => RenderedError {
  return useContext(I18nContext).renderError;
}

/** Renders an engine text (a fact the host reported as a text reference) in the UI language. */
export function useRenderText(): (ref: TextRef) => string {
  return useContext(I18nContext).renderText;
}

/** Renders a connection-test or doctor step in the UI language. */
export function useRenderStep(): (step: TestStep, all: readonly TestStep[]) => RenderedStep {
  return useContext(I18nContext).renderStep;
}
