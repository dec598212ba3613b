// `calpump twoway --rule FILE`: one run of a two-way rule (two calendars kept in step, master side wins
// conflicts, create/modify/delete per direction). Conflicts are printed with both versions and appended to
// state/twoway-<rule>-conflicts.jsonl in the config folder. Exit 1 if a write failed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Connector } from '../../../core/connectors/connector.js';
import type { CalendarWriter } from '../../../core/connectors/writer.js';
import { createWriter } from '../../../core/connectors/writer-factory.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { describeIssue } from '../../../core/store/zod-issues.js';
import { runTwoWay, twoWayRuleSchema, type TwoWaySide } from '../../../core/twoway/index.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { say } from './write-text.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('twoway')
    .description('run a two-way rule once: mirror two calendars both ways (see README "Write direction")')
    .requiredOption('--rule <file>', 'rule as JSON: id, a/b {profile, mailbox, folder}, master, propagate, window')
    .option('--profile <profile>', 'profile for a side that names none')
    .option('--json', 'machine-readable output')
    .action(async (opts: { rule: string; profile?: string; json?: boolean }) => runTwoWayCommand(ctx, opts));
}

async function runTwoWayCommand(ctx: CliContext, opts: { rule: string; profile?: string; json?: boolean }): Promise<void> {
  const file = ctx.resolvePath(opts.rule);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new CalpumpError('input.invalid', { params: { field: '--rule', problem: `${file}: ${(e as Error).message}` } });
  }
  const parsed = twoWayRuleSchema.safeParse(doc);
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error, 'rule') });
  const rule = parsed.data;
  const open: Array<Connector | CalendarWriter> = [];
  const side = async (name: 'a' | 'b'): Promise<TwoWaySide> => {
    const profileName = rule[name].profile ?? opts.profile;
    if (!profileName) throw new CalpumpError('input.invalid', { params: { field: `rule.${name}.profile`, problem: 'name a profile for this side, or give --profile' } });
    const profile = await ctx.profiles.get(profileName);
    const connector = await ctx.connectorFor(profile);
    open.push(connector);
    const writer = await createWriter(profile, { secrets: ctx.secrets, logger: ctx.loggerFor(profile), env: ctx.io.env });
    open.push(writer);
    return { connector, writer };
  };
  try {
    const report = await runTwoWay(rule, { a: await side('a'), b: await side('b'), stateDir: join(ctx.configDir, 'state'), logger: ctx.logger, now: ctx.io.now, lang: ctx.lang });
    if (report.errors.length) ctx.exitCode = 1;
    if (opts.json) return ctx.json({ ok: report.errors.length === 0, ...report });
    const { created: c, updated: u, deleted: d } = report;
    ctx.out(say(ctx, 'twoWayLine', { rule: rule.id, ca: c.a, cb: c.b, ua: u.a, ub: u.b, da: d.a, db: d.b, conflicts: report.conflicts.length }));
    for (const k of report.conflicts) ctx.out(say(ctx, 'conflictLine', { key: k.key, winner: k.winner.toUpperCase(), a: String(k.a?.subject ?? '—'), b: String(k.b?.subject ?? '—') }));
    for (const e of report.errors) ctx.err(`${e.side.toUpperCase()} [${e.key}]:\n${renderErrorInfo(e.error, (k) => ctx.t(k), '  ')}`);
  } finally {
    await Promise.all(open.map((o) => o.close().catch(() => undefined)));
  }
}
