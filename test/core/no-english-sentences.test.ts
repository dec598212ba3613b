// The engine returns ids and parameters; the hosts turn them into words from src/shared/locales. This test reads
// every source file of src/core with the TypeScript compiler and fails on a string or template literal that
// reads as an English sentence (the rule and what counts as code: test/support/prose-literals.ts).
//
// Sentences that were in src/core before the test existed are counted per file in
// no-english-sentences.baseline.json and are being moved out; a file may not gain one, and a file that loses one
// must lower its count (so the list only shrinks). To fix a failure, put the text into
// src/shared/locales/<lang>/engine.json (or catalogue.json for an error) and return its key with `text(…)`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeProse, proseLiterals } from '../support/prose-literals.js';
import baseline from './no-english-sentences.baseline.json' with { type: 'json' };

const repo = resolve(__dirname, '../..');
const sources = (readdirSync(join(repo, 'src/core'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(repo, 'src/core', f));

const found = (file: string) => proseLiterals(file, readFileSync(file, 'utf8'));

describe('English sentences in src/core', () => {
  it('flags the sentences of the fixture and none of its code', () => {
    const hits = found(join(repo, 'test/fixtures/core/prose/english-in-code.ts')).map((h) => h.text);
    expect(hits).toEqual(['the mailbox could not be read', 'no answer within x ms', 'credentials rejected', 'no system proxy setting']);
  });

  it.each([
    ['the proxy closed the connection during CONNECT', true],
    ['Calpump is signed in. You can close this window.', true],
    ['GET /users/x/calendar', false],
    ['singleValueExtendedProperties/Any(ep: ep/id eq x)', false],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', false],
    ['Microsoft Graph PowerShell', false],
  ])('reads %j as prose: %s', (text, prose) => {
    expect(looksLikeProse(text)).toBe(prose);
  });

  it('finds no sentence beyond the counted ones, and the counts are current', () => {
    const counts: Record<string, number> = {};
    const detail: string[] = [];
    for (const file of sources) {
      const hits = found(file);
      const name = relative(repo, file).split('\\').join('/');
      if (hits.length) counts[name] = hits.length;
      const allowed = (baseline as Record<string, number>)[name] ?? 0;
      if (hits.length > allowed) detail.push(...hits.map((h) => `${name}:${h.line} ${JSON.stringify(h.text)}`));
    }
    expect(detail, 'English sentences built in src/core: move them to src/shared/locales').toEqual([]);
    expect(counts, 'a file lost sentences: lower its count in no-english-sentences.baseline.json').toEqual(baseline);
  });
});
