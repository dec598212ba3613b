import { describe, expect, it } from 'vitest';
import { escapeJsonControls, hasControlChars, stripControl } from '../../src/shared/control-chars.js';

describe('stripControl', () => {
  it('removes whole escape sequences a server could hide in a name', () => {
    expect(stripControl('\x1b[2J\x1b[31mKalender\x1b[0m')).toBe('Kalender');
    expect(stripControl('\x1b]0;pwned\x07Calendar')).toBe('Calendar');
    expect(stripControl('\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\')).toBe('link');
    expect(stripControl('a\x1bPq#0;2;0;0;0\x1b\\b')).toBe('ab');
    expect(stripControl('x\x9b31my')).toBe('xy');
  });

  it('drops other control characters and bidi overrides, keeps tab, line feed and ordinary text', () => {
    expect(stripControl('a\x00b\x07c\rd\x7fe\u0085f')).toBe('abcdef');
    expect(stripControl('evil\u202egpj.exe')).toBe('evilgpj.exe');
    expect(stripControl('line 1\n\tline 2')).toBe('line 1\n\tline 2');
    expect(stripControl('Besprechungsräume — 会議室 📅')).toBe('Besprechungsräume — 会議室 📅');
    expect(hasControlChars('plain')).toBe(false);
    expect(hasControlChars('a\x1bb')).toBe(true);
  });
});

describe('escapeJsonControls', () => {
  it('escapes what JSON.stringify leaves raw, and the parsed value does not change', () => {
    const value = { name: 'a\x9b31m\u202eb\x7f', plain: 'ä' };
    const text = escapeJsonControls(JSON.stringify(value));
    expect(hasControlChars(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(value);
  });
});
