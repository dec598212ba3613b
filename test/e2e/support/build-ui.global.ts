// Vitest global setup: builds the renderer once, before any test file starts, when the run includes the
// end-to-end tests (no file filter, or a filter naming e2e). Each e2e file would otherwise start its own Vite
// build inside its beforeAll — several at once, each taking minutes on a loaded machine — and run into the hook's
// limit. builtUi() caches by the sources' hash, so the files then find the build ready.
import { builtUi } from './harness.js';

function runIncludesE2e(argv: string[]): boolean {
  const at = argv.findIndex((a) => a === 'run' || a === 'watch');
  const filters = (at >= 0 ? argv.slice(at + 1) : argv.slice(2)).filter((a) => !a.startsWith('-') && !/vitest(\.\w+)?$/.test(a));
  return filters.length === 0 || filters.some((f) => /e2e/.test(f));
}

export default async function setup(): Promise<void> {
  if (runIncludesE2e(process.argv)) await builtUi();
}
