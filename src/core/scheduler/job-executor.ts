// Runs a job end to end for any host (scheduler, `calpump jobs run`, RPC): profile → connector → runJob →
// close the connector → append the run to the history. Never throws: a job that cannot even start (unknown
// profile, missing secret) produces a failed RunRecord with the catalogue error, like any other run.
import { randomUUID } from 'node:crypto';
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { Logger } from '../log/logger.js';
import { withServerWaitListener, type ServerWait } from '../net/server-wait.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { RunHistory } from '../store/run-history.js';
import type { SyncStateStore } from '../store/sync-state-store.js';
import { buildRunRecord } from '../sync/run-record.js';
import type { JobRunResult, RunJobDeps } from '../sync/run-job.js';
import type { TwoWayJobHost, TwoWayJobRules } from '../twoway/run-twoway-job.js';
import { needsWriter, opensOwnSides, runTypedJob, type TypedJobDeps } from './run-typed-job.js';
import type { Job, PumpEvent, RunRecord } from '../../shared/job.js';
import type { Profile } from '../../shared/profile.js';

/** Where runs are recorded: the one run history every host shares (store/run-history.ts). */
export type RunLog = Pick<RunHistory, 'started' | 'finished' | 'last'>;

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
  /** Told of the visible waits the sides' requests meet (the run's job.waiting events). */
  onWait?: (w: ServerWait) => void,
): TwoWayJobHost | undefined {
  if (!rules) return undefined;
  return {
    get: (id) => rules.get(id),
    stateDir: rules.stateDir,
    async openSide(name) {
      const profile = await deps.profiles.get(name);
      if (!deps.writerFor)
        throw new CalpumpError('input.invalid', {
          params: { field: 'type', problem: text('problem.host.noTwoWay') },
        });
      const writer = await deps.writerFor(profile);
      try {
        const connector = await deps.connectorFor(profile);
        // The sides live as long as the run (the runner closes them): their channels are listened to until then.
        if (onWait) for (const side of [connector, writer]) side.serverWaits?.listen(onWait);
        return { connector, writer };
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
  const record = async (what: string, write: () => Promise<void>) =>
    write().catch((e: unknown) => deps.logger.warn('pump.history.writeFailed', { what, err: String(e) }));
  return async (job, opts) => {
    const runId = opts.runId ?? randomUUID();
    const startedAt = now().toISOString();
    const trigger = opts.trigger;
    const dryRun = !!opts.dryRun;
    // A dry run writes nothing, not even history; a real one says it began, so a killed run shows as interrupted.
    if (!dryRun) await record('start', () => deps.history.started({ runId, jobId: job.id, jobName: job.name, trigger, dryRun, startedAt }));
    // job.finished goes out once the run is in the history, so a host that reads the history on it finds the run.
    let finished: PumpEvent | undefined;
    const onEvent = (e: PumpEvent) => (e.type === 'job.finished' && !dryRun ? (finished = e) : opts.onEvent?.(e));
    // Server-requested waits met anywhere in this run (any connector, any job type) become job.waiting events.
    const onWait = (w: ServerWait) =>
      opts.onEvent?.({ type: 'job.waiting', jobId: job.id, runId, mailbox: w.mailbox, ms: w.ms, reason: w.reason, until: w.until });
    let connector: Connector | undefined;
    let writer: CalendarWriter | undefined;
    let result: JobRunResult;
    try {
      if (!opensOwnSides(job)) {
        const profile = await deps.profiles.get(job.profile);
        if (needsWriter(job)) writer = await deps.writerFor?.(profile);
        else connector = await deps.connectorFor(profile);
      }
      result = await withServerWaitListener([connector?.serverWaits, writer?.serverWaits], onWait, () =>
        runTypedJob(
          job,
          {
            connector,
            writer,
            states: deps.states,
            secrets: deps.secrets,
            logger: deps.logger,
            now,
            onEvent,
            webhook: deps.webhook,
            presenceTable: deps.presenceTable,
            twoWay: twoWayHostFor(deps.twoWayRules, deps, onWait),
            newRunId: () => runId,
            startedAt,
          },
          { dryRun: opts.dryRun, trigger: opts.trigger, signal: opts.signal },
        ),
      );
    } catch (e) {
      const err = toCalpumpError(e);
      deps.logger.error('pump.job.notStarted', { job: job.name, errorId: err.id, evidence: err.evidence });
      const failed = buildRunRecord(job, {
        runId,
        trigger,
        dryRun,
        startedAt,
        finishedAt: now().toISOString(),
        mailboxesOk: 0,
        mailboxesFailed: 0,
        mailboxes: [],
        errors: [{ error: err.info() }],
      });
      onEvent({ type: 'job.finished', jobId: job.id, runId, at: failed.finishedAt, record: failed });
      result = { record: failed, folders: [] };
    } finally {
      await connector?.close().catch(() => undefined);
      await writer?.close().catch(() => undefined);
    }
    if (!dryRun) await record('end', () => deps.history.finished(result.record));
    if (finished) opts.onEvent?.(finished);
    return result;
  };
}
