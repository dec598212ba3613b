// `calpump export`: reads a window of one folder for each mailbox and writes one file per mailbox (ics, json or
// csv). A failing mailbox is reported with its catalogue entry and does not stop the others; exit 1 if any failed.
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { MailboxExportResult } from '../../../core/sync/adhoc-export.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { exportWindow, type WindowFlags } from './export-window.js';
import { runJobFromCli } from './jobs.js';
import { collectList, fieldsOf, fieldsOption, positiveInt } from './parse.js';
import { withServerWaitListener } from '../../../core/net/server-wait.js';
import { printServerWait } from './server-wait-line.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';

function badInput(field: string, problem: string): CalpumpError {
  return new CalpumpError('input.invalid', { params: { field, problem } });
}

interface ExportFlags extends WindowFlags {
  job?: string;
  profile?: string;
  mailbox?: string[];
  folder: string;
  format: 'ics' | 'json' | 'csv';
  out?: string;
  dryRun?: boolean;
  includeBody?: boolean;
  /** --no-attendees sets it false. */
  attendees: boolean;
  csvKeepFormulas?: boolean;
  fields?: string[];
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export calendar items of one or more mailboxes to files')
    .option('--job <job>', 'run a saved job once (its profile, mailboxes, window, format and target)')
    .option('--profile <profile>', 'profile name or id; required unless --job')
    .option('--mailbox <smtp>', 'mailbox address; repeat or separate with commas; required unless --job', collectList)
    .option('--folder <folder>', "'calendar' or a folder id from `calpump folders`", 'calendar')
    .option('--days-back <n>', 'days before today', positiveInt('--days-back', { allowZero: true }))
    .option('--days-ahead <n>', 'days after today', positiveInt('--days-ahead', { allowZero: true }))
    .option('--from <date>', 'start: YYYY-MM-DD or ISO time with zone')
    .option('--to <date>', 'end: YYYY-MM-DD (inclusive) or ISO time with zone')
    .addOption(new Option('--format <format>', 'file format').choices(['ics', 'json', 'csv']).default('ics'))
    .option('--out <dir>', 'output folder (created if missing)')
    .addOption(fieldsOption())
    .option(
      '--csv-keep-formulas',
      "csv: write cells starting with = + - @ tab or CR as they are, for programs; without it they get a leading ' so spreadsheets show them as text",
    )
    .option('--dry-run', 'read and count, write nothing; shows a few items')
    .option('--include-body', 'include item bodies (large, may be confidential)')
    .option('--no-attendees', 'leave attendee lists out (faster on Exchange: no GetItem per 50 items; door signs need none)')
    .option('--json', 'machine-readable output')
    .action(async (opts: ExportFlags) => runExport(ctx, opts));
}

async function runExport(ctx: CliContext, opts: ExportFlags): Promise<void> {
  if (opts.job) {
    if (opts.fields) throw badInput('--fields', 'a job brings its own field selection: set it with `calpump jobs add … --fields`');
    if (opts.profile || opts.mailbox)
      throw badInput('--job', 'a job brings its own profile and mailboxes: give --job alone, or --profile and --mailbox without --job');
    await runJobFromCli(ctx, opts.job, { dryRun: opts.dryRun, json: opts.json });
    return;
  }
  if (!opts.profile) throw badInput('--profile', 'required: the profile to read from (see `calpump profiles list`), or use --job J');
  if (!opts.mailbox?.length) throw badInput('--mailbox', 'required: at least one mailbox address, or use --job J');
  const fields = fieldsOf(opts.fields);
  const { from, to } = exportWindow(opts, ctx.io.now());
  const mailboxes = opts.mailbox;
  const report = await ctx.withConnector(opts.profile, (connector, profile) =>
    withServerWaitListener(
      [connector.serverWaits],
      (w) => printServerWait(ctx, w),
      () =>
        ctx.services.runAdhocExport(
          {
            mailboxes,
            folder: opts.folder,
            from,
            to,
            format: opts.format,
            outDir: opts.out ? ctx.resolvePath(opts.out) : '',
            dryRun: !!opts.dryRun,
            includeBody: !!opts.includeBody,
            includeAttendees: opts.attendees !== false,
            csvKeepFormulas: !!opts.csvKeepFormulas,
            ...(fields ? { fields } : {}),
            profileName: profile.name,
          },
          {
            connector,
            logger: ctx.loggerFor(profile),
            // Whole mailboxes may run on worker threads (CALPUMP_EXPORT_WORKERS); they ask this store for secrets.
            shard: {
              profile,
              secrets: ctx.secrets,
              env: ctx.io.env,
              cacheDir: join(ctx.configDir, 'cache'),
              logLevel: ctx.logLevel ?? profile.logLevel,
            },
          },
        ),
    ),
  );
  const failed = report.mailboxes.filter((m) => !m.ok).length;
  if (failed > 0) ctx.exitCode = 1;
  if (opts.json) {
    ctx.json({ ok: failed === 0, from: from.toISOString(), to: to.toISOString(), format: opts.format, dryRun: !!opts.dryRun, ...report });
    return;
  }
  for (const m of report.mailboxes) printResult(ctx, m);
  if (opts.dryRun) ctx.out(ctx.t('dryRun'));
  if (failed > 0) ctx.err(ctx.t('exportFailedCount', { failed, count: report.mailboxes.length }));
}

function printResult(ctx: CliContext, m: MailboxExportResult): void {
  if (!m.ok) {
    ctx.out(`✗ ${m.mailbox} (${m.folder})`);
    if (m.error) ctx.err(`${m.mailbox}:\n${renderErrorInfo(m.error, ctx, '  ')}`);
    return;
  }
  ctx.out(`✓ ${m.mailbox} (${m.folder}): ${ctx.t('exportItems', { items: m.items })}${m.file ? ` → ${m.file}` : ''}`);
  for (const e of m.sample ?? []) ctx.out(`    ${e.start} – ${e.end}  ${e.subject}`);
}
