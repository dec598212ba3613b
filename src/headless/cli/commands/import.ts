// `calpump import`: appointments from a CSV/ICS/JSON file, a folder of them, or an HTTP endpoint into mailboxes,
// tagged so that re-runs update, delete and skip only what this job wrote. --dry-run lists what would change.
// Exit 0 when everything was applied; 1 when a mailbox, a write or a source row failed; 2 for bad input.
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import type { ImportReport } from '../../../core/import/index.js';
import { describeIssue } from '../../../core/store/zod-issues.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { collectList, positiveInt } from './parse.js';
import { deprecatedAlias } from './vocabulary.js';
import { translate } from '../../../shared/i18n/index.js';
import { say } from './write-text.js';

interface ImportFlags {
  profile?: string;
  jobFile?: string;
  source?: string;
  id?: string;
  mailbox?: string[];
  folder?: string;
  format?: 'csv' | 'ics' | 'json';
  showAs?: string;
  category?: string[];
  subject?: string;
  reminderMinutes?: number;
  timeZone?: string;
  delete?: boolean;
  allowEmpty?: boolean;
  concurrency?: number;
  every?: number;
  dryRun?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command('import')
    .description(
      'write appointments (absences, holidays, trainings) from a file, folder or URL into mailboxes; re-runs change only what changed',
    )
    .addOption(new Option('--profile <profile>', 'profile name or id').default(undefined, '"profile" in the job file'))
    .option('--job-file <file>', 'import job as JSON (source, mailboxes, showAs, columns…; see docs/jobs.md); flags override it')
    .option('--source <path-or-url>', 'CSV/ICS/JSON file, a folder of them, or an http(s) URL; required unless the job file has one')
    .addOption(new Option('--id <id>', 'job id written on every item; keep it stable').default(undefined, 'the source file name'))
    .option('--mailbox <smtp>', 'mailbox for rows without a mailbox column; repeat or separate with commas', collectList)
    .option('--folder <folder>', "'calendar' or a folder id")
    .addOption(
      new Option('--format <format>', 'source format')
        .choices(['csv', 'ics', 'json'])
        .default(undefined, 'from the extension or Content-Type'),
    )
    .addOption(
      new Option('--show-as <status>', 'free/busy status of rows without one')
        .choices(['free', 'tentative', 'busy', 'oof', 'workingElsewhere'])
        .default(undefined, "the job file's, else oof"),
    )
    .option('--category <name>', 'category on every item; repeatable', collectList)
    .option('--subject <text>', 'subject of rows without one')
    .addOption(
      new Option('--reminder-minutes <n>', 'turn the reminder on, this many minutes before')
        .argParser(positiveInt('--reminder-minutes', { allowZero: true }))
        .default(undefined, 'off'),
    )
    .addOption(new Option('--time-zone <zone>', 'zone of times without an offset and of all-day dates').default(undefined, 'UTC'))
    .option('--no-delete', 'keep items whose row left the source')
    .option('--allow-empty', 'let an empty source remove every item of the job')
    .addOption(new Option('--concurrency <n>', 'mailboxes at once').argParser(positiveInt('--concurrency')).default(undefined, '8'))
    .option(
      '--every <minutes>',
      'keep running: read the source again every N minutes (a folder or URL is polled) until stopped',
      positiveInt('--every'),
    )
    .option('--dry-run', 'read and plan, write nothing; lists the changes per mailbox')
    .option('--json', 'machine-readable output')
    .action(async (opts: ImportFlags) => runImportCommand(ctx, opts));
  deprecatedAlias(command, '--job <file>', ['--job-file'], ctx.noteDeprecated);
}

/** Planned changes listed per mailbox on the terminal; --json carries up to 1,000 and the count of the rest. */
const PLANNED_SHOWN = 50;

