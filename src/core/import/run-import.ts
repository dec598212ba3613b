// Runs an import job: read the source (nothing is written if it cannot be read), turn rows into appointments,
// and for each mailbox — through one concurrency-bounded loop — list what the job wrote before, plan, and write
// in batches. A malformed row is reported with its line and skipped; one failing mailbox never stops the others.
// Interrupted runs are safe to repeat: every create carries its source key, and the next run reconciles by it.
import type { ErrorInfo, TextRef } from '../../shared/errors.js';
import type { CalendarWriter, WriteOutcome } from '../connectors/writer.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { mapBounded } from '../sync/bounded-pool.js';
import type { ImportJob } from './import-job.js';
import { DesiredItems } from './desired-items.js';
import { planMailbox, type PlannedWrite } from './import-plan.js';
import { loadImportMailboxes, saveImportMailboxes } from './import-state.js';
import { itemMaker } from './row-to-item.js';
import type { RowProblem } from './source-row.js';
import { displayUrl, streamSource, type SourceDeps } from './sources/read-source.js';

export interface ImportRunDeps {
  writer: CalendarWriter;
  logger: Logger;
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Folder for the job's small state file (mailboxes written to); none = only this run's mailboxes. */
  stateDir?: string;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  fetchText?: SourceDeps['fetchText'];
}

export interface ImportProgress {
  mailbox: string;
  action: PlannedWrite['action'];
  items: number;
  failed: number;
}

export interface MailboxImportResult {
  mailbox: string;
  ok: boolean;
  creates: number;
  updates: number;
  deletes: number;
  unchanged: number;
  failed: number;
  /** Dry run: what would be written (the first REPORTED_LIMIT; plannedOmitted counts the rest). */
  planned?: Array<Omit<PlannedWrite, 'request'>>;
  plannedOmitted?: number;
  errors: Array<{ key?: string; error: ErrorInfo }>;
}

export interface ImportReport {
  job: string;
  dryRun: boolean;
  aborted: boolean;
  documents: string[];
  rows: number;
  /** The first REPORTED_LIMIT rows that could not be read, by file and line; rowErrorCount counts them all. */
  rowErrors: Array<{ file: string; line: number; problem: TextRef; error: ErrorInfo }>;
  rowErrorCount: number;
  /** A job-level refusal (empty source); nothing was deleted. */
  error?: ErrorInfo;
  mailboxes: MailboxImportResult[];
  totals: { creates: number; updates: number; deletes: number; unchanged: number; failed: number };
}

const ORDER: PlannedWrite['action'][] = ['delete', 'update', 'create'];

/**
 * How many planned writes (per mailbox) and unreadable rows a report lists one by one; the rest are counted. A
 * dry run of a million rows says what it would do without a million-line report.
 */
