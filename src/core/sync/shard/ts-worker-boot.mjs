// Starts an export worker from the TypeScript sources (the bench, the tests, bin/calpump.js's source path): a
// worker does not inherit the loader hooks tsx registered on the main thread, so it registers them itself. The
// prebuilt CLI and the Electron bundle start their bundled export-worker directly (worker-entry.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
