// UI string catalogue (CONVENTIONS.md #10). The texts live in src/shared/locales/<lang>/ui.json as ICU
// MessageFormat; English is the reference: its keys type the other languages, and test/renderer/i18n.test.ts checks
// every key exists in all languages with the same arguments. Pure data + one formatter: no DOM, Node or
// Electron imports, so the UI and the CLI share it.
import en from '../locales/en/ui.json' with { type: 'json' };
import de from '../locales/de/ui.json' with { type: 'json' };
import nl from '../locales/nl/ui.json' with { type: 'json' };
import { formatMessage, type MessageParams } from './format.js';

import type { UiLang } from './langs.js';

export type MessageKey = keyof typeof en;
export { isUiLang, langFromLocale, UI_LANGS, type UiLang } from './langs.js';

export const messages: Record<UiLang, Record<MessageKey, string>> = {
  en,
  de: de,
  nl: nl,
};

export { formatMessage, placeholdersOf, type MessageParams } from './format.js';

/** Whether the UI table has this key (for texts looked up by an id the host sends, such as a step id). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages.en, key);
}

export function translate(lang: UiLang, key: MessageKey, params: MessageParams = {}): string {
  const text = messages[lang][key] ?? messages.en[key] ?? key;
  return formatMessage(lang, text, params);
}
