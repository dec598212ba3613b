import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messages as allMessages } from '../../src/shared/i18n/index.js';
const en = allMessages.en;
import { formatMessage, langFromLocale, messages, placeholdersOf, translate, UI_LANGS } from '../../src/shared/i18n/index.js';

const enKeys = Object.keys(en).sort();

describe('UI string catalogue', () => {
  it.each(UI_LANGS)('%s has exactly the English keys, none empty', (lang) => {
    const cat = messages[lang] as Record<string, string>;
    expect(Object.keys(cat).sort()).toEqual(enKeys);
    for (const k of enKeys) expect(cat[k]?.trim(), `${lang} ${k}`).toBeTruthy();
  });

  it.each(['de', 'nl'] as const)('%s uses the same {placeholders} as English in every message', (lang) => {
    const mismatches = enKeys.filter(
      (k) => placeholdersOf(messages[lang][k as keyof typeof en]).join() !== placeholdersOf(en[k as keyof typeof en]).join(),
    );
    expect(mismatches).toEqual([]);
  });

  it.each(['de', 'nl'] as const)('%s is actually translated (most strings differ from English)', (lang) => {
    const same = enKeys.filter((k) => messages[lang][k as keyof typeof en] === en[k as keyof typeof en]);
    // Product names, formats and "{ms} ms" legitimately stay the same; a copy of the English file would not pass.
    expect(same.length).toBeLessThan(enKeys.length * 0.1);
  });

  it('fills placeholders and formats numbers for the language', () => {
    expect(translate('en', 'browse.count.filtered', { shown: 12, total: 50000 })).toBe('12 of 50,000 mailboxes');
    expect(translate('de', 'browse.count.filtered', { shown: 12, total: 50000 })).toBe('12 von 50.000 Postfächern');
    expect(translate('nl', 'profile.signin.signedInAs', { account: 'a@b.c' })).toBe('Aangemeld als a@b.c.');
    expect(translate('en', 'profile.signin.signedInAs')).toBe('Signed in as {account}.');
  });

  it.each(UI_LANGS)('%s: every message is valid ICU MessageFormat', (lang) => {
    for (const [key, text] of Object.entries(messages[lang])) {
      expect(() => new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }), key).not.toThrow();
    }
  });

  it('formats plurals for the language and leaves a missing argument visible', () => {
    expect(formatMessage('en', '{n, plural, one {# item} other {# items}}', { n: 1 })).toBe('1 item');
    expect(formatMessage('de', '{n, plural, one {# Termin} other {# Termine}}', { n: 1200 })).toBe('1.200 Termine');
    expect(formatMessage('en', 'in {folder}', {})).toBe('in {folder}');
  });

  it('picks the UI language from a locale tag', () => {
    expect(langFromLocale('de-AT')).toBe('de');
    expect(langFromLocale('nl')).toBe('nl');
    expect(langFromLocale('fr-FR')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });

  it('every key the renderer names literally exists in the catalogue', () => {
    const root = join(__dirname, '../../src/renderer');
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
      }
    };
    walk(root);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
