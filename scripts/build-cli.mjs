#!/usr/bin/env node
// Builds the CLI into dist/cli (run by `npm ci` / `npm install` through the "prepare" script, or `npm run
// build:cli`): one ES module bundle of the TypeScript sources and the pure-JavaScript dependencies, split at
// every lazy import() so `calpump --help` loads only the command definitions. Native and optional heavy
// packages stay in node_modules. Written to a temporary folder and swapped in, so a CLI running meanwhile (or
// a second build) never sees half a bundle.
import { build } from 'esbuild';
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ALSO_WATCHED, BUNDLE_DIR, ENTRY, MANIFEST, ROOT, WORKER_ENTRY } from './cli-bundle.mjs';

/**
 * zod re-exports all of its ~50 message locales as a namespace, which no bundler can tree-shake and which is half
 * of what `calpump --help` would otherwise load. Calpump only uses zod's default English messages (its own
 * texts come from src/shared/locales), so inside zod the locale index is replaced by English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(args.path, '..', '..', 'locales', 'en.js'))};`,
      resolveDir: ROOT,
    }));
  },
};

/** Large JSON (the locale files) as JSON.parse of a string: V8 reads that several times faster than an object literal. */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.json$/ }, async (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

/** Loaded from node_modules at run time: native code, Electron, the UI build tool, and what only tests use. */
const EXTERNAL = ['better-sqlite3', 'electron', 'vite', 'ews-javascript-api', '@ewsjs/xhr', 'playwright-core'];

/**
 * esbuild's settings for everything that runs as the CLI ships (the CLI itself; the bench builds its Calpump
 * children with them too, so it measures the code users run).
 */
export function bundleOptions({ entryPoints, outdir }) {
  return {
    absWorkingDir: ROOT,
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
    banner: { js: "import { createRequire as __calpumpRequire } from 'node:module'; const require = __calpumpRequire(import.meta.url);" },
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    plugins: [zodEnglishOnly, jsonAsParse],
    logLevel: 'warning',
  };
}

export async function buildCli({ quiet = false } = {}) {
  const started = Date.now();
  const staging = `${BUNDLE_DIR}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build(bundleOptions({ entryPoints: { run: ENTRY, 'export-worker': WORKER_ENTRY }, outdir: staging }));
  // Our own files only: node_modules changes through package-lock.json, and plugin modules (ns:path) have no file.
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/') && !f.includes(':'));
  const inputs = [...new Set([...sources, ...ALSO_WATCHED])].sort();
  // Current as of the moment the build started reading: a file edited during the build makes it stale at once.
  const builtAtMs = started;
  writeFileSync(join(staging, MANIFEST), `${JSON.stringify({ builtAtMs, inputs }, null, 1)}\n`);
  const old = `${BUNDLE_DIR}.old-${process.pid}`;
  try {
    renameSync(BUNDLE_DIR, old);
  } catch {
    // No earlier build.
  }
  renameSync(staging, BUNDLE_DIR);
  rmSync(old, { recursive: true, force: true });
  const bytes = readdirSync(BUNDLE_DIR).reduce((n, f) => n + statSync(join(BUNDLE_DIR, f)).size, 0);
  if (!quiet)
    process.stderr.write(
      `calpump: built ${relative(ROOT, BUNDLE_DIR)} (${inputs.length} inputs, ${Math.round(bytes / 1024)} KB) in ${Date.now() - started} ms\n`,
    );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop())) await buildCli();
