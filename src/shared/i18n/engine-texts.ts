// Texts the engine names by key rather than writing them: the problem an input error describes, doctor step
// titles and findings, setup script titles. They live in src/shared/locales/<lang>/engine.json (ICU
// MessageFormat, keys sorted); a host renders them with the rest of what it shows, in its reader's language.
import en from '../locales/en/engine.json' with { type: 'json' };
import de from '../locales/de/engine.json' with { type: 'json' };
import nl from '../locales/nl/engine.json' with { type: 'json' };
import type { TextRef } from '../errors.js';
import { engineTextIn, type Table } from './render-tables.js';

export type EngineTextKey = keyof typeof en;
type Lang = 'en' | 'de' | 'nl';

export const engineTextTables: Record<Lang, Record<string, string>> = { en, de, nl };

/** A reference to an engine text, checked against the English table at compile time. */
export function text(key: EngineTextKey, params?: TextRef['params']): TextRef {
  return params ? { key, params } : { key };
}

const merged = new Map<Lang, Table>();
/** The engine texts in `lang`, English where a key is missing. */
export function engineTableFor(lang: Lang): Table {
  let t = merged.get(lang);
  if (!t) merged.set(lang, (t = { ...engineTextTables.en, ...engineTextTables[lang] }));
  return t;
}

/** The text in `lang`; a key this version does not know shows as itself. */
export function renderEngineText(ref: TextRef, lang: Lang): string {
  return engineTextIn(engineTableFor(lang), ref, lang);
}

/** A problem that is either plain data (shown as it is) or a reference to an engine text, as text in `lang`. */
export function renderTextParam(p: string | TextRef, lang: Lang): string {
  return typeof p === 'string' ? p : renderEngineText(p, lang);
}
