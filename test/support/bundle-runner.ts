// Child processes in the crash tests (SIGKILL mid-run, then run again) run a small TypeScript runner. Compiling it
// on the fly in every child (tsx, vite-node) costs seconds of CPU per start — minutes on a loaded machine, where
// the tests then ran into their time limits. Instead each runner is bundled once per test process with esbuild
// (what builds the CLI) into a temporary ES module that plain `node` starts in a fraction of that time. The bundle
// sits under node_modules/.cache so the packages left external resolve from the repository's node_modules.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** Native code and packages that look for their own files at run time stay in node_modules. */
const EXTERNAL = ['better-sqlite3', 'electron', 'vite', 'ews-javascript-api', '@ewsjs/xhr', 'playwright-core', 'pg-native', 'kerberos'];

const bundles = new Map<string, Promise<string>>();
const dirs: string[] = [];

/** The path of a plain-JavaScript bundle of `entry` (a path under the repository), built on first use. */
export function bundledRunner(entry: string): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = (async () => {
      const cache = join(ROOT, 'node_modules', '.cache', 'calpump-runners');
      await mkdir(cache, { recursive: true });
      const dir = await mkdtemp(join(cache, 'runner-'));
      dirs.push(dir);
      const outfile = join(dir, `${basename(entry, '.ts')}.mjs`);
      await build({
        absWorkingDir: ROOT,
        entryPoints: [entry],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        external: EXTERNAL,
        // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
        banner: { js: "import { createRequire as __runnerRequire } from 'node:module'; const require = __runnerRequire(import.meta.url);" },
        logLevel: 'error',
      });
      return outfile;
    })();
    bundles.set(entry, bundle);
  }
  return bundle;
}

/** Removes the bundles (call from afterAll). */
export async function removeBundledRunners(): Promise<void> {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  bundles.clear();
}
