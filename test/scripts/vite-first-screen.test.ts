import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../../scripts/vite-first-screen.js';
import { parseLocaleChunks } from '../../src/shared/i18n/locale-chunks.js';
import { UI_LANGS } from '../../src/shared/i18n/langs.js';
import { builtUi } from '../e2e/support/harness.js';

// The production build of the current sources (the one the e2e tests and the bench's first-paint row load).
describe('the renderer build for the first screen', () => {
  it("lists each language's text files, and each is a file of the build holding that language's texts", async () => {
    const dir = await builtUi();
    const list = parseLocaleChunks(await readFile(join(dir, 'locale-chunks.json'), 'utf8'));
    expect(Object.keys(list).sort()).toEqual([...UI_LANGS].sort());
    // A word each language's UI table has and the others do not.
    const word = { en: /\bSettings\b/, de: /\bEinstellungen\b/, nl: /\bInstellingen\b/ } as const;
    for (const lang of UI_LANGS) {
      const files = list[lang] ?? [];
      expect(files.length).toBeGreaterThanOrEqual(1);
      const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
      expect(texts.some((t) => word[lang].test(t))).toBe(true);
    }
  }, 180_000);

  it('starts the first screen’s scripts, and only those, with the compile hint', async () => {
    const dir = await builtUi();
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const first = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(first.length).toBeGreaterThanOrEqual(3);
    for (const f of first) expect((await readFile(join(dir, f), 'utf8')).startsWith(`${COMPILE_HINT}\n`)).toBe(true);
    // A screen opened later compiles what it uses when it uses it.
    const jobs = /"\.\/(JobsView-[^"]+\.js)"/.exec(
      await readFile(join(dir, first.find((f) => f.includes('App-')) ?? first[0]), 'utf8'),
    )?.[1];
    expect(jobs).toBeDefined();
    expect((await readFile(join(dir, 'assets', jobs ?? ''), 'utf8')).includes(COMPILE_HINT)).toBe(false);
  }, 180_000);
});
