// vitest's asymmetric matchers are typed `any`, which the lint's no-unsafe-* rules rightly refuse to let flow into
// typed code. These return them as `unknown` — true, and enough to nest them in toEqual/toMatchObject expectations.
import { expect } from 'vitest';

export function objectContaining(expected: Record<string, unknown>): unknown {
  return expect.objectContaining(expected);
}

/** What `fn` throws, for matching with toMatchObject (toThrow takes no asymmetric matcher typed); a return fails. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
