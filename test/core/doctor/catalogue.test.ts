import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueIds, catalogueTables, type CatalogueEntry, type Lang } from '../../../src/core/doctor/catalogue.js';
import { placeholdersOf } from '../../../src/shared/i18n/format.js';
import { CalpumpError, toCalpumpError } from '../../../src/core/errors/calpump-error.js';

const langs: Lang[] = ['en', 'de', 'nl'];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it.each(catalogueIds)('%s is complete in every language with the same placeholders', (id) => {
    const e: CatalogueEntry = catalogue[id];
    for (const field of ['title', 'meaning', 'fix', 'delay'] as const) {
      const text = e[field];
      if (!text) continue;
      for (const lang of langs) expect(text[lang].trim().length, `${id}.${field}.${lang}`).toBeGreaterThan(3);
      for (const lang of langs) expect(placeholders(text[lang]), `${id}.${field}.${lang}`).toEqual(placeholders(text.en));
    }
  });

  it('renders an entry with its parameters and keeps evidence', () => {
    const err = new CalpumpError('ews.mailbox.notFound', { params: { mailbox: 'anna@contoso.com' }, evidence: 'ErrorNonExistentMailbox' });
    const info = err.render('de');
    expect(info.message).toContain('anna@contoso.com');
    expect(info.message).not.toContain('{mailbox}');
    expect(info.evidence).toBe('ErrorNonExistentMailbox');
  });

  it('wraps unknown errors so no bare error crosses a layer', () => {
    const wrapped = toCalpumpError(new TypeError('boom'));
    expect(wrapped.id).toBe('internal.unexpected');
    expect(wrapped.evidence).toBe('boom');
    expect(wrapped.render().message).toContain('boom');
    expect(wrapped.render().message).not.toContain('{text}');
  });
});

describe('catalogue locale files', () => {
  const dir = resolve(__dirname, '../../../src/shared/locales');

  it.each(langs)('%s/catalogue.json defines no key twice (JSON.parse would silently keep the last)', (lang) => {
    const raw = readFileSync(resolve(dir, lang, 'catalogue.json'), 'utf8');
    const keys = [...raw.matchAll(/^\s*"([^"]+)":/gm)].map((m) => m[1]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.each(['de', 'nl'] as const)('%s has exactly the English keys, each a valid ICU message with the same arguments', (lang) => {
    const table = catalogueTables[lang];
    expect(Object.keys(table).sort()).toEqual(Object.keys(catalogueTables.en).sort());
    for (const [key, text] of Object.entries(table)) {
      expect(() => new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }), key).not.toThrow();
      expect(placeholdersOf(text), key).toEqual(placeholdersOf(catalogueTables.en[key]));
    }
  });

  it('every id has a title, a meaning and a fix', () => {
    const en = catalogueTables.en;
    for (const id of catalogueIds)
      for (const part of ['title', 'meaning', 'fix']) expect(en[`${id}.${part}`], `${id}.${part}`).toBeTruthy();
    const orphans = Object.keys(en).filter((k) => !catalogueIds.some((id) => k.startsWith(`${id}.`)));
    expect(orphans).toEqual([]);
  });
});

describe('doctor catalogue entries', () => {
  it('lists causes in every language with the same placeholders', () => {
    let withCauses = 0;
    for (const [id, entry] of Object.entries(catalogue)) {
      for (const cause of entry.causes ?? []) {
        withCauses++;
        for (const lang of langs) {
          expect(cause[lang].trim().length, `${id}.causes.${lang}`).toBeGreaterThan(3);
          expect(placeholders(cause[lang]), `${id}.causes.${lang}`).toEqual(placeholders(cause.en));
        }
      }
    }
    expect(withCauses).toBeGreaterThan(30);
  });

  it('notes the delay where a fix takes time', () => {
    expect(catalogue['ews.impersonation.denied'].delay?.en).toMatch(/10 minutes/);
    expect(catalogue['graph.permission.missing'].delay?.en).toMatch(/few minutes/);
    expect(catalogue['ews.mailbox.moving'].delay).toBeDefined();
  });
});
