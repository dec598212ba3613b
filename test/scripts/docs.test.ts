// The generated pages match what they are generated from: docs/cli.md the CLI's definitions, docs/troubleshooting.md
// the error catalogue. When this fails, run `npm run docs` and commit the result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCliReference } from '../../scripts/docs/cli-reference.js';
import { renderTroubleshooting } from '../../scripts/docs/troubleshooting.js';
import { commandTree } from '../../src/headless/cli/main.js';
import en from '../../src/shared/locales/en/catalogue.json' with { type: 'json' };

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const page = (file: string) => readFileSync(join(DOCS, file), 'utf8');

describe('generated documentation', () => {
  it('docs/cli.md is what the CLI defines (else: npm run docs)', () => {
    expect(page('cli.md'), 'docs/cli.md is out of date: run `npm run docs`').toBe(renderCliReference());
  });

  it('docs/troubleshooting.md is what the catalogue says (else: npm run docs)', () => {
    expect(page('troubleshooting.md'), 'docs/troubleshooting.md is out of date: run `npm run docs`').toBe(renderTroubleshooting());
  });

  it('the CLI reference has a section for every command and every visible option', () => {
    const text = renderCliReference();
    const walk = (c: import('commander').Command, path: string[]): void => {
      if (path.length && c.name() !== 'help') {
        expect(text).toContain(`## calpump ${path.join(' ')}\n`);
        for (const o of c.options.filter((x) => !x.hidden)) expect(text).toContain(`\`${o.flags}\``);
      }
      for (const s of c.commands) walk(s, [...path, s.name()]);
    };
    walk(commandTree().program, []);
  });

  it('the troubleshooting page has an entry for every catalogue id, with its fix', () => {
    const text = renderTroubleshooting();
    const ids = new Set(Object.keys(en).map((k) => k.slice(0, k.lastIndexOf('.'))));
    expect(ids.size).toBeGreaterThan(50);
    for (const id of ids) expect(text).toContain(`### \`${id}\``);
    expect(renderTroubleshooting({ 'x.y.title': 'T {a}', 'x.y.fix': 'F', 'x.y.cause1': 'C' })).toContain(
      '### `x.y` — T ‹a›\n\nLikely causes:\n\n- C\n\n**Fix:** F',
    );
  });
});
