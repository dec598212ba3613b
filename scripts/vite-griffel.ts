// Fluent UI's styles resolved when the renderer is built, not in the page (Griffel's Babel preset, the "ahead of
// time" mode Fluent UI ships its own components in): each makeStyles() of ours becomes the class names and CSS
// rules it would compute at run time, so the first screen stops resolving style objects before it can render
// (about 30 ms of a fresh page's main thread; bench/RESULTS.md, "First paint, 2026-12-07, fifth pass").
//
// The preset evaluates each style object in Node. Two things it needs help with here:
// - our sources import each other as `./x.js` (TypeScript's NodeNext style) while the files are `x.ts`/`x.tsx`:
//   while the build runs, such an import from inside src/ is resolved to the source file;
// - the evaluator runs CommonJS only, and some packages Fluent UI loads ship ES modules (@swc/helpers/esm):
//   those are turned into CommonJS for the evaluation (the bundle itself still gets the ES modules).
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync, type PluginItem } from '@babel/core';

// A CommonJS package whose named exports Node's ES module loader cannot see.
const { shakerEvaluator } = createRequire(import.meta.url)('@griffel/babel-preset') as typeof import('@griffel/babel-preset');

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

type Resolver = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
let resolving = false;

/** While the build runs: `./x.js` from a file in src/ resolves to `./x.ts` or `./x.tsx` when no `x.js` exists. */
function resolveSourceImports(): void {
  if (resolving) return;
  resolving = true;
  const loader = Module as unknown as { _resolveFilename: Resolver };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const from = parent?.filename;
    if (request.startsWith('.') && request.endsWith('.js') && from?.startsWith(SRC)) {
      const base = join(dirname(from), request.slice(0, -'.js'.length));
      for (const ext of ['.ts', '.tsx']) if (!existsSync(`${base}.js`) && existsSync(base + ext)) return base + ext;
    }
    return original.call(this, request, parent, ...rest);
  };
}

/** A package file as the evaluator can run it: ES module syntax turned into CommonJS, anything else as it is. */
function packageAsCommonJs(filename: string, _options: unknown, text: string): [string, null] {
  if (!/^\s*(import|export)\s/m.test(text)) return [text, null];
  const out = transformSync(text, { filename, babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] });
  return [out?.code ?? text, null];
}

/** The Babel options for @vitejs/plugin-react: Griffel's preset, evaluating our TypeScript and the packages. */
export function griffelAheadOfTime(): { presets: PluginItem[] } {
  resolveSourceImports();
  return {
    presets: [
      [
        '@griffel',
        {
          babelOptions: { presets: ['@babel/preset-typescript'] },
          evaluationRules: [{ action: shakerEvaluator }, { test: /[/\\]node_modules[/\\]/, action: packageAsCommonJs }],
        },
      ],
    ],
  };
}
