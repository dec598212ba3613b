// `calpump twoway --rule-file FILE | --rule-id ID`: one run of a two-way rule (two calendars kept in step, master side
// wins conflicts, create/modify/delete per direction; or mode overwrite: the master side replaces the other side's
// copies), from a file or saved (the UI's Two-way screen, or `--rule-file FILE --save`). `--dry-run` lists every
// write per side and writes nothing. Conflicts are printed with both versions and appended to
// state/twoway-<rule>-conflicts.jsonl in the config folder. Exit 1 if a write failed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { Connector } from '../../../core/connectors/connector.js';
import type { CalendarWriter } from '../../../core/connectors/writer.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { parseTwoWayRule, TwoWayRuleStore } from '../../../core/store/twoway-rule-store.js';
import { renderTable } from '../render/table.js';
import type { TwoWayReport, TwoWayRule, TwoWaySide } from '../../../core/twoway/index.js';
import { TWO_WAY_MODES, type TwoWayMode } from '../../../core/twoway/twoway-rule.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { deprecatedAlias } from './vocabulary.js';
import { say } from './write-text.js';

interface TwoWayFlags {
  ruleFile?: string;
  ruleId?: string;
  save?: boolean;
  list?: boolean;
  profile?: string;
  mode?: TwoWayMode;
  dryRun?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command('twoway')
    .description(
      'run a two-way rule once: mirror two calendars both ways (see docs/jobs.md); the rule comes from --rule-file FILE or is a saved one (--rule-id)',
    )
    .option('--rule-file <file>', 'rule as JSON: id, a/b {profile, mailbox, folder}, master, propagate, window')
    .option('--rule-id <id>', 'run the saved rule with this id (saved in the Two-way screen or with --save)')
    .option('--save', 'with --rule-file: check the rule and save it (replacing a saved rule with the same id), without running it')
    .option('--list', 'list the saved rules and exit')
    .option('--profile <profile>', 'profile for a side that names none')
    .addOption(
      new Option(
        '--mode <mode>',
        "instead of the rule's mode: sync (both ways, per propagate) or overwrite (the master side replaces the other side's Calpump copies: edited ones restored, orphaned ones deleted; the other side's own items untouched); with --save it is saved in the rule",
      ).choices([...TWO_WAY_MODES]),
    )
    .option('--dry-run', 'decide and list every write per side, write nothing (state and conflict log stay as they are)')
    .option('--json', 'machine-readable output')
    .action(async (opts: TwoWayFlags) => runTwoWayCommand(ctx, opts));
  deprecatedAlias(command, '--rule <file>', ['--rule-file'], ctx.noteDeprecated);
}

async function ruleFromFile(ctx: CliContext, path: string, mode: TwoWayMode | undefined): Promise<TwoWayRule> {
  const file = ctx.resolvePath(path);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new CalpumpError('input.invalid', { params: { field: '--rule-file', problem: `${file}: ${(e as Error).message}` } });
  }
  return withMode(parseTwoWayRule(doc), mode);
}

const withMode = (rule: TwoWayRule, mode: TwoWayMode | undefined): TwoWayRule => (mode ? { ...rule, mode } : rule);

/** A saved rule refers to its profiles by id (names are labels that may change); a name given in the file is resolved now. */
async function withProfileIds(ctx: CliContext, rule: TwoWayRule): Promise<TwoWayRule> {
  const side = async (s: TwoWayRule['a']) => (s.profile ? { ...s, profile: (await ctx.profiles.get(s.profile)).id } : s);
  return { ...rule, a: await side(rule.a), b: await side(rule.b) };
}

