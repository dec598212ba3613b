import { describe, expect, it } from 'vitest';
import { omit } from '../../src/shared/omit.js';

describe('omit', () => {
  it('copies an object without the named keys and keeps the order of the others', () => {
    const source = { id: 'x', start: 1, subject: 'Standup', end: 2, location: 'Room 1' };
    const copy = omit(source, 'id', 'end');
    expect(copy).toEqual({ start: 1, subject: 'Standup', location: 'Room 1' });
    expect(Object.keys(copy)).toEqual(['start', 'subject', 'location']);
  });

  it('leaves the source untouched and ignores keys it does not have', () => {
    const source: Record<string, number> = { a: 1, b: 2 };
    expect(omit(source, 'b', 'c')).toEqual({ a: 1 });
    expect(source).toEqual({ a: 1, b: 2 });
  });
});
