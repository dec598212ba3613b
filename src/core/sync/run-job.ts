// Runs one job: plan mailboxes → for each mailbox (bounded concurrency) plan folders → sync each folder. One
// mailbox failing is recorded and the others complete; its state is untouched, so the next run retries it.
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Connector } from '../connectors/connector.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SyncStateStore } from '../store/sync-state-store.js';
import { createTarget, type PumpTarget, type TargetDeps } from '../export/targets/index.js';
import type { Job, PumpEvent, RunOutput, RunRecord } from '../../shared/job.js';
import type { FolderRunResult, JobRunResult, RunJobOptions } from './run-result.js';
import { mapLanes, ThrottleLanes } from './throttle-lanes.js';
import { withThrottleObserver } from '../net/server-wait.js';
import { dryRunFolder } from './dry-run.js';
import { syncFolder, type FolderSyncContext } from './folder-sync.js';
import { folderKey, prefetchChanges } from './prefetch-changes.js';
import { planFolders, planMailboxes } from './mailbox-plan.js';
import { acquireRunLock } from './run-lock.js';
import { jobWindow } from './window.js';
import { finishRun, perMailbox, SkippedItems } from './run-record.js';
import { handleFormerMembers } from './former-members.js';
import { dryRunItemFolder } from './item-dry-run.js';
import { pimContentOf, syncItemFolder } from './item-sync.js';

export interface RunJobDeps {
  connector: Connector;
  states: SyncStateStore;
  secrets: SecretStore;
  logger: Logger;
  now?: () => Date;
  onEvent?: (e: PumpEvent) => void;
  /** Overrides the target built from the job (tests). */
  target?: PumpTarget;
  webhook?: TargetDeps['webhook'];
  newRunId?: () => string;
  /** When the run began, if its host already said so (the history's start line). */
  startedAt?: string;
}

export type { FolderRunResult, JobRunResult, RunJobOptions } from './run-result.js';

export function configHashOf(job: Job): string {
  // Calendar jobs hash their filters alone, as before contacts and tasks existed (their states stay usable).
  // A field selection joins them only when there is one, so jobs without it keep their states as well.
  const shaping =
    job.content && job.content !== 'calendar'
      ? { content: job.content, filters: job.filters }
      : job.fields
        ? { filters: job.filters, fields: job.fields }
        : job.filters;
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex').slice(0, 16);
}

