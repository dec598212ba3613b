import { describe, expect, it } from 'vitest';
import { asText } from '../../src/shared/as-text.js';

describe('asText', () => {
  it('writes strings, numbers, booleans, null and undefined as String() does', () => {
    for (const v of ['Room 1', '', 42, 1.5, true, false, null, undefined, 10n]) expect(asText(v)).toBe(String(v));
  });

  it('writes a list as String() does, element by element', () => {
    expect(asText(['busy', 'oof'])).toBe('busy,oof');
    expect(asText([1, null, 'x', undefined])).toBe(String([1, null, 'x', undefined]));
  });

  it('writes an object as JSON, not as [object Object]', () => {
    expect(asText({ key: 'twoWay.subject', params: { n: 2 } })).toBe('{"key":"twoWay.subject","params":{"n":2}}');
    expect(asText([{ a: 1 }])).toBe('{"a":1}');
  });
});
