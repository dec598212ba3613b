// One place that turns a finished run's counts into the RunRecord the history stores and the UI shows; export,
// free/busy, presence, import and two-way runs differ only in what they count as written and how their results
// group into mailboxes.
import type { Job, PumpEvent, RunMailbox, RunOutput, RunRecord, RunSkippedItem } from '../../shared/job.js';
import type { ItemSkip } from '../connectors/connector.js';
import type { Logger } from '../log/logger.js';
import { feedsOf } from './run-feeds.js';
import type { FolderRunResult } from './run-result.js';

export const MAX_RECORDED_ERRORS = 100;
/** Skipped items a run record lists; the count goes on beyond them. */
export const MAX_RECORDED_SKIPS = 100;

export interface RunTally {
  runId: string;
  trigger: RunRecord['trigger'] | undefined;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  mailboxesOk: number;
  mailboxesFailed: number;
  /** Per mailbox (see perMailbox / perResult). */
  mailboxes: RunMailbox[];
  /** Items the connectors left out on purpose, all of them counted. */
  itemsSkipped?: number;
  /** The first of them (see SkippedItems), each with where it is and why. */
  skipped?: RunSkippedItem[];
  errors: RunRecord['errors'];
  /** What holds the run's output (none for a dry run, an import or a two-way run). */
  outputs?: RunOutput[];
  /** Mailboxes the job no longer selects whose output this run handled (export runs). */
  formerMembers?: RunRecord['formerMembers'];
}

/** Counts every skipped item and keeps the first MAX_RECORDED_SKIPS of them for the run record. */
export class SkippedItems {
  total = 0;
  readonly list: RunSkippedItem[] = [];

  add(mailbox: string, folder: string, skip: ItemSkip): void {
    this.total++;
    if (this.list.length >= MAX_RECORDED_SKIPS) return;
    this.list.push({ mailbox, folder, item: skip.itemId, ...(skip.subject ? { subject: skip.subject } : {}), reason: skip.error.info() });
  }
}

/** One entry per mailbox, its folders added up (an export reads several folders of one mailbox). */
export function perMailbox(folders: readonly FolderRunResult[], written: (f: FolderRunResult) => number): RunMailbox[] {
  const byMailbox = new Map<string, RunMailbox>();
  for (const f of folders) {
    const m = byMailbox.get(f.mailbox) ?? { mailbox: f.mailbox, ok: true, items: 0, itemsWritten: 0 };
    m.ok &&= f.ok;
    m.items += f.items;
    m.itemsWritten += written(f);
    if (f.error && !m.error) m.error = f.error;
    byMailbox.set(f.mailbox, m);
  }
  return [...byMailbox.values()];
}

/** One entry per result, as the run reported them (a two-way run's sides may be two calendars of one mailbox). */
export function perResult(results: readonly FolderRunResult[], written: (f: FolderRunResult) => number): RunMailbox[] {
  return results.map((f) => ({
    mailbox: f.mailbox,
    ok: f.ok,
    items: f.items,
    itemsWritten: written(f),
    ...(f.error ? { error: f.error } : {}),
  }));
}

export function buildRunRecord(job: Job, t: RunTally): RunRecord {
  const outputs = t.outputs ?? [];
  return {
    runId: t.runId,
    jobId: job.id,
    jobName: job.name,
    trigger: t.trigger ?? 'manual',
    dryRun: t.dryRun,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    // An item left out is not an error, but neither is the run complete: it reads as partial, never as ok.
    status: t.mailboxesFailed === 0 && t.errors.length === 0 && !t.itemsSkipped ? 'ok' : t.mailboxesOk > 0 ? 'partial' : 'failed',
    mailboxesOk: t.mailboxesOk,
    mailboxesFailed: t.mailboxesFailed,
    items: t.mailboxes.reduce((n, m) => n + m.items, 0),
    itemsWritten: t.mailboxes.reduce((n, m) => n + m.itemsWritten, 0),
    ...(t.itemsSkipped ? { itemsSkipped: t.itemsSkipped } : {}),
    ...(t.skipped?.length ? { skipped: t.skipped.slice(0, MAX_RECORDED_SKIPS) } : {}),
    ...(t.formerMembers?.length ? { formerMembers: t.formerMembers } : {}),
    errors: t.errors.slice(0, MAX_RECORDED_ERRORS),
    mailboxes: t.mailboxes,
    outputs,
    feeds: feedsOf(job, outputs),
  };
}

/**
 * The end of every run: the record, its log line, and the events a host waits for — a run that never got to
 * announce itself (it failed before planning mailboxes) still sends job.started, so job.finished is never alone.
 */
export function finishRun(job: Job, t: RunTally, end: { log: Logger; emit: (e: PumpEvent) => void; announced: boolean }): RunRecord {
  const record = buildRunRecord(job, t);
  end.log.info('pump.job.finished', {
    status: record.status,
    ok: record.mailboxesOk,
    failed: record.mailboxesFailed,
    written: record.itemsWritten,
    skipped: record.itemsSkipped ?? 0,
  });
  if (!end.announced)
    end.emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId: t.runId, at: t.startedAt, mailboxes: 0, dryRun: t.dryRun });
  end.emit({ type: 'job.finished', jobId: job.id, runId: record.runId, at: record.finishedAt, record });
  return record;
}