export async function runJob(job: Job, deps: RunJobDeps, opts: RunJobOptions = {}): Promise<JobRunResult> {
  const now = deps.now ?? (() => new Date());
  const runId = (deps.newRunId ?? randomUUID)();
  const startedAt = deps.startedAt ?? now().toISOString();
  const dryRun = !!opts.dryRun;
  const log = deps.logger.child({ job: job.name, runId });
  const emit = (e: PumpEvent) => deps.onEvent?.(e);
  const folders: FolderRunResult[] = [];
  const errors: RunRecord['errors'] = [];
  let mailboxesOk = 0;
  let mailboxesFailed = 0;
  const skipped = new SkippedItems();
  let started = false;

  let outputs: RunOutput[] = [];
  let formerMembers: RunRecord['formerMembers'];
  const finish = (): JobRunResult => {
    const record = finishRun(
      job,
      {
        runId,
        trigger: opts.trigger,
        dryRun,
        startedAt,
        finishedAt: now().toISOString(),
        mailboxesOk,
        mailboxesFailed,
        mailboxes: perMailbox(folders, (f) => (dryRun ? 0 : f.upserts + f.deletes)),
        itemsSkipped: skipped.total,
        skipped: skipped.list,
        errors,
        outputs,
        formerMembers,
      },
      { log, emit, announced: started },
    );
    return { record, folders };
  };

  let release: (() => Promise<void>) | undefined;
  let target: PumpTarget | undefined;
  try {
    if (!dryRun) {
      release = await acquireRunLock(join(deps.states.jobDir(job.id), 'run.lock'), job.name);
      await deps.states.sweep(job.id);
    }
    const mailboxes = await planMailboxes(job, deps.connector);
    if (!dryRun)
      target = deps.target ?? (await createTarget(job, { states: deps.states, secrets: deps.secrets, logger: log, webhook: deps.webhook }));
    emit({ type: 'job.started', jobId: job.id, jobName: job.name, runId, at: startedAt, mailboxes: mailboxes.length, dryRun });
    started = true;
    log.info('pump.job.started', { mailboxes: mailboxes.length, dryRun });

    const window = jobWindow(now(), job.window);
    const ctx: FolderSyncContext = {
      job,
      connector: deps.connector,
      target: target!,
      states: deps.states,
      logger: log,
      window,
      now,
      configHash: configHashOf(job),
      signal: opts.signal,
      onItemSkipped: (mailbox, folder, skip) => skipped.add(mailbox, folder, skip),
    };
    // Backends that batch across mailboxes (Graph) learn every folder's changes first, in few requests.
    const content = pimContentOf(ctx);
    const asked =
      !dryRun && !content && !job.folders.includeSubfolders
        ? await prefetchChanges(ctx, mailboxes, job.folders.ids, job.concurrency)
        : undefined;
    let done = 0;
    // EWS throttles per account: a wait holds the next mailboxes back, and a mailbox sleeping out a back-off lends
    // its slot (throttle-lanes.ts). Graph throttles per mailbox: its waits hold back no other.
    const lanes = new ThrottleLanes(job.concurrency, opts.signal);
    const waits = deps.connector.kind === 'ews' ? deps.connector.serverWaits : undefined;
    await mapLanes(mailboxes, lanes, (mailbox) => withThrottleObserver(waits, lanes.observer, () => syncMailbox(mailbox)));
    async function syncMailbox(mailbox: string): Promise<void> {
      const mine: FolderRunResult[] = [];
      const fail = (folder: string | undefined, e: unknown) => {
        const err = toCalpumpError(e);
        log.warn('pump.folder.failed', { mailbox, folder, errorId: err.id, evidence: err.evidence });
        const info = err.info();
        errors.push({ mailbox, folder, error: info });
        return info;
      };
      try {
        if (opts.signal?.aborted) throw new CalpumpError('pump.cancelled', { params: { job: job.name, mailbox } });
        for (const folder of await planFolders(job, deps.connector, mailbox)) {
          if (opts.signal?.aborted) throw new CalpumpError('pump.cancelled', { params: { job: job.name, mailbox } });
          try {
            if (dryRun) {
              const r = content ? await dryRunItemFolder(ctx, mailbox, folder, content) : await dryRunFolder(ctx, mailbox, folder);
              mine.push({ mailbox, folder, ok: true, ...r });
            } else {
              const r = content
                ? await syncItemFolder(ctx, mailbox, folder, content)
                : await syncFolder(ctx, mailbox, folder, asked?.get(folderKey(mailbox, folder)));
              mine.push({ mailbox, folder, ok: true, items: r.items, upserts: r.upserts, deletes: r.deletes, fullRead: r.fullRead });
            }
          } catch (e) {
            mine.push({ mailbox, folder, ok: false, items: 0, upserts: 0, deletes: 0, error: fail(folder, e) });
          }
        }
      } catch (e) {
        mine.push({ mailbox, folder: '', ok: false, items: 0, upserts: 0, deletes: 0, error: fail(undefined, e) });
      }
      const ok = mine.every((f) => f.ok);
      if (ok) mailboxesOk++;
      else mailboxesFailed++;
      folders.push(...mine);
      const failed = mine.find((f) => !f.ok);
      emit({
        type: 'mailbox.progress',
        jobId: job.id,
        runId,
        mailbox,
        done: ++done,
        total: mailboxes.length,
        ok,
        items: mine.reduce((n, f) => n + f.items, 0),
        errorId: failed?.error?.id,
      });
    }
    if (target && !opts.signal?.aborted) {
      const covered = folders.filter((f) => f.folder).map((f) => ({ jobId: job.id, mailbox: f.mailbox, folder: f.folder }));
      const former = await handleFormerMembers({ job, target, states: deps.states, logger: log }, new Set(mailboxes), covered);
      if (former.handled.length) formerMembers = former.handled;
      errors.push(...former.errors);
    }
    if (target) outputs = (await target.outputs(folders.filter((f) => f.ok))).sort((a, b) => a.path.localeCompare(b.path));
  } catch (e) {
    const err = toCalpumpError(e);
    log.error('pump.job.failed', { errorId: err.id, evidence: err.evidence });
    errors.push({ error: err.info() });
  }
  try {
    folders.sort((a, b) => a.mailbox.localeCompare(b.mailbox) || a.folder.localeCompare(b.folder));
    const result = finish();
    // A target that keeps run records beside the output (PostgreSQL `runs`) gets this one; failing to is only logged.
    if (target?.recordRun)
      await target.recordRun(result.record).catch((e) => log.warn('pump.runRecord.failed', { errorId: toCalpumpError(e).id }));
    return result;
  } finally {
    if (!deps.target) await target?.close().catch(() => undefined);
    await release?.();
  }
}
