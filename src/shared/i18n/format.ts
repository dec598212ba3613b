// ICU MessageFormat for every text a user reads (UI, CLI, error catalogue): plurals, selects, numbers and dates
// for the language, through intl-messageformat (FormatJS). One compiled formatter per (language, text), cached.
// A message never throws at the user: a parameter the caller did not pass stays visible as {name}, and a text
// that is not valid ICU is shown with its known {placeholders} filled in.
import { IntlMessageFormat } from 'intl-messageformat';

export type MessageParams = Record<string, string | number | Date>;

const cache = new Map<string, IntlMessageFormat | null>();

function compiled(lang: string, text: string): IntlMessageFormat | null {
  const key = `${lang}\u0000${text}`;
  let mf = cache.get(key);
  if (mf === undefined) {
    try {
      mf = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
    } catch {
      mf = null;
    }
    cache.set(key, mf);
  }
  return mf;
}

/** The {name} arguments a message uses (simple, plural and select arguments alike), sorted, without duplicates. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
}

function plainFill(lang: string, text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    if (typeof v === 'number') return v.toLocaleString(lang);
    return v instanceof Date ? v.toLocaleString(lang) : v;
  });
}

export function formatMessage(lang: string, text: string, params: MessageParams = {}): string {
  const mf = compiled(lang, text);
  if (!mf) return plainFill(lang, text, params);
  const filled: MessageParams = { ...params };
  for (const name of placeholdersOf(text)) {
    const v = params[name];
    // Keep a missing argument visible as {name} rather than failing the whole message.
    if (v === undefined) filled[name] = `{${name}}`;
    // A number in a plain {name} reads as the language writes numbers (50,000 / 50.000); plural and number
    // arguments get the raw number.
    else if (typeof v === 'number' && !new RegExp(`\\{\\s*${name}\\s*,`).test(text)) filled[name] = v.toLocaleString(lang);
  }
  try {
    const out = mf.format(filled);
    return typeof out === 'string' ? out : String(out);
  } catch {
    return plainFill(lang, text, params);
  }
}
