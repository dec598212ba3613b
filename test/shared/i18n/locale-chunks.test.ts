import { describe, expect, it } from 'vitest';
import { parseLocaleChunks } from '../../../src/shared/i18n/locale-chunks.js';

describe('the build list of each language file', () => {
  it('keeps the build’s own script paths per known language', () => {
    const text = JSON.stringify({ en: ['assets/ui-AbC_1.js', 'assets/catalogue-x.js'], nl: ['assets/engine-y.js'] });
    expect(parseLocaleChunks(text)).toEqual({ en: ['assets/ui-AbC_1.js', 'assets/catalogue-x.js'], nl: ['assets/engine-y.js'] });
  });

  it('drops what is not a file of the build: other folders, climbing paths, URLs, other types, unknown languages', () => {
    const text = JSON.stringify({
      de: [
        'assets/ok.js',
        '../assets/x.js',
        'assets/../../x.js',
        '/etc/passwd',
        'https://example.com/a.js',
        'assets/a.css',
        7,
        'assets/a.js"><script>',
      ],
      fr: ['assets/fr.js'],
      en: 'assets/ui.js',
    });
    expect(parseLocaleChunks(text)).toEqual({ de: ['assets/ok.js'] });
  });

  it('reads a broken or foreign file as no list', () => {
    expect(parseLocaleChunks('{not json')).toEqual({});
    expect(parseLocaleChunks('[]')).toEqual({});
    expect(parseLocaleChunks('null')).toEqual({});
  });
});
