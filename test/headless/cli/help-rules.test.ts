// Walks every command's help and checks the CLI's vocabulary rules (src/headless/cli/commands/vocabulary.ts), so a
// command added later follows them: one flag per idea with one value name, files as --<thing>-file, no retired
// spelling in help, defaults only as "(default: …)", required options marked, every hidden flag accounted for,
// and every old spelling still working with a one-line notice.
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/headless/cli/context.js';
import { commandTree } from '../../../src/headless/cli/main.js';
import { CANONICAL_FLAGS, hiddenRole, RETIRED_FLAGS } from '../../../src/headless/cli/commands/vocabulary.js';
import { runCli, tempConfigDir } from './helpers.js';

function program(): { root: Command; ctx: CliContext } {
  const { program: root, ctx } = commandTree();
  return { root, ctx };
}

interface Entry {
  path: string;
  cmd: Command;
}

function walk(cmd: Command, path = 'calpump'): Entry[] {
  return [{ path, cmd }, ...cmd.commands.flatMap((c) => walk(c, `${path} ${c.name()}`))];
}

const valueOf = (o: Option) => o.flags.replace(/^.*?--[\w-]+\s*/, '');
/** The option's entry in its command's help, wrapped lines included. */
function helpEntry(cmd: Command, option: Option): string {
  const help = cmd.helpInformation();
  const start = help.indexOf(`  ${option.flags} `);
  const next = help.slice(start + 2).search(/\n\s{2}-|\n\n/);
  return help.slice(start, next < 0 ? undefined : start + 2 + next).replace(/\s+/g, ' ');
}
const { root } = program();
const commands = walk(root);
const visible = commands.flatMap(({ path, cmd }) => cmd.options.filter((o) => !o.hidden).map((option) => ({ path, cmd, option })));

describe('CLI help rules', () => {
  it('finds every command (the walk itself works)', () => {
    const paths = commands.map((c) => c.path);
    for (const p of ['calpump export', 'calpump jobs add', 'calpump presence', 'calpump twoway', 'calpump import', 'calpump freebusy'])
      expect(paths).toContain(p);
    expect(visible.length).toBeGreaterThan(100);
  });

  it('every command and every visible option says what it is', () => {
    expect(commands.filter((c) => !c.cmd.description().trim()).map((c) => c.path)).toEqual([]);
    expect(visible.filter((v) => !v.option.description.trim()).map((v) => `${v.path} ${v.option.long}`)).toEqual([]);
  });

  it('uses no retired spelling in help', () => {
    expect(visible.filter((v) => v.option.long! in RETIRED_FLAGS).map((v) => `${v.path} ${v.option.long}`)).toEqual([]);
  });

  it('gives a canonical flag its one value name', () => {
    const wrong = visible
      .filter((v) => v.option.long! in CANONICAL_FLAGS && valueOf(v.option) !== CANONICAL_FLAGS[v.option.long!])
      .map((v) => `${v.path} ${v.option.flags} (expected ${CANONICAL_FLAGS[v.option.long!] || 'no value'})`);
    expect(wrong).toEqual([]);
  });

  it('gives a flag used by several commands the same value name everywhere', () => {
    const byFlag = new Map<string, Set<string>>();
    for (const v of visible) byFlag.set(v.option.long!, (byFlag.get(v.option.long!) ?? new Set()).add(valueOf(v.option)));
    expect([...byFlag].filter(([, values]) => values.size > 1).map(([flag, values]) => `${flag}: ${[...values].join(' | ')}`)).toEqual([]);
  });

  it('names a document read from disk --<thing>-file', () => {
    const OUTPUTS = new Set(['--sqlite']);
    const wrong = visible
      .filter((v) => valueOf(v.option) === '<file>' && !v.option.long!.endsWith('-file') && !OUTPUTS.has(v.option.long!))
      .map((v) => `${v.path} ${v.option.flags}`);
    expect(wrong).toEqual([]);
  });

  it('shows defaults one way: never written into a description, always as "(default: …)"', () => {
    const DEFAULT_IN_WORDS = /\(default\b|\bdefault[:=]|\bdefaults? (?:is|to)\b|\bby default\b|\bdefault \d/i;
    const written = visible.filter((v) => DEFAULT_IN_WORDS.test(v.option.description)).map((v) => `${v.path} ${v.option.long}`);
    expect(written).toEqual([]);
    for (const { cmd, option } of visible) {
      if (option.defaultValue === undefined && !option.defaultValueDescription) continue;
      if (option.negate || (option.isBoolean() && typeof option.defaultValue === 'boolean')) continue;
      expect(helpEntry(cmd, option), option.long).toMatch(/\(default: |, default: /);
    }
  });

  it('marks required options "(required)" and no others', () => {
    for (const { path, cmd, option } of visible) {
      const text = helpEntry(cmd, option);
      if (option.mandatory) expect(text, `${path} ${option.long}`).toContain('(required)');
      else expect(text, `${path} ${option.long}`).not.toContain('(required)');
    }
  });

  it('hides a flag only as an old spelling or to refuse it with a reason', () => {
    const hidden = commands.flatMap(({ path, cmd }) => cmd.options.filter((o) => o.hidden).map((option) => ({ path, option })));
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.filter((h) => !hiddenRole(h.option)).map((h) => `${h.path} ${h.option.long}`)).toEqual([]);
  });

  it('keeps every old spelling working as the new flag, noting it once', async () => {
    const aliases = commands.flatMap(({ path, cmd }) =>
      cmd.options.filter((o) => hiddenRole(o) === 'deprecated').map((option) => ({ path, option })),
    );
    expect(aliases.map((a) => `${a.path} ${a.option.long}`)).toEqual(
      expect.arrayContaining(['calpump jobs add --import-job', 'calpump import --job', 'calpump presence --save-table']),
    );
    for (const { path, option } of aliases) {
      const { root: fresh, ctx } = program();
      const cmd = walk(fresh).find((c) => c.path === path)!.cmd;
      let seen: Record<string, unknown> = {};
      cmd.action(() => {
        seen = cmd.opts();
      });
      const mandatory = cmd.options.filter((o) => o.mandatory).flatMap((o) => [o.long!, 'X']);
      const argv = [...path.split(' ').slice(1), ...mandatory, option.long!, ...(option.required ? ['5'] : [])];
      await fresh.parseAsync(argv, { from: 'user' });
      expect(ctx.deprecations, argv.join(' ')).toHaveLength(1);
      const [oldFlag, newFlags] = ctx.deprecations[0];
      expect(oldFlag).toBe(option.long);
      const first = cmd.options.find((o) => o.long === newFlags.split(' ')[0])!;
      expect(first.hidden, newFlags).toBe(false);
      for (const flag of newFlags.split(' ')) {
        const target = cmd.options.find((o) => o.long === flag)!;
        const value = seen[target.attributeName()];
        if (target.required && flag === first.long) expect([value].flat().map(String), flag).toContain('5');
        else expect(value, `${argv.join(' ')} → ${flag}`).toBeTruthy();
      }
    }
  });

  it('prints the notice for an old spelling on stderr and still does the job', async () => {
    const dir = await tempConfigDir();
    const r = await runCli(['--config-dir', dir, 'presence', '--list-tables']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('default');
    expect(r.stderr.trim().split('\n')).toEqual(['! --list-tables is an old spelling and will be removed: use --list.']);
    const de = await runCli(['--config-dir', dir, '--lang', 'de', 'presence', '--list-tables']);
    expect(de.stderr).toContain('verwenden Sie --list');
  });
});
