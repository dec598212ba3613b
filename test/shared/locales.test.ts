// The locale files are edited by hand and by several people at once: keys stay sorted, so a new key has one
// place to go and two changes to different areas never touch the same lines. Every file (catalogue, ui,
// engine, cli…) has the same keys in every language, each a valid ICU message with the same arguments.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../src/shared/i18n/format.js';

const root = resolve(__dirname, '../../src/shared/locales');
const files = readdirSync(root).flatMap((lang) => readdirSync(join(root, lang)).map((f) => join(lang, f)));
const names = readdirSync(join(root, 'en'));
const table = (lang: string, name: string) => JSON.parse(readFileSync(join(root, lang, name), 'utf8')) as Record<string, string>;

describe('locale files', () => {
  it('exist for en, de and nl with the same names', () => {
    const byLang = (lang: string) => readdirSync(join(root, lang)).sort();
    expect(readdirSync(root).sort()).toEqual(['de', 'en', 'nl']);
    expect(byLang('de')).toEqual(byLang('en'));
    expect(byLang('nl')).toEqual(byLang('en'));
  });

  it.each(files)('%s keeps its keys in sorted order, each once', (file) => {
    const keys = [...readFileSync(join(root, file), 'utf8').matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys).toEqual([...new Set(keys)].sort());
  });

  describe.each(names)('%s', (name) => {
    const en = table('en', name);
    it.each(['de', 'nl'])('%s has exactly the English keys, none empty, with the same arguments', (lang) => {
      const other = table(lang, name);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(other)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholdersOf(text), `${lang} ${key}`).toEqual(placeholdersOf(en[key]));
      }
    });

    it.each(['en', 'de', 'nl'])('%s: every text is valid ICU MessageFormat', (lang) => {
      for (const [key, text] of Object.entries(table(lang, name)))
        expect(() => new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }), key).not.toThrow();
    });

    // ICU reads an apostrophe before a tag or a brace as the start of a quote and drops it: "-eq '<group DN>'"
    // would reach the reader as "-eq <group DN>". A quote character that must show is doubled ('').
    it.each(['en', 'de', 'nl'])('%s: no single apostrophe right before < or a placeholder', (lang) => {
      for (const [key, text] of Object.entries(table(lang, name))) expect(text, key).not.toMatch(/(^|[^'])'(<|\{\w)/);
    });
  });
});
