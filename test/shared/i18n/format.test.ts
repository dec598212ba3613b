// formatMessage formats texts of plain words and {name} arguments without the ICU parser (a first screen is made
// of them); every text in every locale file must read exactly as IntlMessageFormat writes it, the others too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formatMessage, placeholdersOf } from '../../../src/shared/i18n/format.js';

const root = resolve(__dirname, '../../../src/shared/locales');
const langs = readdirSync(root);

/** Values of every kind a host passes: text (with ICU-looking characters), a number, zero. */
function paramsFor(text: string): Record<string, string | number> {
  return Object.fromEntries(placeholdersOf(text).map((name, i) => [name, i % 3 === 0 ? "a {b} 'c' #" : i % 3 === 1 ? 1234567.5 : 0]));
}

/** IntlMessageFormat's reading, with a number in a plain {name} written as the language writes numbers. */
function reference(lang: string, text: string, params: Record<string, string | number>): string {
  const filled: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'number' && !new RegExp(`\\{\\s*${k}\\s*,`).test(text)) filled[k] = new Intl.NumberFormat(lang).format(v);
  return String(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format(filled));
}

describe('formatMessage', () => {
  it.each(langs)('writes every %s text as IntlMessageFormat does', (lang) => {
    let checked = 0;
    for (const file of readdirSync(join(root, lang))) {
      const table = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Record<string, string>;
      for (const [key, text] of Object.entries(table)) {
        const params = paramsFor(text);
        expect(formatMessage(lang, text, params), `${lang}/${file} ${key}`).toBe(reference(lang, text, params));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('keeps ICU quoting, spacing inside braces and missing arguments', () => {
    expect(formatMessage('en', "It''s {name}", { name: 'x' })).toBe("It's x");
    expect(formatMessage('en', "'{name}' is literal", { name: 'x' })).toBe('{name} is literal');
    expect(formatMessage('en', 'Hello { name }!', { name: 'Ann' })).toBe('Hello Ann!');
    expect(formatMessage('en', 'Hello {name} and {other}', { name: 'Ann' })).toBe('Hello Ann and {other}');
    expect(formatMessage('de', '{n} Termine', { n: 50000 })).toBe('50.000 Termine');
    expect(formatMessage('en', 'Plain text, no arguments <b>#</b>')).toBe('Plain text, no arguments <b>#</b>');
  });

  it('leaves a date to the formatter, as before', () => {
    const when = new Date('2026-06-02T09:30:00Z');
    const mf = new IntlMessageFormat('at {when}', 'en', undefined, { ignoreTag: true });
    expect(formatMessage('en', 'at {when}', { when })).toBe(String(mf.format({ when })));
  });
});
