// Bench child: builds the renderer from the current sources into the e2e tests' cache (test/e2e/support/harness.ts
// builtUi, once per content hash) and prints the folder. The first-paint row builds in this child, so the process
// that then serves the page has not just run Vite and Babel (a large heap and busy compiler threads beside serve).
import { builtUi } from '../test/e2e/support/harness.js';

process.stdout.write(`${JSON.stringify({ dir: await builtUi() })}\n`);
process.exit(0);
