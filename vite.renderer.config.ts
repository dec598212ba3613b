// Builds the renderer (React + Fluent UI) into dist/renderer. `base: './'` keeps every URL relative, so the same
// output loads from file:// in Electron and from `calpump serve` over http://127.0.0.1.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));
/** zod with its JIT off (the CSP forbids eval): see src/renderer/zod-jitless.ts. */
const zodJitless = fileURLToPath(new URL('./src/renderer/zod-jitless.ts', import.meta.url));

/**
 * The first screen's script, announced in index.html: main.tsx imports the app (App.tsx) and react-dom/client
 * dynamically, which would leave the browser to discover those chunks (and theirs) only once main.tsx has arrived
 * and run — a second round trip before the first render. A <link rel="modulepreload"> per chunk lets it fetch them
 * while the entry loads; Vite's own preload helper sees the links and does not add them again. (Taken out once when
 * the entry still had to open the socket for the home screen's data; since serve sends that data with the page
 * the links pay: bench/RESULTS.md, "First paint, fourth pass".)
 */
function preloadFirstScreen(): Plugin {
  const first = [/\/src\/renderer\/app\/App\.tsx$/, /\/react-dom\/client\.js$/];
  return {
    name: 'calpump-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const files = new Set<string>();
        const add = (file: string) => {
          const c = chunks.get(file);
          if (!c || files.has(file)) return;
          files.add(file);
          c.imports.forEach(add);
        };
        for (const c of chunks.values()) if (c.moduleIds.some((id) => first.some((re) => re.test(id)))) add(c.fileName);
        for (const c of chunks.values()) if (c.isEntry) files.delete(c.fileName);
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

export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadFirstScreen()],
  resolve: { alias: [{ find: /^zod$/, replacement: zodJitless }] },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Fluent UI is one large vendor chunk; it is loaded from disk/loopback, never over a network.
    chunkSizeWarningLimit: 2500,
    // No inline <script> for the module preload polyfill: the CSP forbids inline scripts.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // zod's sources carry /*@__PURE__*/ comments in places Rollup cannot use; harmless, and noisy in test logs.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
