// Runs a real core call for a fake host handler: its answer, or its catalogue error the way the dispatcher
// sends it (so views are tested against the same refusals the host gives).
import { toCalpumpError } from '../../../src/core/errors/calpump-error.js';
import { HostError } from './fake-client.js';

export async function hostCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw new HostError(toCalpumpError(e).info());
  }
}
