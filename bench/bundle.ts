// The bench's Calpump children as users run Calpump: built with the prebuilt CLI's esbuild settings
// (scripts/build-cli.mjs bundleOptions: one ES module bundle, minified syntax, the export worker beside it), once
// per bench run into a temporary folder inside node_modules/.cache (where the packages it leaves external, such as
// better-sqlite3, resolve) that bench/lib.ts's runChild takes them from (BENCH_BUNDLE_DIR).
// BENCH_LOADER=tsx (or vite-node) runs them from the TypeScript sources instead — a CPU profile then names source
// files and lines. Only bench/run.ts imports this file: the children themselves never build anything.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { bundleOptions } from '../scripts/build-cli.mjs';
import { WORKER_ENTRY } from '../scripts/cli-bundle.mjs';
import { BUNDLED_CHILDREN, ROOT } from './lib.js';

/** Builds Calpump's children and points runChild at them; returns the folder (removed when this process exits). */
export async function bundleChildren(): Promise<string | undefined> {
  if (process.env.BENCH_LOADER) return undefined;
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outdir = await mkdtemp(join(cache, 'calpump-bench-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  const entryPoints: Record<string, string> = { 'export-worker': WORKER_ENTRY };
  for (const script of BUNDLED_CHILDREN) entryPoints[script.replace(/\.ts$/, '')] = join(ROOT, 'bench', script);
  await build(bundleOptions({ entryPoints, outdir }) as BuildOptions);
  process.env.BENCH_BUNDLE_DIR = outdir;
  return outdir;
}
