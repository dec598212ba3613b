import { describe, expect, it } from 'vitest';
import { pageLanguage } from '../../../src/headless/serve/locale-preload.js';

describe("the page's language for its preloaded texts", () => {
  it('is the stored setting when there is one', () => {
    expect(pageLanguage('nl', 'de-DE,de;q=0.9')).toBe('nl');
  });

  it("is else the browser's first language, as the renderer guesses it", () => {
    expect(pageLanguage(undefined, 'de-AT,de;q=0.9,en;q=0.8')).toBe('de');
    expect(pageLanguage(undefined, ' nl-BE')).toBe('nl');
    expect(pageLanguage(undefined, 'fr-FR,de;q=0.5')).toBe('en');
    expect(pageLanguage(undefined, undefined)).toBe('en');
  });
});
