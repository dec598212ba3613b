// `calpump presence`: the status each mailbox shows now and next (out of office, in a meeting, busy…) from its
// calendar and an ordered rule table; one JSON file per mailbox with --out. Exit 1 if a mailbox failed.
// The table is a saved one (the UI's Presence screen, `--save`; "default" unless --table names another)
// or a file given with --table-file.
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { basename } from 'node:path';
import { PresenceRuleStore } from '../../../core/store/presence-rule-store.js';
import { renderTable } from '../render/table.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { collectList, positiveInt } from './parse.js';
import { deprecatedAlias } from './vocabulary.js';
import { say } from './write-text.js';

interface PresenceFlags {
  profile?: string;
  mailbox?: string[];
  folder: string;
  tableFile?: string;
  table?: string;
  list?: boolean;
  save?: boolean;
  at?: string;
  lookaheadHours?: number;
  timeZone?: string;
  out?: string;
  printDefaultRules?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command('presence')
    .description(
      'current and upcoming status per mailbox from its calendar and automatic replies (rule table: subject, location, showAs, sensitivity, allDay or automaticReplies: true → status)',
    )
    .option('--profile <profile>', 'profile name or id')
    .option('--mailbox <smtp>', 'mailbox; repeat or separate with commas', collectList)
    .option('--folder <folder>', "'calendar' or a folder id", 'calendar')
    .option(
      '--table-file <file>',
      'rule table as JSON instead of a saved one; a rule matches item conditions (subject, location, showAs, sensitivity, allDay) or automaticReplies: true (see --print-default-rules)',
    )
    .addOption(
      new Option('--table <name>', 'saved rule table to use').default(
        undefined,
        '"default", the built-in table until someone saves their own',
      ),
    )
    .option('--list', 'list the saved rule tables and exit')
    .option('--save', 'check the --table-file and save it as --table NAME (used by presence jobs and the UI), then exit')
    .option('--at <time>', 'compute for this ISO time instead of now (e.g. 2026-03-10T09:00:00Z)')
    .addOption(
      new Option('--lookahead-hours <n>', 'how far ahead "upcoming" reaches')
        .argParser(positiveInt('--lookahead-hours'))
        .default(undefined, "the table's, 24"),
    )
    .addOption(new Option('--time-zone <zone>', 'zone for all-day items without a known zone').default(undefined, 'UTC'))
    .option('--out <dir>', "write each mailbox's presence document here as <mailbox>.json (the same document presence jobs publish)")
    .option('--print-default-rules', 'print the built-in rule table as JSON and exit')
    .option('--json', 'machine-readable output')
    .action(async (opts: PresenceFlags) => runPresenceCommand(ctx, opts));
  deprecatedAlias(command, '--rules <file>', ['--table-file'], ctx.noteDeprecated);
  deprecatedAlias(command, '--list-tables', ['--list'], ctx.noteDeprecated);
  deprecatedAlias(command, '--save-table <name>', ['--table', '--save'], ctx.noteDeprecated);
  deprecatedAlias(command, '--horizon-hours <n>', ['--lookahead-hours'], ctx.noteDeprecated);
}

async function runPresenceCommand(ctx: CliContext, opts: PresenceFlags): Promise<void> {
  const { DEFAULT_RULE_TABLE_INPUT, loadRuleTable, runPresence } = await import('../../../core/presence/index.js');
  if (opts.printDefaultRules) return ctx.json(DEFAULT_RULE_TABLE_INPUT);
  const store = new PresenceRuleStore({ dir: ctx.configDir });
  if (opts.list) {
    const tables = await store.list();
    if (opts.json) return ctx.json(tables);
    return ctx.out(
      renderTable(tables, [
        { header: 'NAME', value: (r) => r.name },
        { header: 'RULES', value: (r) => String(r.rules), align: 'right' },
        { header: 'SAVED', value: (r) => (r.saved ? 'yes' : 'no (built-in)') },
      ]),
    );
  }
  if (opts.save) {
    if (!opts.tableFile || !opts.table)
      throw new CalpumpError('input.invalid', {
        params: { field: '--save', problem: 'give the table to save with --table-file FILE and its name with --table NAME' },
      });
    const saved = await store.save(opts.table, await loadRuleTable(ctx.resolvePath(opts.tableFile)));
    if (opts.json) return ctx.json({ ok: true, name: saved.name, rules: saved.table.rules.length });
    return ctx.out(ctx.t('presence.saved', { name: saved.name, rules: saved.table.rules.length }));
  }
  if (opts.tableFile && opts.table)
    throw new CalpumpError('input.invalid', { params: { field: '--table', problem: 'give --table-file FILE or --table NAME, not both' } });
  if (!opts.profile)
    throw new CalpumpError('input.invalid', { params: { field: '--profile', problem: 'give the profile to read calendars with' } });
  if (!opts.mailbox?.length)
    throw new CalpumpError('input.invalid', { params: { field: '--mailbox', problem: 'give at least one mailbox' } });
  let now = ctx.io.now();
  if (opts.at !== undefined) {
    now = new Date(opts.at);
    if (Number.isNaN(now.getTime()) || !/[zZ]|[+-]\d\d:?\d\d$/.test(opts.at))
      throw new CalpumpError('input.invalid', {
        params: { field: '--at', problem: `"${opts.at}" is not an ISO time with zone (2026-03-10T09:00:00Z)` },
      });
  }
  const table = opts.tableFile ? await loadRuleTable(ctx.resolvePath(opts.tableFile)) : (await store.get(opts.table ?? 'default')).table;
  const results = await ctx.withConnector(opts.profile, (connector, profile) =>
    runPresence(
      {
        mailboxes: opts.mailbox!,
        folder: opts.folder,
        table,
        tableName: opts.tableFile ? basename(opts.tableFile) : (opts.table ?? 'default'),
        horizonHours: opts.lookaheadHours,
        timeZone: opts.timeZone,
        outDir: opts.out ? ctx.resolvePath(opts.out) : undefined,
      },
      { connector, logger: ctx.loggerFor(profile), now: () => now },
    ),
  );
  const failed = results.filter((r) => !r.ok).length;
  if (failed) ctx.exitCode = 1;
  if (opts.json) return ctx.json({ ok: failed === 0, at: now.toISOString(), mailboxes: results });
  for (const r of results) {
    if (!r.ok) {
      ctx.err(`${r.mailbox}:\n${renderErrorInfo(r.error!, ctx, '  ')}`);
      continue;
    }
    ctx.out(
      say(ctx, 'presenceLine', { mailbox: r.mailbox, status: r.current!.status, until: r.current!.end }) + (r.file ? `  → ${r.file}` : ''),
    );
    for (const s of r.upcoming!.slice(0, 5)) ctx.out(say(ctx, 'presenceNext', { status: s.status, start: s.start, end: s.end }));
  }
}
