// `npm run docs`: writes the generated pages (docs/cli.md, docs/troubleshooting.md). `--check` writes nothing and
// exits 1 naming the pages that differ (what test/scripts/docs.test.ts checks too).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCliReference } from './cli-reference.js';
import { renderTroubleshooting } from './troubleshooting.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

export const GENERATED: Record<string, () => string> = {
  'cli.md': renderCliReference,
  'troubleshooting.md': () => renderTroubleshooting(),
};

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [file, render] of Object.entries(GENERATED)) {
  const path = join(DOCS, file);
  const text = render();
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // Not written yet.
  }
  if (current === text) continue;
  if (check) stale.push(`docs/${file}`);
  else {
    writeFileSync(path, text);
    process.stdout.write(`wrote docs/${file}\n`);
  }
}
if (stale.length) {
  process.stderr.write(`out of date: ${stale.join(', ')} — run \`npm run docs\`\n`);
  process.exitCode = 1;
}
