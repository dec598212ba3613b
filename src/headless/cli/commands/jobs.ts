// `calpump jobs list|show|add|remove|run|history`: scheduled exports (the pump). `run` performs one run now in
// this process (incremental, journaled — see README "Pump") and exits 1 if any mailbox failed.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { createWriter } from '../../../core/connectors/writer-factory.js';
import { importJobSchema } from '../../../core/import/import-job.js';
import { createJobExecutor } from '../../../core/scheduler/job-executor.js';
import { JobStore } from '../../../core/store/job-store.js';
import { RunHistoryStore } from '../../../core/store/run-history-store.js';
import { SyncStateStore } from '../../../core/store/sync-state-store.js';
import type { FolderRunResult, JobRunResult } from '../../../core/sync/run-job.js';
import { jobSecretKey, jobTypeOf, type Job } from '../../../shared/job.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { renderTable } from '../render/table.js';
import { collectList, positiveInt } from './parse.js';

const TEXT = {
  en: { none: 'No jobs yet. Add one with `calpump jobs add --name N --profile P --mailbox M --out DIR`.', added: 'Added job {name} ({id}).', removed: 'Removed job {name}, its sync state and history.', summary: '{ok} of {count} mailboxes done, {written} changes written.', dry: 'Dry run: nothing was written.' },
  de: { none: 'Noch keine Jobs. Legen Sie einen an mit `calpump jobs add --name N --profile P --mailbox M --out DIR`.', added: 'Job {name} ({id}) angelegt.', removed: 'Job {name}, sein Sync-Zustand und Verlauf wurden entfernt.', summary: '{ok} von {count} Postfächern fertig, {written} Änderungen geschrieben.', dry: 'Probelauf: nichts wurde geschrieben.' },
  nl: { none: 'Nog geen taken. Voeg er een toe met `calpump jobs add --name N --profile P --mailbox M --out DIR`.', added: 'Taak {name} ({id}) toegevoegd.', removed: 'Taak {name}, de syncstatus en geschiedenis zijn verwijderd.', summary: '{ok} van {count} postvakken klaar, {written} wijzigingen geschreven.', dry: 'Proefrun: er is niets geschreven.' },
} as const;