async function runTwoWayCommand(ctx: CliContext, opts: TwoWayFlags): Promise<void> {
  const store = new TwoWayRuleStore({ dir: ctx.configDir });
  if (opts.list) {
    const rules = await store.list();
    if (opts.json) return ctx.json(rules);
    if (rules.length === 0) return ctx.out(ctx.t('twoway.none'));
    const profileName = await ctx.profileLabels();
    const side = (s: TwoWayRule['a']) => `${s.mailbox}${s.profile ? ` (${profileName(s.profile)})` : ''}`;
    return ctx.out(
      renderTable(rules, [
        { header: 'ID', value: (r) => r.id },
        { header: 'A', value: (r) => side(r.a) },
        { header: 'B', value: (r) => side(r.b) },
        { header: 'MASTER', value: (r) => r.master.toUpperCase() },
        { header: 'MODE', value: (r) => r.mode },
      ]),
    );
  }
  if (!!opts.ruleFile === !!opts.ruleId)
    throw new CalpumpError('input.invalid', {
      params: { field: '--rule-file', problem: 'give the rule as --rule-file FILE or a saved one as --rule-id ID (see --list)' },
    });
  if (opts.save) {
    if (!opts.ruleFile)
      throw new CalpumpError('input.invalid', { params: { field: '--save', problem: 'give the rule to save with --rule-file FILE' } });
    if (opts.dryRun) throw new CalpumpError('input.invalid', { params: { field: '--dry-run', problem: '--save does not run the rule' } });
    const saved = await store.save(await withProfileIds(ctx, await ruleFromFile(ctx, opts.ruleFile, opts.mode)));
    if (opts.json) return ctx.json({ ok: true, rule: saved });
    return ctx.out(ctx.t('twoway.saved', { id: saved.id }));
  }
  const [{ runTwoWay }, { createWriter }] = await Promise.all([
    import('../../../core/twoway/index.js'),
    import('../../../core/connectors/writer-factory.js'),
  ]);
  const rule = opts.ruleFile ? await ruleFromFile(ctx, opts.ruleFile, opts.mode) : withMode(await store.get(opts.ruleId!), opts.mode);
  const open: Array<Connector | CalendarWriter> = [];
  const side = async (name: 'a' | 'b'): Promise<TwoWaySide> => {
    const profileName = rule[name].profile ?? opts.profile;
    if (!profileName)
      throw new CalpumpError('input.invalid', {
        params: { field: `rule.${name}.profile`, problem: 'name a profile for this side, or give --profile' },
      });
    const profile = await ctx.profiles.get(profileName);
    const connector = await ctx.connectorFor(profile);
    open.push(connector);
    const writer = await createWriter(profile, { secrets: ctx.secrets, logger: ctx.loggerFor(profile), env: ctx.io.env });
    open.push(writer);
    return { connector, writer };
  };
  try {
    const report = await runTwoWay(rule, {
      a: await side('a'),
      b: await side('b'),
      stateDir: join(ctx.configDir, 'state'),
      logger: ctx.logger,
      now: ctx.io.now,
      dryRun: opts.dryRun,
    });
    if (report.errors.length) ctx.exitCode = 1;
    if (opts.json) return ctx.json({ ok: report.errors.length === 0, mode: rule.mode, ...report });
    const { created: c, updated: u, deleted: d } = report;
    if (rule.mode === 'overwrite')
      ctx.out(say(ctx, 'overwriteLine', { master: rule.master.toUpperCase(), target: rule.master === 'a' ? 'B' : 'A' }));
    if (opts.dryRun) return printPlanned(ctx, rule, report);
    ctx.out(
      say(ctx, 'twoWayLine', { rule: rule.id, ca: c.a, cb: c.b, ua: u.a, ub: u.b, da: d.a, db: d.b, conflicts: report.conflicts.length }),
    );
    printConflicts(ctx, report);
    for (const e of report.errors) ctx.err(`${e.side.toUpperCase()} [${e.key}]:\n${renderErrorInfo(e.error, ctx, '  ')}`);
  } finally {
    await Promise.all(open.map((o) => o.close().catch(() => undefined)));
  }
}

/** A dry run: every write the run would make, per side, then that nothing was written. */
function printPlanned(ctx: CliContext, rule: TwoWayRule, report: TwoWayReport): void {
  for (const side of ['a', 'b'] as const) {
    const list = (report.planned ?? []).filter((p) => p.side === side);
    ctx.out(say(ctx, 'plannedSide', { side: side.toUpperCase(), mailbox: rule[side].mailbox, count: list.length }));
    for (const p of list) ctx.out(`  ${p.action.padEnd(6)} ${p.subject ?? ''}  [${p.key}]`);
  }
  printConflicts(ctx, report);
  ctx.out(say(ctx, 'dryRun', {}));
}

/** A version's subject as the conflict log holds it (a string; anything else shows as a dash). */
const subjectOf = (v: Record<string, unknown> | null) => (typeof v?.subject === 'string' ? v.subject : '—');

function printConflicts(ctx: CliContext, report: TwoWayReport): void {
  for (const k of report.conflicts)
    ctx.out(
      say(ctx, 'conflictLine', {
        key: k.key,
        winner: k.winner.toUpperCase(),
        a: subjectOf(k.a),
        b: subjectOf(k.b),
      }),
    );
}
