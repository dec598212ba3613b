// The CLI as a process: what bin/calpump.js starts, from the prebuilt bundle (dist/cli/run.mjs) or, without one,
// from these sources through tsx.
import { favourSmallFootprint } from '../../core/process/memory-footprint.js';
import { main } from './main.js';

export async function run(argv: string[]): Promise<void> {
  favourSmallFootprint();
  process.exitCode = await main(argv);
}
