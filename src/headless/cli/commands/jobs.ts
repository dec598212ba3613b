// `calpump jobs list|show|add|remove|run|history`: scheduled exports (the pump). `run` performs one run now in
// this process (incremental, journaled — see README "Pump") and exits 1 if any mailbox failed.
import { join } from 'node:path';
import type { Command } from 'commander';
import { JobStore } from '../../../core/store/job-store.js';
import { PresenceRuleStore } from '../../../core/store/presence-rule-store.js';
import { TwoWayRuleStore } from '../../../core/store/twoway-rule-store.js';
import { RunHistory } from '../../../core/store/run-history.js';
import { SyncStateStore } from '../../../core/store/sync-state-store.js';
import type { FolderRunResult, JobRunResult } from '../../../core/sync/run-job.js';
import { jobTypeOf, mailboxesOf, targetOf, type Job } from '../../../shared/job.js';
import { postgresLocation } from '../../../shared/postgres-url.js';
import type { CliContext } from '../context.js';
import { renderErrorInfo } from '../render/error.js';
import { renderTable } from '../render/table.js';
import { registerAdd } from './jobs-add.js';
import { findRun, printRunDetail } from './jobs-run-detail.js';
import { sayJobs as say } from './jobs-text.js';
import { printServerWait } from './server-wait-line.js';
import { positiveInt } from './parse.js';
import { renderTextParam } from '../../../shared/i18n/engine-texts.js';

function stores(ctx: CliContext) {
  return {
    jobs: new JobStore({ dir: ctx.configDir, secrets: ctx.secrets, logger: ctx.logger }),
    states: new SyncStateStore(join(ctx.configDir, 'state'), ctx.logger),
    history: new RunHistory(ctx.configDir),
  };
}

export function register(program: Command, ctx: CliContext): void {
  const jobs = program
    .command('jobs')
    .description(
      'saved jobs, run on a schedule or on demand — five types: export (calendar items to a folder, webhook or SQLite), freebusy, presence, import, twoway',
    );
  jobs
    .command('list')
    .description('list jobs with their schedule and last run')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => list(ctx, !!o.json));
  jobs
    .command('show <job>')
    .description('show one job')
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { json?: boolean }) => {
      const job = await stores(ctx).jobs.get(name);
      if (o.json) ctx.json(job);
      else ctx.out(JSON.stringify(job, null, 2));
    });
  registerAdd(jobs, ctx);
  jobs
    .command('remove <job>')
    .description('remove a job with its secret, sync state and history')
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { json?: boolean }) => {
      const s = stores(ctx);
      const job = await s.jobs.remove(name);
      // A copied entry shares its id with the job it was copied from: that job keeps its state and history.
      if (!job.sharedId) {
        await s.states.removeJob(job.id);
        await s.history.removeJob(job.id);
      }
      if (o.json) ctx.json({ ok: true, removed: job });
      else ctx.out(say(ctx, job.sharedId ? 'removedCopy' : 'removed', { name: job.name }));
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
    .option('--limit <n>', 'runs to show', positiveInt('--limit'), 20)
    .option('--run-id <id>', 'one run in full: its mailboxes, errors and the items it left out (the id or its first characters)')
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { limit: number; runId?: string; json?: boolean }) => {
      const s = stores(ctx);
      const job = await s.jobs.get(name);
      if (o.runId) {
        const run = findRun(await s.history.list(job.id), job.name, o.runId);
        return o.json ? ctx.json(run) : printRunDetail(ctx, run);
      }
      const runs = await s.history.list(job.id, o.limit);
      if (o.json) return ctx.json(runs);
      ctx.out(
        renderTable(runs, [
          { header: 'RUN', value: (r) => r.runId.slice(0, 8) },
          { header: 'STARTED', value: (r) => r.startedAt },
          { header: 'STATUS', value: (r) => r.status },
          { header: 'OK', value: (r) => String(r.mailboxesOk), align: 'right' },
          { header: 'FAILED', value: (r) => String(r.mailboxesFailed), align: 'right' },
          { header: 'WRITTEN', value: (r) => String(r.itemsWritten), align: 'right' },
          { header: 'SKIPPED', value: (r) => String(r.itemsSkipped ?? 0), align: 'right' },
          { header: 'TRIGGER', value: (r) => r.trigger },
        ]),
      );
    });
}

