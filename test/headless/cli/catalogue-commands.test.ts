// The commands the error catalogue tells a reader to run exist as written: every `calpump …` in a fix, cause or
// meaning (every language) names a real command, and each of its --options is one that command (or the root)
// shows in its help — not a retired spelling. And a fix names the app's screens and fields or a command, never a
// profile's internal key (tls.caFile, tls.pinnedSha256, proxy.username): nobody types those anywhere.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandTree } from '../../../src/headless/cli/main.js';
import { catalogueTables } from '../../../src/shared/i18n/catalogue.js';

const { program: root } = commandTree();

/** The deepest command the words name, and how many words that took. */
function resolve(words: string[]): Command {
  let cmd = root;
  for (const w of words) {
    const next = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (!next) break;
    cmd = next;
  }
  return cmd;
}

const visibleFlags = (cmd: Command) => cmd.options.filter((o) => !o.hidden).map((o) => o.long);

function commandsIn(text: string): string[] {
  return [...text.matchAll(/`(calpump [^`]+)`/g)].map((m) => m[1]);
}

describe('commands named in the error catalogue', () => {
  const texts = Object.entries(catalogueTables).flatMap(([lang, table]) =>
    Object.entries(table).map(([key, text]) => ({ where: `${lang} ${key}`, text })),
  );

  it('finds commands to check (the scan itself works)', () => {
    expect(texts.flatMap((t) => commandsIn(t.text)).length).toBeGreaterThan(20);
  });

  it('names only commands and options that exist', () => {
    const wrong: string[] = [];
    for (const { where, text } of texts) {
      for (const line of commandsIn(text)) {
        const words = line.split(/\s+/).slice(1);
        if (words[0] === 'help') continue; // commander's own: `calpump help [command]`
        const cmd = resolve(words.filter((w) => /^[a-z][\w-]*$/.test(w)).slice(0, 3));
        if (cmd === root) {
          wrong.push(`${where}: no command in "${line}"`);
          continue;
        }
        const known = new Set([...visibleFlags(cmd), ...visibleFlags(root), '--help']);
        for (const flag of line.match(/(?<![\w-])--[a-z][\w-]*/g) ?? [])
          if (!known.has(flag)) wrong.push(`${where}: ${flag} is not an option of "calpump ${cmd.name()}" ("${line}")`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never tells the reader to set a profile key by its internal name', () => {
    const internal = /\b(tls\.caFile|tls\.pinnedSha256|proxy\.username|proxy\.password)\b/;
    expect(texts.filter((t) => /\.(fix|cause\d+)$/.test(t.where) && internal.test(t.text)).map((t) => t.where)).toEqual([]);
  });
});
