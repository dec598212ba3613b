// Builds the renderer (React + Fluent UI) into dist/renderer. `base: './'` keeps every URL relative, so the same
// output loads from file:// in Electron and from `calpump serve` over http://127.0.0.1.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { griffelAheadOfTime } from './scripts/vite-griffel.js';
import { compileHintsFirstScreen, firstScreenGroups, listLocaleChunks, preloadFirstScreen } from './scripts/vite-first-screen.js';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));
/** zod with its JIT off (the CSP forbids eval): see src/renderer/zod-jitless.ts. */
const zodJitless = fileURLToPath(new URL('./src/renderer/zod-jitless.ts', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react({ babel: griffelAheadOfTime() }), preloadFirstScreen(), compileHintsFirstScreen(), listLocaleChunks()],
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
      // Fewer, larger files for the first screen: a browser opens at most six connections to one HTTP/1.1 host
      // (calpump serve), and each file past six waits for one to come free (scripts/vite-first-screen.ts).
      output: { manualChunks: firstScreenGroups },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
