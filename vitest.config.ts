import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/support/testing-library-setup.ts'],
    // One temporary root per run, removed at its end; then the renderer built once for the end-to-end tests.
    globalSetup: ['test/support/temp-root.global.ts', 'test/e2e/support/build-ui.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default'],
  },
});
