// The locale files are edited by hand and by several people at once: keys stay sorted, so a new key has one
// place to go and two changes to different areas never touch the same lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../src/shared/locales');
const files = readdirSync(root).flatMap((lang) => readdirSync(join(root, lang)).map((f) => join(lang, f)));

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
});
