// ICU MessageFormat for every text a user reads (UI, CLI, error catalogue): plurals, selects, numbers and dates
// for the language, through intl-messageformat (FormatJS). One compiled formatter per (language, text), cached.
// A message never throws at the user: a parameter the caller did not pass stays visible as {name}, and a text
// that is not valid ICU is shown with its known {placeholders} filled in.
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';

export type MessageParams = Record<string, string | number | Date>;

const cache = new Map<string, IntlMessageFormat | null>();

// Each IntlMessageFormat resolves its locale and builds its own Intl formatters. FormatJS resolves through
// Intl.NumberFormat.supportedLocalesOf, whose first call in a fresh renderer loads ICU's locale data — the largest
// single cost of the first paint in a profile. Our languages are tags Intl knows, so the locale is built from the
// tag directly (once per tag); the formatters depend only on their arguments, so one set serves every message.
const resolvedLocales = new Map<string, Intl.Locale | undefined>();
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = (locales) => {
  const key = String(locales);
  if (!resolvedLocales.has(key)) {
    let locale: Intl.Locale | undefined;
    try {
      locale = new Intl.Locale(Array.isArray(locales) ? String(locales[0]) : locales);
    } catch {
      locale = resolveLocale(locales);
    }
    resolvedLocales.set(key, locale);
  }
  return resolvedLocales.get(key);
};

function memoised<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    let r = made.get(key);
    if (r === undefined) made.set(key, (r = make(...args)));
    return r;
  };
}

const formatters: Formatters = {
  // FormatJS's option type is wider than this TypeScript's lib (trailingZeroDisplay values); Intl receives it as is.
  getNumberFormat: memoised(
    (...a: Parameters<Formatters['getNumberFormat']>) => new Intl.NumberFormat(...(a as ConstructorParameters<typeof Intl.NumberFormat>)),
  ),
  getDateTimeFormat: memoised((...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a)),
  getPluralRules: memoised((...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a)),
};

/**
 * A text that is literal words, or words and plain {name} arguments, as its pieces (odd indexes are argument
 * names); undefined when it needs the ICU parser (plural, select, number/date arguments, apostrophe quoting).
 * Most texts on a screen are of this kind (labels, headings), so a first screen formats them without parsing.
 */
const plainShapes = new Map<string, string[] | undefined>();
const PLAIN_SHAPE = /^[^{}']*(?:\{\s*\w+\s*\}[^{}']*)*$/;
function plainShape(text: string): string[] | undefined {
  let shape = plainShapes.get(text);
  if (shape === undefined && !plainShapes.has(text)) {
    shape = PLAIN_SHAPE.test(text) ? text.split(/\{\s*(\w+)\s*\}/) : undefined;
    plainShapes.set(text, shape);
  }
  return shape;
}

/** A number as the language writes it in running text (50,000 / 50.000), with one formatter per language. */
function localeNumber(lang: string, n: number): string {
  return formatters.getNumberFormat(lang).format(n);
}

function compiled(lang: string, text: string): IntlMessageFormat | null {
  const key = `${lang}\u0000${text}`;
  let mf = cache.get(key);
  if (mf === undefined) {
    try {
      mf = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true, formatters });
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
  const shape = plainShape(text);
  if (shape) {
    // What IntlMessageFormat gives for such a text, without building one: a string as it is, a number as the
    // language writes it, a missing argument visible as {name}; a date is left to the formatter below.
    let out = shape[0];
    for (let i = 1; i < shape.length; i += 2) {
      const v = params[shape[i]];
      if (v instanceof Date) return formatWithParser(lang, text, params);
      out += (v === undefined ? `{${shape[i]}}` : typeof v === 'number' ? localeNumber(lang, v) : v) + shape[i + 1];
    }
    return out;
  }
  return formatWithParser(lang, text, params);
}

function formatWithParser(lang: string, text: string, params: MessageParams): string {
  const mf = compiled(lang, text);
  if (!mf) return plainFill(lang, text, params);
  const filled: MessageParams = { ...params };
  for (const name of placeholdersOf(text)) {
    const v = params[name];
    // Keep a missing argument visible as {name} rather than failing the whole message.
    if (v === undefined) filled[name] = `{${name}}`;
    // A number in a plain {name} reads as the language writes numbers (50,000 / 50.000); plural and number
    // arguments get the raw number.
    else if (typeof v === 'number' && !new RegExp(`\\{\\s*${name}\\s*,`).test(text)) filled[name] = localeNumber(lang, v);
  }
  try {
    const out = mf.format(filled);
    return typeof out === 'string' ? out : String(out);
  } catch {
    return plainFill(lang, text, params);
  }
}