export const REPORTED_LIMIT = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function runImport(job: ImportJob, opts: { dryRun?: boolean }, deps: ImportRunDeps): Promise<ImportReport> {
  const now = deps.now?.() ?? new Date();
  const log = deps.logger.child({ importJob: job.id });
  // Rows become items as they are parsed: the source's text and raw rows are never held all at once.
  const problems: RowProblem[] = [];
  const desired = new DesiredItems(job);
  const toItem = itemMaker(job);
  const source = await streamSource(
    job,
    { secrets: deps.secrets, env: deps.env, now, fetchText: deps.fetchText },
    {
      row(row) {
        const r = toItem(row);
        if (r.item) desired.add(r.item);
        else problems.push(r.problem!);
      },
      problem: (p) => problems.push(p),
    },
  );
  desired.finish(problems);
  const protectedKeys = new Set(problems.map((p) => p.key).filter((k): k is string => !!k));
  const known = await loadImportMailboxes(deps.stateDir, job.id);
  const mailboxes = [...new Set([...desired.mailboxes(), ...job.mailboxes.map((m) => m.toLowerCase()), ...known])].sort();
  const emptySource = desired.items === 0 && !job.allowEmptySource;
  const report: ImportReport = {
    job: job.id,
    dryRun: !!opts.dryRun,
    aborted: false,
    documents: source.documents,
    rows: source.rows,
    rowErrorCount: problems.length,
    rowErrors: problems
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
      .slice(0, REPORTED_LIMIT)
      .map((p) => ({
        ...p,
        error: new CalpumpError('import.row.invalid', { params: { file: p.file, line: String(p.line), problem: p.problem } }).info(),
      })),
    mailboxes: [],
    totals: { creates: 0, updates: 0, deletes: 0, unchanged: 0, failed: 0 },
  };
  for (const p of problems.slice(0, REPORTED_LIMIT)) log.warn('import.row.invalid', { file: p.file, line: p.line, problem: p.problem });
  if (problems.length > REPORTED_LIMIT) log.warn('import.row.invalidMore', { more: problems.length - REPORTED_LIMIT });

  let ownedBefore = 0;
  const remaining = new Map<string, number>();
  report.mailboxes = await mapBounded(mailboxes, job.concurrency, async (mailbox) => {
    const result: MailboxImportResult = { mailbox, ok: true, creates: 0, updates: 0, deletes: 0, unchanged: 0, failed: 0, errors: [] };
    const fail = (e: unknown, key?: string) => {
      result.ok = false;
      result.errors.push({ key, error: toCalpumpError(e).info() });
    };
    try {
      if (deps.signal?.aborted) return result;
      const owned = await deps.writer.listOwned(mailbox, job.folder, { scope: job.id });
      ownedBefore += owned.length;
      remaining.set(mailbox, owned.length);
      const plan = planMailbox(job.id, desired.for(mailbox), owned, {
        protectedKeys,
        deleteMissing: job.deleteMissing && !emptySource,
        ...(opts.dryRun ? { listOnly: REPORTED_LIMIT } : {}),
      });
      result.unchanged = plan.unchanged;
      if (opts.dryRun) {
        result.planned = plan.writes;
        result.creates = plan.counts.create;
        result.updates = plan.counts.update;
        result.deletes = plan.counts.delete;
        const omitted = result.creates + result.updates + result.deletes - plan.writes.length;
        if (omitted > 0) result.plannedOmitted = omitted;
        return result;
      }
      remaining.set(mailbox, owned.length + plan.writes.filter((w) => w.action === 'create').length);
      for (const action of ORDER) {
        for (const batch of chunks(
          plan.writes.filter((w) => w.action === action),
          deps.writer.maxBatch,
        )) {
          if (deps.signal?.aborted) return result;
          const outcomes: WriteOutcome[] =
            action === 'delete'
              ? await deps.writer.delete(
                  mailbox,
                  batch.map((w) => w.id!),
                )
              : await deps.writer.upsert(
                  mailbox,
                  job.folder,
                  batch.map((w) => w.request!),
                );
          let failed = 0;
          outcomes.forEach((o, i) => {
            if (o.ok) result[`${action}s`]++;
            else {
              failed++;
              result.failed++;
              fail(o.error, batch[i].key);
            }
          });
          deps.onProgress?.({ mailbox, action, items: batch.length, failed });
        }
      }
    } catch (e) {
      fail(e);
      log.warn('import.mailbox.failed', { mailbox, errorId: toCalpumpError(e).id });
    }
    return result;
  });
  report.aborted = !!deps.signal?.aborted;
  if (emptySource && ownedBefore > 0) {
    report.error = new CalpumpError('import.source.empty', {
      params: { source: job.source.path ?? displayUrl(job.source.url ?? ''), count: String(ownedBefore) },
    }).info();
  }
  for (const m of report.mailboxes) {
    for (const k of ['creates', 'updates', 'deletes', 'unchanged', 'failed'] as const) report.totals[k] += m[k];
  }
  if (!opts.dryRun && !report.aborted) {
    // Keep a mailbox while the job may still own items there: it has rows, items left, or it failed.
    const keep = report.mailboxes
      .filter((m) => desired.has(m.mailbox) || !m.ok || (remaining.get(m.mailbox) ?? 1) - m.deletes > 0)
      .map((m) => m.mailbox);
    await saveImportMailboxes(deps.stateDir, job.id, keep);
  }
  log.info('import.done', {
    ...report.totals,
    mailboxes: report.mailboxes.length,
    rowErrors: report.rowErrorCount,
    dryRun: report.dryRun,
    aborted: report.aborted,
  });
  return report;
}
