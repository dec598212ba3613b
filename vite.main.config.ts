// Builds the Electron main process into dist/main/index.js (ESM, Node target). npm dependencies stay external
// and load from node_modules (electron-builder packs them, rebuilding native ones for Electron).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  build: {
    ssr: 'src/main/index.ts',
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'index.js' } },
  },
  ssr: { target: 'node' },
});
