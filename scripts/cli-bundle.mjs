// The prebuilt CLI (dist/cli): how it is built and whether it is current. Shared by bin/calpump.js (which runs
// the bundle only when it is current, else the sources through tsx), scripts/build-cli.mjs and the tests.
// Plain JavaScript, so it runs before anything is built.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = join(ROOT, 'dist', 'cli');
export const ENTRY = 'src/headless/cli/run.ts';
/** The export's worker thread, its own entry (dist/cli/export-worker.mjs; src/core/sync/shard/worker-entry.ts finds it). */
export const WORKER_ENTRY = 'src/core/sync/shard/export-worker.ts';
/** Besides the sources the bundle was made from, a change here also makes it stale. */
export const ALSO_WATCHED = ['package.json', 'package-lock.json', 'scripts/cli-bundle.mjs', 'scripts/build-cli.mjs'];
export const MANIFEST = 'manifest.json';

/**
 * The bundle's entry when dist/cli was built after the last change to any file it was made from; otherwise
 * undefined (missing, unreadable, or a source file changed since — a developer's edit is never shadowed by an
 * old build). About 400 stat calls: a few milliseconds.
 */
export function currentBundle(root = ROOT) {
  const dir = join(root, 'dist', 'cli');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(manifest.inputs) || typeof manifest.builtAtMs !== 'number') return undefined;
  const prefix = `${root}/`;
  for (const input of manifest.inputs) {
    const stat = statSync(prefix + input, { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > manifest.builtAtMs) return undefined;
  }
  return join(dir, 'run.mjs');
}
