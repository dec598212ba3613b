// How many export worker threads: CALPUMP_EXPORT_WORKERS (a number, 'auto', or 0/'off'), by default none for
// now. 'auto' is one fewer than the machine's cores (os.availableParallelism()): this thread does its share.
import { availableParallelism } from 'node:os';

export const EXPORT_WORKERS_ENV = 'CALPUMP_EXPORT_WORKERS';
const MAX_WORKERS = 16;

export function autoWorkerCount(parallelism = availableParallelism()): number {
  return Math.max(0, Math.min(MAX_WORKERS, parallelism - 1));
}

export function exportWorkerCount(env: NodeJS.ProcessEnv, parallelism = availableParallelism()): number {
  const v = (env[EXPORT_WORKERS_ENV] ?? '').trim().toLowerCase();
  if (v === 'auto' || v === 'on') return autoWorkerCount(parallelism);
  const n = Number(v);
  return v !== '' && Number.isInteger(n) && n > 0 ? Math.min(MAX_WORKERS, n) : 0;
}
