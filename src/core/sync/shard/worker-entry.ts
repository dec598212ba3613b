// Where an export worker's code is in each host: next to this file as export-worker.mjs (the prebuilt CLI,
// scripts/build-cli.mjs) or export-worker.js (Electron's main bundle, vite.main.config.ts), or as TypeScript
// (tsx, vitest) started through ts-worker-boot.mjs. Undefined where none is found: the export then runs on
// this thread alone.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportWorkerData } from './protocol.js';

const BUNDLED = ['export-worker.mjs', 'export-worker.js'];

export function spawnExportWorker(data: ExportWorkerData): Worker | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./export-worker.ts', here).href;
    return new Worker(new URL('./ts-worker-boot.mjs', here), { workerData: { ...data, entry } });
  }
  for (const name of BUNDLED) {
    const url = new URL(`./${name}`, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, { workerData: data });
  }
  return undefined;
}
