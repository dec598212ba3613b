// UI string catalogue (CONVENTIONS.md #10). English is the reference: its keys type the other languages, and
// test/renderer/i18n.test.ts checks every key exists in all three with the same {placeholders}.
// Pure data + one formatter: no DOM, Node or Electron imports, so the CLI could reuse it too.
import { en, type MessageKey } from './en.js';
import { de } from './de.js';
import { nl } from './nl.js';

export type { MessageKey } from './en.js';
export type UiLang = 'en' | 'de' | 'nl';
export const UI_LANGS: readonly UiLang[] = ['en', 'de', 'nl'];

export const messages: Record<UiLang, Record<MessageKey, string>> = { en, de, nl };

export type MessageParams = Record<string, string | number>;

/** The {name} placeholders a message uses, sorted, without duplicates. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

export function isUiLang(v: unknown): v is UiLang {
  return v === 'en' || v === 'de' || v === 'nl';
}

/** Picks the UI language from a BCP 47 tag such as navigator.language ("de-AT" → de); English otherwise. */
export function langFromLocale(tag: string | undefined): UiLang {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return isUiLang(base) ? base : 'en';
}

export function translate(lang: UiLang, key: MessageKey, params: MessageParams = {}): string {
  const text = messages[lang][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'number' ? v.toLocaleString(lang) : v;
  });
}
