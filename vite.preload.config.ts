// Builds the preload script into dist/preload/index.cjs: one CommonJS file with everything inlined, because a
// sandboxed preload can require nothing but 'electron'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  build: {
    ssr: 'src/preload/index.ts',
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs', inlineDynamicImports: true } },
  },
  ssr: { target: 'webworker', noExternal: true },
});
