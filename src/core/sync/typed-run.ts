// The frame every non-export job run shares (free/busy, presence, import, two-way): run id and clock, a child logger,
// progress events, the per-mailbox results, a failure of the run itself recorded instead of thrown, and the
// RunRecord at the end — so history and the tray treat every job type alike. The runner supplies the body.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { toCalpumpError } from '../errors/calpump-error.js';
import type { Job, JobType, PumpEvent, RunOutput, RunRecord } from '../../shared/job.js';
import { finishRun, perResult } from './run-record.js';
import { fileOutput } from './run-feeds.js';
import type { FolderRunResult, JobRunResult, RunJobOptions } from './run-job.js';

export interface TypedRunDeps {
  logger: Logger;
  now?: () => Date;
  onEvent?: (e: PumpEvent) => void;
  newRunId?: () => string;
  startedAt?: string;
}

export interface TypedRun {
  runId: string;
  dryRun: boolean;
  log: Logger;
  now: () => Date;
  /** Announces the run with the number of mailboxes it covers (once; a run that never gets here announces 0). */
  started(mailboxes: number): void;
  /** One mailbox done: recorded, its error listed, a progress event sent (`progressItems` defaults to its items). */
  finished(result: FolderRunResult, total: number, progressItems?: number): void;
  /** An error that belongs to no single mailbox result (a bad source row, a failed source). */
  error(e: RunRecord['errors'][number]): void;
  /** A file the run wrote (or kept) for a mailbox: listed in the record with its size, and its feed if it has one. */
  output(path: string, mailbox: string): Promise<void>;
}

export async function runTyped(
  job: Job,
  type: Exclude<JobType, 'export'>,
  deps: TypedRunDeps,
  opts: RunJobOptions,
  written: (f: FolderRunResult) => number,
  body: (run: TypedRun) => Promise<void>,
): Promise<JobRunResult> {
  const now = deps.now ?? (() => new Date());
  const runId = (deps.newRunId ?? randomUUID)();
  const startedAt = deps.startedAt ?? now().toISOString();
  const dryRun = !!opts.dryRun;
  const log = deps.logger.child({ job: job.name, runId, type });
  const emit = (e: PumpEvent) => deps.onEvent?.(e);
  const folders: FolderRunResult[] = [];
  const errors: RunRecord['errors'] = [];
  const outputs: RunOutput[] = [];
  let announced = false;
  let done = 0;
  const run: TypedRun = {
    runId,
    dryRun,
    log,
    now,
    started(mailboxes) {
      if (announced) return;
      announced = true;
      emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId, at: startedAt, mailboxes, dryRun });
    },
    finished(result, total, progressItems = result.items) {
      folders.push(result);
      if (result.error) errors.push({ mailbox: result.mailbox, folder: result.folder, error: result.error });
      emit({
        type: 'mailbox.progress',
        jobId: job.id,
        runId,
        mailbox: result.mailbox,
        done: ++done,
        total,
        ok: result.ok,
        items: progressItems,
        errorId: result.error?.id,
      });
    },
    error: (e) => void errors.push(e),
    async output(path, mailbox) {
      const o = await fileOutput(path, mailbox);
      if (o) outputs.push(o);
    },
  };
  try {
    await body(run);
  } catch (e) {
    const err = toCalpumpError(e);
    log.error('pump.job.failed', { errorId: err.id, evidence: err.evidence });
    errors.push({ error: err.info() });
  }
  const mailboxesOk = folders.filter((f) => f.ok).length;
  const record = finishRun(
    job,
    {
      runId,
      trigger: opts.trigger,
      dryRun,
      startedAt,
      finishedAt: now().toISOString(),
      mailboxesOk,
      mailboxesFailed: folders.length - mailboxesOk,
      mailboxes: perResult(folders, written),
      errors,
      outputs,
    },
    { log, emit, announced },
  );
  return { record, folders };
}
