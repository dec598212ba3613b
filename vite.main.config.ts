// Builds the Electron main process into dist/main/index.js (ESM, Node target). npm dependencies stay external
// and load from node_modules (electron-builder packs them, rebuilding native ones for Electron).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  build: {
    ssr: true,
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      // The export's worker thread is an entry of its own, next to the chunks (src/core/sync/shard/worker-entry.ts
      // looks for export-worker.js beside the code that starts it).
      input: { index: 'src/main/index.ts', 'export-worker': 'src/core/sync/shard/export-worker.ts' },
      external: ['electron'],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { target: 'node' },
});
