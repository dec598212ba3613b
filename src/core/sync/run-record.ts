// One place that turns a finished run's counts into the RunRecord the history stores and the UI shows; export,
// free/busy and import runs differ only in what they count as written.
import type { Job, RunRecord } from '../../shared/job.js';

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
