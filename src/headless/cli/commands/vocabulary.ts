// One CLI vocabulary: the same flag for the same idea in every command. The rules here are what
// test/headless/cli/help-rules.test.ts checks on every command's help, so a new command follows them or fails:
// - a flag means one thing everywhere and has one value name (`--profile <profile>`, `--job <job>`);
// - a JSON document read from disk is `--<thing>-file <file>`; a saved thing is `--<thing> <name>` (or `-id`);
// - `--save` and `--list` save and list the saved things of a command;
// - defaults appear only as commander's "(default: …)", never written into a description;
// - required options are marked "(required)" by the help formatter (cli-help.ts);
// - an old spelling stays as a hidden alias that prints a one-line notice (deprecatedAlias below).
import { Option, type Command } from 'commander';

/** Canonical flags with the value name they always take ('' for a switch). */
export const CANONICAL_FLAGS: Readonly<Record<string, string>> = {
  '--profile': '<profile>',
  '--job': '<job>',
  '--job-file': '<file>',
  '--mailbox': '<smtp>',
  '--rooms': '',
  '--search': '<text>',
  '--group': '<smtp>',
  '--room-list': '<smtp>',
  '--folder': '<folder>',
  '--table': '<name>',
  '--table-file': '<file>',
  '--rule-id': '<id>',
  '--run-id': '<id>',
  '--rule-file': '<file>',
  '--lookahead-hours': '<n>',
  '--days-back': '<n>',
  '--days-ahead': '<n>',
  '--from': '<date>',
  '--to': '<date>',
  '--time-zone': '<zone>',
  '--format': '<format>',
  '--fields': '<fields>',
  '--out': '<dir>',
  '--every': '<minutes>',
  '--cron': '<expr>',
  '--concurrency': '<n>',
  '--limit': '<n>',
  '--save': '',
  '--list': '',
  '--dry-run': '',
  '--json': '',
};

/** Spellings that name an idea the canonical flags already name; visible help must not use them. */
export const RETIRED_FLAGS: Readonly<Record<string, string>> = {
  '--import-job': '--job-file',
  '--all-rooms': '--rooms',
  '--rules-table': '--table',
  '--rules': '--table-file',
  '--rule': '--rule-file',
  '--horizon-hours': '--lookahead-hours',
  '--save-table': '--save',
  '--list-tables': '--list',
};

/** Why an option is hidden from help: an old spelling, or a flag accepted only to be refused with a reason. */
export type HiddenRole = 'deprecated' | 'refused';
const roles = new WeakMap<Option, HiddenRole>();

export function hiddenRole(option: Option): HiddenRole | undefined {
  return roles.get(option);
}

const aliasTargets = new WeakMap<Option, string[]>();

/** The flags an old spelling stands for (undefined for any other option). */
export function aliasTarget(option: Option): string[] | undefined {
  return aliasTargets.get(option);
}

/** A hidden flag accepted only so that its use is refused with a useful message (e.g. `--password <value>`). */
export function refusedOption(flags: string): Option {
  const option = new Option(flags).hideHelp();
  roles.set(option, 'refused');
  return option;
}

/** Receives "old → new" once per use of an old spelling; the host prints it after the options are parsed. */
export type DeprecationSink = (oldFlag: string, newFlags: string) => void;

/**
 * Keeps an old spelling working: `--import-job F` behaves as `--job-file F` (parsed by the new option, so its
 * checks and choices apply), is hidden from help, and reports itself to `notice`. `to` lists the new flags;
 * for a value alias the value goes to the first one, a following switch (`--save`) is set as well.
 */
export function deprecatedAlias(cmd: Command, flags: string, to: string[], notice: DeprecationSink): Command {
  const option = new Option(flags).hideHelp();
  roles.set(option, 'deprecated');
  aliasTargets.set(option, to);
  cmd.addOption(option);
  cmd.on(`option:${option.name()}`, (value: unknown) => {
    to.forEach((flag, i) => {
      const target = cmd.options.find((o) => o.long === flag);
      if (!target) throw new Error(`deprecatedAlias: ${cmd.name()} has no ${flag}`);
      // commander's Command is an EventEmitter; its typings leave emit out.
      (cmd as unknown as NodeJS.EventEmitter).emit(`option:${target.name()}`, i === 0 && target.required ? value : undefined);
    });
    notice(option.long!, to.join(' '));
  });
  return cmd;
}
