// A stored job of type 'import' run like any other job: its `import` document goes through runImport with the
// profile's writer, and the report becomes a RunRecord (mailboxes ok/failed, items written) plus progress events.
import { randomUUID } from 'node:crypto';
import type { CalendarWriter } from '../connectors/writer.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { type FolderRunResult, type JobRunResult, type RunJobOptions } from '../sync/run-job.js';
import type { Job, PumpEvent, RunRecord } from '../../shared/job.js';
import { importJobSchema } from './import-job.js';
import { runImport } from './run-import.js';
import { buildRunRecord } from '../sync/run-record.js';

export interface ImportJobRunDeps {
  writer?: CalendarWriter;
  secrets: SecretStore;
  logger: Logger;
  /** Where the import keeps which mailboxes it wrote to. */
  stateDir: string;
  now?: () => Date;
  onEvent?: (e: PumpEvent) => void;
  newRunId?: () => string;
}

export async function runImportJob(job: Job, deps: ImportJobRunDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  const now = deps.now ?? (() => new Date());
  const runId = (deps.newRunId ?? randomUUID)();
  const startedAt = now().toISOString();
  const dryRun = !!opts.dryRun;
  const log = deps.logger.child({ job: job.name, runId, type: 'import' });
  const emit = (e: PumpEvent) => deps.onEvent?.(e);
  const folders: FolderRunResult[] = [];
  const errors: RunRecord['errors'] = [];
  let started = false;
  try {
    if (!deps.writer) throw new CalpumpError('input.invalid', { params: { field: 'type', problem: 'import jobs cannot run in this host yet; run them with `calpump import`' } });
    const parsed = importJobSchema.safeParse({ id: job.id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64), ...job.import });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CalpumpError('input.invalid', { params: { field: `import.${issue.path.join('.')}`, problem: issue.message } });
    }
    emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId, at: startedAt, mailboxes: parsed.data.mailboxes.length, dryRun });
    started = true;
    const report = await runImport(parsed.data, { dryRun }, { writer: deps.writer, logger: log, secrets: deps.secrets, now, stateDir: deps.stateDir, signal: opts.signal });
    if (report.error) errors.push({ error: report.error });
    for (const r of report.rowErrors) errors.push({ folder: `${r.file}:${r.line}`, error: r.error });
    let done = 0;
    for (const m of report.mailboxes) {
      const written = m.creates + m.updates + m.deletes;
      folders.push({ mailbox: m.mailbox, folder: parsed.data.folder, ok: m.ok, items: m.creates + m.updates + m.unchanged, upserts: dryRun ? 0 : m.creates + m.updates, deletes: dryRun ? 0 : m.deletes, ...(m.errors[0] ? { error: m.errors[0].error } : {}) });
      for (const e of m.errors) errors.push({ mailbox: m.mailbox, folder: parsed.data.folder, error: e.error });
      emit({ type: 'mailbox.progress', jobId: job.id, runId, mailbox: m.mailbox, done: ++done, total: report.mailboxes.length, ok: m.ok, items: written, errorId: m.errors[0]?.error.id });
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
    itemsWritten: folders.reduce((n, f) => n + f.upserts + f.deletes, 0),
    errors,
  });
  log.info('pump.job.finished', { status: record.status, ok: mailboxesOk, failed: mailboxesFailed, written: record.itemsWritten });
  if (!started) emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId, at: startedAt, mailboxes: 0, dryRun });
  emit({ type: 'job.finished', jobId: job.id, runId, at: record.finishedAt, record });
  return { record, folders };
}