function say(ctx: CliContext, key: keyof (typeof TEXT)['en'], params: Record<string, string | number> = {}): string {
  return TEXT[ctx.lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

interface AddFlags {
  type: 'export' | 'freebusy' | 'import';
  importJob?: string;
  includeFree?: boolean;
  merge?: boolean;
  name: string;
  profile: string;
  mailbox?: string[];
  search?: string;
  allRooms?: boolean;
  folder?: string[];
  includeSubfolders?: boolean;
  daysBack?: number;
  daysAhead?: number;
  private: 'include' | 'skip' | 'mask';
  excludeMarker?: string;
  showAs?: string[];
  skipCancelled?: boolean;
  includeBody?: boolean;
  format: 'ics' | 'json' | 'csv';
  out?: string;
  webhook?: string;
  batchSize?: number;
  webhookSecretStdin?: boolean;
  webhookSecretEnv?: string;
  sqlite?: string;
  every?: number;
  cron?: string;
  paused?: boolean;
  concurrency?: number;
  json?: boolean;
}

function stores(ctx: CliContext) {
  return {
    jobs: new JobStore({ dir: ctx.configDir, secrets: ctx.secrets }),
    states: new SyncStateStore(join(ctx.configDir, 'state'), ctx.logger),
    history: new RunHistoryStore(ctx.configDir),
  };
}

export function register(program: Command, ctx: CliContext): void {
  const jobs = program.command('jobs').description('scheduled calendar exports (folder, webhook or SQLite targets)');
  jobs.command('list').description('list jobs with their schedule and last run').option('--json', 'machine-readable output').action(async (o: { json?: boolean }) => list(ctx, !!o.json));
  jobs.command('show <job>').description('show one job').option('--json', 'machine-readable output').action(async (name: string, o: { json?: boolean }) => {
    const job = await stores(ctx).jobs.get(name);
    if (o.json) ctx.json(job);
    else ctx.out(JSON.stringify(job, null, 2));
  });
  jobs
    .command('add')
    .description('add a job; give one target: --out DIR, --webhook URL or --sqlite FILE')
    .requiredOption('--name <name>', 'job name')
    .addOption(new Option('--type <type>', 'export: calendar items; freebusy: busy blocks only (no read right needed; needs --out)').choices(['export', 'freebusy', 'import']).default('export'))
    .option('--import-job <file>', 'import: the import job file (JSON, as `calpump import --job` reads)')
    .option('--include-free', 'freebusy: also write free blocks')
    .option('--no-merge', 'freebusy: keep overlapping blocks of the same status apart')
    .requiredOption('--profile <profile>', 'profile name or id')
    .option('--mailbox <smtp>', 'mailbox address; repeat or separate with commas', collectList)
    .option('--search <text>', 'every mailbox the directory search finds for this text')
    .option('--all-rooms', 'every room mailbox')
    .option('--folder <folder>', "'calendar' (default) or a folder id; repeatable", collectList)
    .option('--include-subfolders', 'also export calendar subfolders')
    .option('--days-back <n>', 'days before today (default 7)', positiveInt('--days-back', { allowZero: true }))
    .option('--days-ahead <n>', 'days after today (default 90)', positiveInt('--days-ahead'))
    .addOption(new Option('--private <mode>', 'private items: keep, leave out, or mask as "Private appointment"').choices(['include', 'skip', 'mask']).default('mask'))
    .option('--exclude-marker <text>', 'leave out items whose subject contains this text (e.g. "##")')
    .option('--show-as <states>', 'only these free/busy states (busy,oof,tentative,free,workingElsewhere,unknown)', collectList)
    .option('--skip-cancelled', 'leave out cancelled items')
    .option('--include-body', 'include item bodies (large, may be confidential)')
    .addOption(new Option('--format <format>', 'file format for --out (freebusy: ics = VFREEBUSY)').choices(['ics', 'json', 'csv']).default('ics'))
    .option('--out <dir>', 'target: one file per mailbox-folder in this folder')
    .option('--webhook <url>', 'target: batched JSON POSTs to this https URL')
    .option('--batch-size <n>', 'webhook: changes per POST (default 100)', positiveInt('--batch-size'))
    .option('--webhook-secret-stdin', 'webhook: read the signing secret from stdin')
    .option('--webhook-secret-env <var>', 'webhook: read the signing secret from this environment variable')
    .option('--sqlite <file>', 'target: a SQLite database file')
    .option('--every <minutes>', 'run every N minutes', positiveInt('--every'))
    .option('--cron <expr>', 'run on a cron schedule, e.g. "0 */2 * * *"')
    .option('--paused', 'add the schedule inactive')
    .option('--concurrency <n>', 'mailboxes read at once (default 8)', positiveInt('--concurrency'))
    .option('--json', 'print the stored job as JSON')
    .action(async (o: AddFlags) => add(ctx, o));
  jobs.command('remove <job>').description('remove a job with its secret, sync state and history').option('--json', 'machine-readable output').action(async (name: string, o: { json?: boolean }) => {
    const s = stores(ctx);
    const job = await s.jobs.remove(name);
    await s.states.removeJob(job.id);
    await s.history.removeJob(job.id);
    if (o.json) ctx.json({ ok: true, removed: { id: job.id, name: job.name } });
    else ctx.out(say(ctx, 'removed', { name: job.name }));
  });
  jobs
    .command('run <job>')
    .description('run a job now (incremental); exit 1 if any mailbox failed')
    .option('--dry-run', 'read and count per mailbox, write nothing')
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { dryRun?: boolean; json?: boolean }) => {
      await runJobFromCli(ctx, name, o);
    });
  jobs
    .command('history <job>')
    .description('recent runs of a job')
    .option('--limit <n>', 'runs to show (default 20)', positiveInt('--limit'))
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { limit?: number; json?: boolean }) => {
      const s = stores(ctx);
      const runs = await s.history.list((await s.jobs.get(name)).id, o.limit ?? 20);
      if (o.json) return ctx.json(runs);
      ctx.out(renderTable(runs, [
        { header: 'STARTED', value: (r) => r.startedAt },
        { header: 'STATUS', value: (r) => r.status },
        { header: 'OK', value: (r) => String(r.mailboxesOk), align: 'right' },
        { header: 'FAILED', value: (r) => String(r.mailboxesFailed), align: 'right' },
        { header: 'WRITTEN', value: (r) => String(r.itemsWritten), align: 'right' },
        { header: 'TRIGGER', value: (r) => r.trigger },
      ]));
    });
}

