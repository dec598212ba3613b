// A stored job of type 'freebusy' run by the scheduler, `calpump jobs run` or the UI job service: the job's
// mailboxes and window go through runFreeBusy, one file per mailbox lands atomically in the folder target, and
// the run is reported like an export run (RunRecord + progress events) so history and the tray treat it alike.
import { randomUUID } from 'node:crypto';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { planMailboxes } from '../sync/mailbox-plan.js';
import { type FolderRunResult, type JobRunResult, type RunJobDeps, type RunJobOptions } from '../sync/run-job.js';
import { jobWindow } from '../sync/window.js';
import type { Job, PumpEvent, RunRecord } from '../../shared/job.js';
import { freeBusyJobSchema } from './freebusy-job.js';
import { runFreeBusy } from './run-freebusy.js';
import { buildRunRecord } from '../sync/run-record.js';
import { requireTarget } from '../sync/job-output.js';

export type FreeBusyJobRunDeps = Pick<RunJobDeps, 'connector' | 'logger' | 'now' | 'onEvent' | 'newRunId'>;

export async function runFreeBusyJob(job: Job, deps: FreeBusyJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  const now = deps.now ?? (() => new Date());
  const runId = (deps.newRunId ?? randomUUID)();
  const startedAt = now().toISOString();
  const dryRun = !!opts.dryRun;
  const log = deps.logger.child({ job: job.name, runId, type: 'freebusy' });
  const emit = (e: PumpEvent) => deps.onEvent?.(e);
  const folders: FolderRunResult[] = [];
  const errors: RunRecord['errors'] = [];
  let started = false;
  try {
    const target = requireTarget(job);
    if (target.kind !== 'folder') throw new CalpumpError('input.invalid', { params: { field: 'target', problem: 'a free/busy job writes files: give it a folder target' } });
    const mailboxes = await planMailboxes(job, deps.connector);
    emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId, at: startedAt, mailboxes: mailboxes.length, dryRun });
    started = true;
    if (opts.signal?.aborted) throw new CalpumpError('pump.cancelled', { params: { job: job.name, mailbox: mailboxes[0] ?? '' } });
    const window = jobWindow(now(), job.window);
    const fb = freeBusyJobSchema.parse({ mailboxes, from: window.from, to: window.to, format: job.format, outDir: dryRun ? '' : target.path, ...job.freebusy });
    const report = await runFreeBusy(fb, { connector: deps.connector, logger: log, profileName: job.profile, now });
    let done = 0;
    for (const m of report.mailboxes) {
      const items = m.blocks.length;
      folders.push({ mailbox: m.mailbox, folder: 'freebusy', ok: m.ok, items, upserts: m.ok && !dryRun ? items : 0, deletes: 0, ...(m.error ? { error: m.error } : {}) });
      if (m.error) errors.push({ mailbox: m.mailbox, folder: 'freebusy', error: m.error });
      emit({ type: 'mailbox.progress', jobId: job.id, runId, mailbox: m.mailbox, done: ++done, total: report.mailboxes.length, ok: m.ok, items, errorId: m.error?.id });
    }
  } catch (e) {
    const err = toCalpumpError(e);
    log.error('pump.job.failed', { errorId: err.id, evidence: err.evidence });
    errors.push({ error: err.info() });
  }
  const mailboxesOk = folders.filter((f) => f.ok).length;
  const mailboxesFailed = folders.length - mailboxesOk;
  const record = buildRunRecord(job, {
    runId,
    trigger: opts.trigger,
    dryRun,
    startedAt,
    finishedAt: now().toISOString(),
    mailboxesOk,
    mailboxesFailed,
    folders,
    itemsWritten: folders.reduce((n, f) => n + f.upserts, 0),
    errors,
  });
  log.info('pump.job.finished', { status: record.status, ok: mailboxesOk, failed: mailboxesFailed, written: record.itemsWritten });
  if (!started) emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId, at: startedAt, mailboxes: 0, dryRun });
  emit({ type: 'job.finished', jobId: job.id, runId, at: record.finishedAt, record });
  return { record, folders };
}
