import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transformAsync } from '@babel/core';
import { describe, expect, it } from 'vitest';
import { griffelAheadOfTime } from '../../scripts/vite-griffel.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('styles resolved when the renderer is built', () => {
  // The shell's styles use Fluent's tokens and our own layout constants (imported as ./layout.js from layout.ts).
  it('turns makeStyles() into precomputed classes, evaluating our TypeScript imports and Fluent UI', async () => {
    const file = join(ROOT, 'src', 'renderer', 'app', 'App.tsx');
    const out = await transformAsync(await readFile(file, 'utf8'), {
      filename: file,
      babelrc: false,
      configFile: false,
      presets: [['@babel/preset-typescript', { isTSX: true, allExtensions: true }], ...griffelAheadOfTime().presets],
      parserOpts: { plugins: ['jsx'] },
    });
    const code = out?.code ?? '';
    expect(code).toContain('__styles(');
    expect(code).not.toMatch(/\bmakeStyles\(/);
    // The layout constant and a token, as the rules the page will insert.
    expect(code).toMatch(/grid-template-columns:\d+px minmax\(0, ?1fr\)/);
    expect(code).toContain('var(--colorBrandBackground)');
  }, 120_000);
});