async function list(ctx: CliContext, json: boolean): Promise<void> {
  const s = stores(ctx);
  const all = await s.jobs.list();
  const rows = await Promise.all(all.map(async (job) => ({ job, last: await s.history.last(job.id).catch(() => undefined) })));
  if (json) return ctx.json(rows.map((r) => ({ ...r.job, type: jobTypeOf(r.job), lastRun: r.last })));
  if (rows.length === 0) return ctx.out(say(ctx, 'none'));
  ctx.out(renderTable(rows, [
    { header: 'NAME', value: (r) => r.job.name },
    { header: 'PROFILE', value: (r) => r.job.profile },
    { header: 'TARGET', value: (r) => describeTarget(r.job) },
    { header: 'TYPE', value: (r) => jobTypeOf(r.job) },
    { header: 'SCHEDULE', value: (r) => describeSchedule(r.job) },
    { header: 'LAST RUN', value: (r) => (r.last ? `${r.last.startedAt} ${r.last.status}` : '-') },
  ]));
}

function describeTarget(job: Job): string {
  if (jobTypeOf(job) === 'import') {
    const src = (job.import?.source ?? {}) as { path?: string; url?: string };
    return `← ${src.path ?? src.url ?? '?'}`;
  }
  const t = job.target;
  return t.kind === 'folder' ? `${job.format} → ${t.path}` : t.kind === 'webhook' ? `webhook → ${t.url}` : `sqlite → ${t.path}`;
}

function describeSchedule(job: Job): string {
  const s = job.schedule;
  if (s.kind === 'manual') return 'manual';
  const what = s.kind === 'interval' ? `every ${s.minutes} min` : `cron ${s.cron}`;
  return s.active ? what : `${what} (paused)`;
}

async function add(ctx: CliContext, o: AddFlags): Promise<void> {
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  if (o.type === 'import' && !o.importJob) throw bad('--import-job', 'an import job needs --import-job FILE');
  const imported = o.type === 'import' ? await importDocument(ctx, o) : undefined;
  // An import job writes into mailboxes: its mailboxes default to the import document's, and it has no output.
  if (imported && !o.mailbox?.length && !o.search && !o.allRooms) o.mailbox = imported.mailboxes;
  if (imported && !o.out && !o.webhook && !o.sqlite) o.out = join(ctx.configDir, 'state');
  const selections = [o.mailbox?.length ? 'list' : '', o.search ? 'search' : '', o.allRooms ? 'allRooms' : ''].filter(Boolean);
  if (selections.length !== 1) throw bad('--mailbox', 'give exactly one of --mailbox, --search or --all-rooms');
  const targets = [o.out, o.webhook, o.sqlite].filter(Boolean);
  if (targets.length !== 1) throw bad('--out', 'give exactly one target: --out DIR, --webhook URL or --sqlite FILE');
  if (o.every && o.cron) throw bad('--every', 'give --every or --cron, not both');
  if (o.type === 'freebusy' && !o.out) throw bad('--type', 'a free/busy job writes files: give --out DIR');
  const mailboxes = o.mailbox?.length ? { mode: 'list', list: o.mailbox } : o.search ? { mode: 'search', search: o.search } : { mode: 'allRooms' };
  const target = o.out ? { kind: 'folder', path: ctx.resolvePath(o.out) } : o.sqlite ? { kind: 'sqlite', path: ctx.resolvePath(o.sqlite) } : { kind: 'webhook', url: o.webhook, batchSize: o.batchSize };
  let secret: string | undefined;
  if (o.webhook) {
    if (!!o.webhookSecretStdin === !!o.webhookSecretEnv) throw bad('--webhook-secret-stdin', 'a webhook needs its signing secret: give --webhook-secret-stdin or --webhook-secret-env VAR (never as an argument)');
    secret = o.webhookSecretStdin ? await ctx.stdinSecrets.next('Webhook secret') : ctx.io.env[o.webhookSecretEnv!];
    if (!secret) throw bad(o.webhookSecretStdin ? '--webhook-secret-stdin' : '--webhook-secret-env', 'the webhook secret is empty');
    ctx.logger.registerSecret(secret);
  }
  const input = {
    ...(o.type === 'freebusy' ? { type: 'freebusy', freebusy: { includeFree: !!o.includeFree, merge: o.merge !== false } } : {}),
    ...(imported ? { type: 'import', import: imported.document } : {}),
    name: o.name,
    profile: (await ctx.profiles.get(o.profile)).name,
    mailboxes,
    folders: { ids: o.folder?.length ? o.folder : ['calendar'], includeSubfolders: !!o.includeSubfolders },
    window: { daysBack: o.daysBack ?? 7, daysAhead: o.daysAhead ?? 90 },
    filters: { private: o.private, exclusionMarker: o.excludeMarker, showAs: o.showAs, includeCancelled: !o.skipCancelled, includeBody: !!o.includeBody },
    format: o.format,
    target,
    schedule: o.every ? { kind: 'interval', minutes: o.every, active: !o.paused } : o.cron ? { kind: 'cron', cron: o.cron, active: !o.paused } : { kind: 'manual' },
    concurrency: o.concurrency ?? 8,
  };
  const job = await stores(ctx).jobs.add(input);
  if (secret) await ctx.secrets.set(jobSecretKey(job.id, 'webhookSecret'), secret);
  if (o.json) ctx.json(job);
  else ctx.out(say(ctx, 'added', { name: job.name, id: job.id }));
}

