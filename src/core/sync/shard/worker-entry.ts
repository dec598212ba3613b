// Where an export worker's code is in each host: next to this file as export-worker.mjs (the prebuilt CLI,
// scripts/build-cli.mjs) or export-worker.js (Electron's main bundle, vite.main.config.ts). Running from the
// TypeScript sources (tsx, vitest), the prebuilt CLI's worker is taken while it is current — the rule
// bin/calpump.js follows: built from exactly these sources, and it starts in a fraction of the time tsx needs
// to load the EWS stack again in a fresh thread — otherwise the sources through ts-worker-boot.mjs
// (CALPUMP_FROM_SOURCES=1 always takes that path). Undefined where none is found: the export then runs on this
// thread alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportWorkerData } from './protocol.js';

const BUNDLED = ['export-worker.mjs', 'export-worker.js'];

/** The prebuilt CLI's worker when it is current (sources only; a bundle never looks for another bundle). */
async function prebuiltWorker(env: NodeJS.ProcessEnv): Promise<URL | undefined> {
  if (env.CALPUMP_FROM_SOURCES) return undefined;
  try {
    const { currentBundle } = await import('../../../../scripts/cli-bundle.mjs');
    const run = currentBundle();
    const worker = run && join(run, '..', BUNDLED[0]);
    return worker && existsSync(worker) ? pathToFileURL(worker) : undefined;
  } catch {
    return undefined;
  }
}

export async function spawnExportWorker(data: ExportWorkerData): Promise<Worker | undefined> {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const prebuilt = await prebuiltWorker(data.env);
    if (prebuilt) return new Worker(prebuilt, { workerData: data });
    const entry = new URL('./export-worker.ts', here).href;
    return new Worker(new URL('./ts-worker-boot.mjs', here), { workerData: { ...data, entry } });
  }
  for (const name of BUNDLED) {
    const url = new URL(`./${name}`, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, { workerData: data });
  }
  return undefined;
}
