// One place that turns a finished run's counts into the RunRecord the history stores and the UI shows; export,
// free/busy and import runs differ only in what they count as written.
import type { Job, PumpEvent, RunRecord } from '../../shared/job.js';
import type { Logger } from '../log/logger.js';

export const MAX_RECORDED_ERRORS = 100;

export interface RunTally {
  runId: string;
  trigger: RunRecord['trigger'] | undefined;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  mailboxesOk: number;
  mailboxesFailed: number;
  folders: ReadonlyArray<{ items: number }>;
  itemsWritten: number;
  errors: RunRecord['errors'];
}

export function buildRunRecord(job: Pick<Job, 'id' | 'name'>, t: RunTally): RunRecord {
  return {
    runId: t.runId,
    jobId: job.id,
    jobName: job.name,
    trigger: t.trigger ?? 'manual',
    dryRun: t.dryRun,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    status: t.mailboxesFailed === 0 && t.errors.length === 0 ? 'ok' : t.mailboxesOk > 0 ? 'partial' : 'failed',
    mailboxesOk: t.mailboxesOk,
    mailboxesFailed: t.mailboxesFailed,
    items: t.folders.reduce((n, f) => n + f.items, 0),
    itemsWritten: t.itemsWritten,
    errors: t.errors.slice(0, MAX_RECORDED_ERRORS),
  };
}

/**
 * The end of every run: the record, its log line, and the events a host waits for — a run that never got to
 * announce itself (it failed before planning mailboxes) still sends job.started, so job.finished is never alone.
 */
export function finishRun(
  job: Pick<Job, 'id' | 'name'>,
  t: RunTally,
  end: { log: Logger; emit: (e: PumpEvent) => void; announced: boolean },
): RunRecord {
  const record = buildRunRecord(job, t);
  end.log.info('pump.job.finished', {
    status: record.status,
    ok: record.mailboxesOk,
    failed: record.mailboxesFailed,
    written: record.itemsWritten,
  });
  if (!end.announced)
    end.emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId: t.runId, at: t.startedAt, mailboxes: 0, dryRun: t.dryRun });
  end.emit({ type: 'job.finished', jobId: job.id, runId: record.runId, at: record.finishedAt, record });
  return record;
}