/** The import job file, checked now (not at the first run) with its source path made absolute. */
async function importDocument(ctx: CliContext, o: AddFlags): Promise<{ document: Record<string, unknown>; mailboxes: string[] }> {
  const file = ctx.resolvePath(o.importJob!);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new CalpumpError('input.invalid', { params: { field: '--import-job', problem: `${file}: ${(e as Error).message}` } });
  }
  const source = doc.source as { path?: unknown } | undefined;
  if (source && typeof source.path === 'string') doc = { ...doc, source: { ...source, path: resolve(dirname(file), source.path) } };
  const parsed = importJobSchema.safeParse({ id: o.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'import', ...doc });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CalpumpError('input.invalid', { params: { field: `--import-job ${issue.path.join('.')}`, problem: issue.message } });
  }
  return { document: { ...doc, id: parsed.data.id }, mailboxes: parsed.data.mailboxes };
}

/** One run of a stored job in this process; also what `calpump export --job J` should call. */
export async function runJobFromCli(ctx: CliContext, name: string, o: { dryRun?: boolean; json?: boolean }): Promise<JobRunResult> {
  const s = stores(ctx);
  const job = await s.jobs.get(name);
  const execute = createJobExecutor({
    profiles: ctx.profiles,
    connectorFor: (p) => ctx.connectorFor(p),
    states: s.states,
    secrets: ctx.secrets,
    history: s.history,
    logger: ctx.logger,
    now: () => ctx.io.now(),
    writerFor: (p) => createWriter(p, { secrets: ctx.secrets, logger: ctx.logger, env: ctx.io.env }),
  });
  const result = await execute(job, { trigger: 'cli', dryRun: !!o.dryRun, signal: ctx.io.signal });
  const r = result.record;
  if (r.status !== 'ok') ctx.exitCode = 1;
  if (o.json) {
    ctx.json({ ok: r.status === 'ok', ...r, folders: result.folders });
    return result;
  }
  for (const f of result.folders) printFolder(ctx, f);
  for (const e of r.errors.filter((x) => !x.mailbox)) ctx.err(renderErrorInfo(e.error, (k) => ctx.t(k)));
  ctx.out(say(ctx, 'summary', { ok: r.mailboxesOk, count: r.mailboxesOk + r.mailboxesFailed, written: r.itemsWritten }));
  if (o.dryRun) ctx.out(say(ctx, 'dry'));
  return result;
}

function printFolder(ctx: CliContext, f: FolderRunResult): void {
  const where = `${f.mailbox}${f.folder ? ` (${f.folder})` : ''}`;
  if (!f.ok) {
    ctx.out(`✗ ${where}`);
    if (f.error) ctx.err(`${where}:\n${renderErrorInfo(f.error, (k) => ctx.t(k), '  ')}`);
    return;
  }
  ctx.out(`✓ ${where}: ${ctx.t('exportItems', { items: f.items })}, +${f.upserts} −${f.deletes}`);
  for (const e of f.sample ?? []) ctx.out(`    ${e.start} – ${e.end}  ${e.subject}`);
}