async function list(ctx: CliContext, json: boolean): Promise<void> {
  const s = stores(ctx);
  const { jobs: all, broken } = await s.jobs.inventory();
  // A bad entry is named with its field on stderr (also with --json) and the exit code says something needs fixing.
  for (const b of broken) {
    ctx.err(`✗ ${say(ctx, 'broken', { field: b.field, problem: renderTextParam(b.problem, ctx.lang) })}`);
    ctx.err(`  ${say(ctx, 'brokenHint', { file: s.jobs.file.path, name: /[\s[]/.test(b.ref) ? `"${b.ref}"` : b.ref })}`);
  }
  if (broken.length) ctx.exitCode = 1;
  const rows = await Promise.all(all.map(async (job) => ({ job, last: await s.history.last(job.id).catch(() => undefined) })));
  if (json) return ctx.json(rows.map((r) => ({ ...r.job, type: jobTypeOf(r.job), lastRun: r.last })));
  // Two-way jobs show the calendars their rule keeps in step (a rule removed by hand shows as "?").
  const rules = all.some((j) => jobTypeOf(j) === 'twoway') ? await new TwoWayRuleStore({ dir: ctx.configDir }).list().catch(() => []) : [];
  const sidesOf = (job: Job) => {
    const rule = rules.find((r) => r.id.toLowerCase() === (job.twoway?.ruleId ?? '').toLowerCase());
    if (!rule) return '?';
    // Overwrite is one-way: the master side's mailbox first.
    if (rule.mode === 'overwrite') return `${rule[rule.master].mailbox} ⇒ ${rule[rule.master === 'a' ? 'b' : 'a'].mailbox} (overwrite)`;
    return `${rule.a.mailbox} ⇄ ${rule.b.mailbox}`;
  };
  // Import jobs write to the mailboxes their import file names; the others read the mailboxes they select.
  if (rows.length === 0) return broken.length ? undefined : ctx.out(say(ctx, 'none'));
  const profileName = await ctx.profileLabels();
  ctx.out(
    renderTable(rows, [
      { header: 'NAME', value: (r) => r.job.name },
      { header: 'PROFILE', value: (r) => profileName(r.job.profile) },
      { header: 'MAILBOXES', value: (r) => (jobTypeOf(r.job) === 'twoway' ? sidesOf(r.job) : describeMailboxes(r.job)) },
      { header: 'TARGET', value: (r) => describeTarget(r.job) },
      { header: 'TYPE', value: (r) => jobTypeOf(r.job) },
      { header: 'SCHEDULE', value: (r) => describeSchedule(r.job) },
      { header: 'LAST RUN', value: (r) => (r.last ? `${r.last.startedAt} ${r.last.status}` : '-') },
    ]),
  );
}

function describeTarget(job: Job): string {
  if (jobTypeOf(job) === 'import') {
    const src = (job.import?.source ?? {}) as { path?: string; url?: string };
    return `← ${src.path ?? src.url ?? '?'}`;
  }
  if (jobTypeOf(job) === 'twoway') return `⇄ rule ${job.twoway?.ruleId ?? '?'}`;
  const t = targetOf(job);
  if (!t) return '-';
  if (jobTypeOf(job) === 'presence') return `${job.presence?.table ?? 'default'} → ${t.kind === 'folder' ? t.path : t.kind}`;
  if (t.kind === 'postgres') return `postgres → ${postgresLocation(t)}`;
  return t.kind === 'folder' ? `${job.format} → ${t.path}` : t.kind === 'webhook' ? `webhook → ${t.url}` : `sqlite → ${t.path}`;
}

