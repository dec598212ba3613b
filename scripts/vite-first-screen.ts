// Build steps for the renderer's first screen (vite.renderer.config.ts): what it needs is announced in index.html,
// compiled off the page's main thread, and its language's texts are listed for `calpump serve` to announce.
import type { Plugin, Rollup } from 'vite';
import { LOCALE_CHUNKS_FILE, type LocaleChunks } from '../src/shared/i18n/locale-chunks.js';

/** The modules the first screen starts from: the entry imports both dynamically (src/renderer/main.ts). */
const FIRST = [/\/src\/renderer\/app\/App\.tsx$/, /\/react-dom\/client\.js$/];

/** The language of one of src/shared/locales/<lang>/*.json, from a module id; undefined for any other module. */
function localeOf(id: string): string | undefined {
  return /[/\\]src[/\\]shared[/\\]locales[/\\]([a-z]{2})[/\\][a-z]+\.json$/.exec(id)?.[1];
}

/**
 * Rollup's manualChunks: the modules the first screen always loads together, grouped into one file each — React
 * with its DOM renderer and scheduler (four files otherwise), and each language's texts (three tables, which
 * src/renderer/app/locales.ts loads together). Everything else is split as Rollup decides.
 */
export function firstScreenGroups(id: string): string | undefined {
  const lang = localeOf(id);
  if (lang) return `texts-${lang}`;
  if (/[/\\]node_modules[/\\](react|react-dom|scheduler)[/\\]/.test(id) || id.includes('commonjsHelpers')) return 'react';
  return undefined;
}

/** The entry's chunks and the first screen's, with every chunk they import. */
function firstScreenChunks(bundle: Rollup.OutputBundle): Set<string> {
  const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
  const files = new Set<string>();
  const add = (file: string) => {
    const c = chunks.get(file);
    if (!c || files.has(file)) return;
    files.add(file);
    c.imports.forEach(add);
  };
  for (const c of chunks.values()) if (c.isEntry || c.moduleIds.some((id) => FIRST.some((re) => re.test(id)))) add(c.fileName);
  return files;
}

/**
 * The first screen's script, announced in index.html: main.ts imports the app (App.tsx) and react-dom/client
 * dynamically, which would leave the browser to discover those chunks (and theirs) only once main.ts has arrived
 * and run — a second round trip before the first render. A <link rel="modulepreload"> per chunk lets it fetch them
 * while the entry loads; Vite's own preload helper sees the links and does not add them again. (Taken out once when
 * the entry still had to open the socket for the home screen's data; since serve sends that data with the page
 * the links pay: bench/RESULTS.md, "First paint, fourth pass".)
 */
export function preloadFirstScreen(): Plugin {
  return {
    name: 'calpump-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const files = firstScreenChunks(bundle);
        for (const c of Object.values(bundle)) if (c.type === 'chunk' && c.isEntry) files.delete(c.fileName);
        const present = (f: string) => html.includes(`/${f}"`);
        return {
          html,
          tags: [...files]
            .filter((f) => !present(f))
            .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

/**
 * The files of each language's texts (src/renderer/app/locales.ts imports them one language at a time), written
 * as locale-chunks.json beside index.html: `calpump serve` announces the page's language with the page
 * (src/headless/serve/locale-preload.ts), so its texts travel with the first screen's script.
 */
export function listLocaleChunks(): Plugin {
  return {
    name: 'calpump-locale-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const out: Record<string, string[]> = {};
      for (const c of chunks) {
        for (const id of c.moduleIds) {
          const lang = localeOf(id);
          if (!lang) continue;
          const files = (out[lang] ??= []);
          const add = (f: string) => {
            if (files.includes(f) || byName.get(f)?.isEntry) return;
            files.push(f);
            byName.get(f)?.imports.forEach(add);
          };
          add(c.fileName);
        }
      }
      const sorted: LocaleChunks = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
      this.emitFile({ type: 'asset', fileName: LOCALE_CHUNKS_FILE, source: `${JSON.stringify(sorted, null, 2)}\n` });
    },
  };
}

/** V8's explicit compile hint: compile every function of the file eagerly, on the thread that streams it in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The first screen's chunks start with V8's compile hint. Without it V8 compiles each function the first time it
 * runs, on the page's main thread, in the middle of the first render; with it Chromium compiles the whole file
 * while it streams in, on a background thread (Chrome 136 and later; older engines read a comment). Measured on
 * the first screen: about a quarter less main-thread CPU (bench/RESULTS.md, "First paint, 2026-12-07, fifth
 * pass"). Only these files: a screen opened later compiles what it uses when it uses it. Added after
 * minification (which drops comments), with the source map moved down one line.
 */
export function compileHintsFirstScreen(): Plugin {
  return {
    name: 'calpump-compile-hints-first-screen',
    apply: 'build',
    enforce: 'post',
    // After Vite's own last edits of the chunks (its preload helper's dependency list goes first in a file).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of firstScreenChunks(bundle)) {
          const chunk = bundle[file];
          if (chunk?.type !== 'chunk' || chunk.code.startsWith(COMPILE_HINT)) continue;
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const map = bundle[`${file}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const parsed = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
          }
        }
      },
    },
  };
}
