// Awaits a promise that must reject with a CalpumpError (with the given id, when one is named) and returns that
// error for further assertions; a resolved promise or any other error fails the test.
import { expect } from 'vitest';
import { CalpumpError } from '../../src/core/errors/calpump-error.js';

export async function calpumpFailure(p: Promise<unknown>, id?: string): Promise<CalpumpError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CalpumpError);
    if (id !== undefined) expect((e as CalpumpError).id).toBe(id);
    return e as CalpumpError;
  }
  throw new Error('expected a failure');
}