function describeMailboxes(job: Job): string {
  const m = mailboxesOf(job);
  if (!m) {
    const listed = (job.import as { mailboxes?: unknown } | undefined)?.mailboxes;
    return Array.isArray(listed) && listed.length ? `${listed.length} (import file)` : 'import file';
  }
  return m.mode === 'list'
    ? m.list.length === 1
      ? m.list[0]
      : `${m.list.length}`
    : m.mode === 'search'
      ? `search "${m.search}"`
      : 'all rooms';
}

function describeSchedule(job: Job): string {
  const s = job.schedule;
  if (s.kind === 'manual') return 'manual';
  const what = s.kind === 'interval' ? `every ${s.minutes} min` : `cron ${s.cron}`;
  return s.active ? what : `${what} (paused)`;
}

/** One run of a stored job in this process; also what `calpump export --job J` should call. */
export async function runJobFromCli(ctx: CliContext, name: string, o: { dryRun?: boolean; json?: boolean }): Promise<JobRunResult> {
  const s = stores(ctx);
  const job = await s.jobs.get(name);
  // A run killed earlier (this or another host) is recorded as interrupted before this one starts.
  await s.history
    .recordInterrupted()
    .catch((e: unknown) => ctx.logger.warn('pump.history.writeFailed', { what: 'interrupted', err: String(e) }));
  const [{ createJobExecutor }, { createWriter }] = await Promise.all([
    import('../../../core/scheduler/job-executor.js'),
    import('../../../core/connectors/writer-factory.js'),
  ]);
  const execute = createJobExecutor({
    profiles: ctx.profiles,
    connectorFor: (p) => ctx.connectorFor(p),
    states: s.states,
    secrets: ctx.secrets,
    history: s.history,
    logger: ctx.logger,
    now: () => ctx.io.now(),
    writerFor: (p) => createWriter(p, { secrets: ctx.secrets, logger: ctx.logger, env: ctx.io.env }),
    presenceTable: async (table) => (await new PresenceRuleStore({ dir: ctx.configDir }).get(table)).table,
    twoWayRules: { get: (id) => new TwoWayRuleStore({ dir: ctx.configDir }).get(id), stateDir: join(ctx.configDir, 'state') },
  });
  const result = await execute(job, {
    trigger: 'cli',
    dryRun: !!o.dryRun,
    signal: ctx.io.signal,
    onEvent: (e) => (e.type === 'job.waiting' ? printServerWait(ctx, e) : undefined),
  });
  const r = result.record;
  if (r.status !== 'ok') ctx.exitCode = 1;
  if (o.json) {
    ctx.json({ ok: r.status === 'ok', ...r, folders: result.folders });
    return result;
  }
  for (const f of result.folders) printFolder(ctx, f);
  for (const e of r.errors.filter((x) => !x.mailbox)) ctx.err(renderErrorInfo(e.error, ctx));
  ctx.out(say(ctx, 'summary', { ok: r.mailboxesOk, count: r.mailboxesOk + r.mailboxesFailed, written: r.itemsWritten }));
  if (o.dryRun) ctx.out(say(ctx, 'dry'));
  return result;
}

function printFolder(ctx: CliContext, f: FolderRunResult): void {
  const where = `${f.mailbox}${f.folder ? ` (${f.folder})` : ''}`;
  if (!f.ok) {
    ctx.out(`✗ ${where}`);
    if (f.error) ctx.err(`${where}:\n${renderErrorInfo(f.error, ctx, '  ')}`);
    return;
  }
  ctx.out(`✓ ${where}: ${ctx.t('exportItems', { items: f.items })}, +${f.upserts} −${f.deletes}`);
  for (const e of f.sample ?? []) ctx.out(`    ${e.start} – ${e.end}  ${e.subject}`);
}
