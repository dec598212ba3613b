// `calpump freebusy`: busy blocks per mailbox from free/busy information only (GetUserAvailability /
// getSchedule) — no read right on the calendars needed. One file per mailbox with --out.
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { describeIssue } from '../../../core/store/zod-issues.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { exportWindow, type WindowFlags } from './export-window.js';
import { collectList, positiveInt } from './parse.js';
import { say } from './write-text.js';

interface FreeBusyFlags extends WindowFlags {
  profile: string;
  mailbox: string[];
  format: 'json' | 'csv' | 'ics';
  out?: string;
  includeFree?: boolean;
  merge: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('freebusy')
    .description('export busy blocks per mailbox from free/busy information (needs no read right on the calendars)')
    .requiredOption('--profile <profile>', 'profile name or id')
    .requiredOption('--mailbox <smtp>', 'mailbox; repeat or separate with commas', collectList)
    .option('--days-back <n>', 'days before today', positiveInt('--days-back', { allowZero: true }))
    .option('--days-ahead <n>', 'days after today', positiveInt('--days-ahead', { allowZero: true }))
    .option('--from <date>', 'start: YYYY-MM-DD or ISO time with zone')
    .option('--to <date>', 'end: YYYY-MM-DD (inclusive) or ISO time with zone')
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'csv', 'ics']).default('json'))
    .option('--out <dir>', 'write freebusy-<mailbox>.<format> files here')
    .option('--include-free', 'keep free blocks too')
    .option('--no-merge', 'keep overlapping blocks of the same status apart')
    .option('--json', 'machine-readable output')
    .action(async (opts: FreeBusyFlags) => runFreeBusyCommand(ctx, opts));
}

async function runFreeBusyCommand(ctx: CliContext, opts: FreeBusyFlags): Promise<void> {
  const { from, to } = exportWindow(opts, ctx.io.now());
  const { freeBusyJobSchema, runFreeBusy } = await import('../../../core/freebusy/index.js');
  const parsed = freeBusyJobSchema.safeParse({
    mailboxes: opts.mailbox,
    from,
    to,
    format: opts.format,
    outDir: opts.out ? ctx.resolvePath(opts.out) : '',
    includeFree: !!opts.includeFree,
    merge: opts.merge,
  });
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error) });
  const report = await ctx.withConnector(opts.profile, (connector, profile) =>
    runFreeBusy(parsed.data, { connector, logger: ctx.loggerFor(profile), profileName: profile.name, now: ctx.io.now }),
  );
  const failed = report.mailboxes.filter((m) => !m.ok).length;
  if (failed) ctx.exitCode = 1;
  if (opts.json) return ctx.json({ ok: failed === 0, ...report });
  for (const m of report.mailboxes) {
    ctx.out(
      say(ctx, 'freeBusyLine', { mark: m.ok ? '✓' : '✗', mailbox: m.mailbox, blocks: m.blocks.length }) + (m.file ? `  → ${m.file}` : ''),
    );
    if (m.error) ctx.err(renderErrorInfo(m.error, ctx, '  '));
    if (!opts.out) for (const b of m.blocks.slice(0, 10)) ctx.out(`    ${b.start} – ${b.end}  ${b.showAs}`);
  }
}
