// Runs a job end to end for any host (scheduler, `calpump jobs run`, RPC): profile → connector → runJob →
// close the connector → append the run to the history. Never throws: a job that cannot even start (unknown
// profile, missing secret) produces a failed RunRecord with the catalogue error, like any other run.
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SyncStateStore } from '../store/sync-state-store.js';
import type { JobRunResult, RunJobDeps } from '../sync/run-job.js';
import type { TwoWayJobHost, TwoWayJobRules } from '../twoway/run-twoway-job.js';
import { needsWriter, opensOwnSides, runTypedJob, type TypedJobDeps } from './run-typed-job.js';
import type { Job, PumpEvent, RunRecord } from '../../shared/job.js';
import type { Profile } from '../../shared/profile.js';

/** Where finished runs go: the CLI's per-job files (store/run-history-store.ts) or the UI hosts' runs.jsonl. */
export interface RunLog {
  append(run: RunRecord): Promise<void>;
  last(jobId: string): Promise<RunRecord | undefined>;
}

export interface JobExecutorDeps {
  profiles: { get(nameOrId: string): Promise<Profile> };
  connectorFor: (profile: Profile) => Promise<Connector> | Connector;
  states: SyncStateStore;
  secrets: SecretStore;
  history: RunLog;
  logger: Logger;
  now?: () => Date;
  webhook?: RunJobDeps['webhook'];
  /** Opens the profile's writer for import jobs; without it an import job's run fails with a clear error. */
  writerFor?: (profile: Profile) => Promise<CalendarWriter>;
  /** Saved presence rule tables by name, for presence jobs (absent: only the built-in "default"). */
  presenceTable?: TypedJobDeps['presenceTable'];
  /** Saved two-way rules, for two-way jobs (absent: their runs fail with a clear error). */
  twoWayRules?: TwoWayJobRules;
}

/**
 * A two-way job's host: each rule side gets a connector and a writer for its own profile (from the same
 * factories every other job type uses); the runner closes them.
 */
export function twoWayHostFor(
  rules: TwoWayJobRules | undefined,
  deps: {
    profiles: { get(nameOrId: string): Promise<Profile> };
    connectorFor: (p: Profile) => Promise<Connector> | Connector;
    writerFor?: (p: Profile) => Promise<CalendarWriter>;
  },
): TwoWayJobHost | undefined {
  if (!rules) return undefined;
  return {
    get: (id) => rules.get(id),
    stateDir: rules.stateDir,
    async openSide(name) {
      const profile = await deps.profiles.get(name);
      if (!deps.writerFor)
        throw new CalpumpError('input.invalid', {
          params: { field: 'type', problem: 'two-way jobs cannot run in this host yet; run the rule with `calpump twoway --rule-id ID`' },
        });
      const writer = await deps.writerFor(profile);
      try {
        return { connector: await deps.connectorFor(profile), writer };
      } catch (e) {
        await writer.close().catch(() => undefined);
        throw e;
      }
    },
  };
}

export interface ExecuteOptions {
  trigger: RunRecord['trigger'];
  dryRun?: boolean;
  runId?: string;
  signal?: AbortSignal;
  onEvent?: (e: PumpEvent) => void;
}

export type JobExecutor = (job: Job, opts: ExecuteOptions) => Promise<JobRunResult>;

export function createJobExecutor(deps: JobExecutorDeps): JobExecutor {
  const now = deps.now ?? (() => new Date());
  return async (job, opts) => {
    const runId = opts.runId;
    let connector: Connector | undefined;
    let writer: CalendarWriter | undefined;
    let result: JobRunResult;
    try {
      if (!opensOwnSides(job)) {
        const profile = await deps.profiles.get(job.profile);
        if (needsWriter(job)) writer = await deps.writerFor?.(profile);
        else connector = await deps.connectorFor(profile);
      }
      result = await runTypedJob(
        job,
        {
          connector,
          writer,
          states: deps.states,
          secrets: deps.secrets,
          logger: deps.logger,
          now,
          onEvent: opts.onEvent,
          webhook: deps.webhook,
          presenceTable: deps.presenceTable,
          twoWay: twoWayHostFor(deps.twoWayRules, deps),
          newRunId: runId ? () => runId : undefined,
        },
        { dryRun: opts.dryRun, trigger: opts.trigger, signal: opts.signal },
      );
    } catch (e) {
      const err = toCalpumpError(e);
      deps.logger.error('pump.job.notStarted', { job: job.name, errorId: err.id, evidence: err.evidence });
      const at = now().toISOString();
      const record: RunRecord = {
        runId: runId ?? `failed-${Date.now()}`,
        jobId: job.id,
        jobName: job.name,
        trigger: opts.trigger,
        dryRun: !!opts.dryRun,
        startedAt: at,
        finishedAt: at,
        status: 'failed',
        mailboxesOk: 0,
        mailboxesFailed: 0,
        items: 0,
        itemsWritten: 0,
        errors: [{ error: err.info() }],
      };
      opts.onEvent?.({ type: 'job.finished', jobId: job.id, runId: record.runId, at, record });
      result = { record, folders: [] };
    } finally {
      await connector?.close().catch(() => undefined);
      await writer?.close().catch(() => undefined);
    }
    if (!opts.dryRun)
      await deps.history.append(result.record).catch((e) => deps.logger.warn('pump.history.writeFailed', { err: String(e) }));
    return result;
  };
}