async function jobInput(ctx: CliContext, opts: ImportFlags): Promise<Record<string, unknown>> {
  let base: Record<string, unknown> = {};
  if (opts.jobFile) {
    const file = ctx.resolvePath(opts.jobFile);
    try {
      base = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new CalpumpError('input.invalid', { params: { field: '--job-file', problem: `${file}: ${(e as Error).message}` } });
    }
  }
  const src = opts.source;
  const source = src
    ? /^https?:\/\//i.test(src)
      ? { url: src }
      : { path: ctx.resolvePath(src) }
    : (base.source as Record<string, unknown> | undefined);
  if (!source)
    throw new CalpumpError('input.invalid', { params: { field: '--source', problem: 'give --source PATH|URL or --job-file FILE' } });
  if (opts.format) Object.assign(source, { format: opts.format });
  const named = (source.path ?? source.url) as string;
  const derivedId =
    basename(named.replace(/[?#].*$/, ''), extname(named))
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '') || 'import';
  const set = <T>(v: T | undefined, key: string, into: Record<string, unknown>) => (v === undefined ? undefined : (into[key] = v));
  const out: Record<string, unknown> = { ...base, source, id: opts.id ?? base.id ?? derivedId };
  set(opts.mailbox, 'mailboxes', out);
  set(opts.folder, 'folder', out);
  set(opts.showAs, 'showAs', out);
  set(opts.category, 'categories', out);
  set(opts.subject, 'defaultSubject', out);
  set(opts.reminderMinutes, 'reminderMinutes', out);
  set(opts.timeZone, 'timeZone', out);
  set(opts.concurrency, 'concurrency', out);
  if (opts.delete === false) out.deleteMissing = false;
  if (opts.allowEmpty) out.allowEmptySource = true;
  return out;
}

async function runImportCommand(ctx: CliContext, opts: ImportFlags): Promise<void> {
  const [{ importJobSchema, runImport }, { createWriter }] = await Promise.all([
    import('../../../core/import/index.js'),
    import('../../../core/connectors/writer-factory.js'),
  ]);
  const parsed = importJobSchema.safeParse(await jobInput(ctx, opts));
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error) });
  const job = parsed.data;
  const profileName = opts.profile ?? job.profile;
  if (!profileName)
    throw new CalpumpError('input.invalid', { params: { field: '--profile', problem: 'give --profile or "profile" in the job file' } });
  const profile = await ctx.profiles.get(profileName);
  await ctx.registerProfileSecrets(profile);
  const logger = ctx.loggerFor(profile);
  const writer = await createWriter(profile, { secrets: ctx.secrets, logger, env: ctx.io.env });
  try {
    for (;;) {
      let report: ImportReport;
      try {
        report = await runImport(
          job,
          { dryRun: !!opts.dryRun },
          {
            writer,
            logger,
            secrets: ctx.secrets,
            env: ctx.io.env,
            now: ctx.io.now,
            stateDir: join(ctx.configDir, 'state'),
            signal: ctx.io.signal,
          },
        );
        printReport(ctx, opts, report);
      } catch (e) {
        // Polling: an unreachable source this time is reported, and the next round tries again.
        if (!opts.every || !(e instanceof CalpumpError)) throw e;
        ctx.exitCode = 1;
        ctx.err(renderErrorInfo(e.info(), ctx));
      }
      if (!opts.every || opts.dryRun || ctx.io.signal?.aborted) break;
      if (!(await pause(opts.every * 60_000, ctx.io.signal))) break;
    }
  } finally {
    await writer.close().catch(() => undefined);
  }
}

/** Waits, or stops early when the signal aborts (Ctrl+C in a host that wires it); false = stopped. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve(false)), { once: true });
  });
}

function printReport(ctx: CliContext, opts: ImportFlags, report: ImportReport): void {
  const failed = report.mailboxes.some((m) => !m.ok) || report.rowErrorCount > 0 || !!report.error || report.aborted;
  ctx.exitCode = failed ? 1 : 0;
  if (opts.json) return ctx.json({ ok: !failed, ...report });
  ctx.out(
    say(ctx, 'importSummary', {
      job: report.job,
      rows: report.rows,
      documents: report.documents.length,
      rowErrors: report.rowErrorCount,
    }),
  );
  for (const r of report.rowErrors) ctx.err(renderErrorInfo(r.error, ctx, '  '));
  if (report.error) ctx.err(renderErrorInfo(report.error, ctx));
  for (const m of report.mailboxes) {
    ctx.out(
      say(ctx, opts.dryRun ? 'dryRunLine' : 'mailboxLine', {
        mark: m.ok ? '✓' : '✗',
        mailbox: m.mailbox,
        creates: m.creates,
        updates: m.updates,
        deletes: m.deletes,
        unchanged: m.unchanged,
      }),
    );
    const listed = m.planned ?? [];
    for (const p of listed.slice(0, PLANNED_SHOWN))
      ctx.out(`    ${p.action.padEnd(6)} ${p.start} – ${p.end}  ${p.subject}  [${p.key}]${p.line ? ` line ${p.line}` : ''}`);
    const more = listed.length - Math.min(listed.length, PLANNED_SHOWN) + (m.plannedOmitted ?? 0);
    if (more > 0) ctx.out(`    ${translate(ctx.lang, 'import.plannedMore', { count: more })}`);
    for (const e of m.errors) ctx.err(`${m.mailbox}${e.key ? ` [${e.key}]` : ''}:\n${renderErrorInfo(e.error, ctx, '  ')}`);
  }
  if (report.aborted) ctx.err(say(ctx, 'aborted'));
  if (opts.dryRun) ctx.out(say(ctx, 'dryRun'));
}
