// The JobService the UI hosts use: jobs from the JobStore, scheduled and run by the pump's own scheduler
// (src/core/scheduler: next run from the last one, overdue jobs run at start, long waits re-armed, never two
// runs of one job at once) through the same executor `calpump jobs run` uses; its events become RPC events
// (progress, status, tray state) and runs land in the shared RunHistory. Pausing stops the schedules, not a run
// already going.
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { JobStore } from '../store/job-store.js';
import type { SyncStateStore } from '../store/sync-state-store.js';
import { createJobExecutor } from '../scheduler/job-executor.js';
import type { TypedJobDeps } from '../scheduler/run-typed-job.js';
import { PumpScheduler } from '../scheduler/scheduler.js';
import type { SchedulerClock } from '../scheduler/clock.js';
import type { TwoWayJobRules } from '../twoway/run-twoway-job.js';
import { JOB_SECRET_NAMES, jobSecretKey, type Job, type JobSecretsInput, type PumpEvent, type RunRecord } from '../../shared/job.js';
import type { Profile } from '../../shared/profile.js';
import type { AppState, BrokenJobView, JobView } from '../../shared/rpc.js';
import type { EventHub } from './event-hub.js';
import type { RunHistory } from '../store/run-history.js';
import type { JobService, ProfileRepository } from './services.js';
import { omit } from '../../shared/omit.js';

export interface PumpJobServiceDeps {
  jobs: JobStore;
  profiles: ProfileRepository;
  connectorFor: (profile: Profile) => Promise<Connector>;
  /** Opens the profile's writer for import jobs; without it their runs fail with a clear error. */
  writerFor?: (profile: Profile) => Promise<CalendarWriter>;
  /** Saved presence rule tables by name, for presence jobs (absent: only the built-in "default"). */
  presenceTable?: TypedJobDeps['presenceTable'];
  /** Saved two-way rules, for two-way jobs (absent: their runs fail with a clear error). */
  twoWayRules?: TwoWayJobRules;
  states: SyncStateStore;
  secrets: SecretStore;
  history: RunHistory;
  events: EventHub;
  logger: Logger;
  now?: () => Date;
  /** Run scheduled jobs when due (off in tests that only run jobs by hand). */
  schedule?: boolean;
  clock?: SchedulerClock;
}

export class PumpJobService implements JobService {
  private readonly scheduler: PumpScheduler;
  private readonly failing = new Set<string>();
  /** Runs cancelled by the user: they end as "cancelled", and do not mark the job failing. */
  private readonly cancelled = new Set<string>();
  private lastSyncAt?: string;

  constructor(private readonly deps: PumpJobServiceDeps) {
    const now = deps.now ?? (() => new Date());
    this.scheduler = new PumpScheduler({
      jobs: deps.jobs,
      history: deps.history,
      logger: deps.logger,
      autoRun: deps.schedule !== false,
      clock: deps.clock,
      execute: createJobExecutor({
        profiles: deps.profiles,
        connectorFor: deps.connectorFor,
        writerFor: deps.writerFor,
        presenceTable: deps.presenceTable,
        twoWayRules: deps.twoWayRules,
        states: deps.states,
        secrets: deps.secrets,
        history: deps.history,
        logger: deps.logger,
        now,
      }),
    });
    this.scheduler.events.on((e) => this.forward(e));
  }

  /** Records runs killed with their process as interrupted, remembers which jobs failed last, starts the schedules. */
  async start(): Promise<void> {
    await this.deps.history
      .recordInterrupted()
      .catch((e: unknown) => this.deps.logger.warn('pump.history.writeFailed', { what: 'interrupted', err: String(e) }));
    for (const job of await this.deps.jobs.list()) {
      const last = await this.deps.history.last(job.id);
      if (last?.status === 'failed' || last?.status === 'partial') this.failing.add(job.id);
      if (last && (!this.lastSyncAt || last.finishedAt > this.lastSyncAt)) this.lastSyncAt = last.finishedAt;
    }
    await this.scheduler.start();
  }

  stop(): void {
    void this.scheduler.stop({ cancel: true });
  }

  async list(): Promise<JobView[]> {
    return Promise.all((await this.deps.jobs.list()).map((j) => this.view(j)));
  }

  async broken(): Promise<BrokenJobView[]> {
    const file = this.deps.jobs.file.path;
    return (await this.deps.jobs.inventory()).broken.map(({ ref, field, problem, id, name, entry }) => ({
      ref,
      field,
      problem,
      id,
      name,
      file,
      entry,
    }));
  }

  async get(id: string): Promise<JobView> {
    return this.view(await this.deps.jobs.get(id));
  }

  async create(job: Omit<Job, 'id'>, secrets: JobSecretsInput): Promise<JobView> {
    const added = await this.deps.jobs.add(job);
    await this.applySecrets(added.id, secrets);
    await this.scheduler.reload();
    return this.view(added);
  }

  async update(job: Job, secrets: JobSecretsInput): Promise<JobView> {
    const { id, ...rest } = job;
    const updated = await this.deps.jobs.update(id, () => rest);
    await this.applySecrets(updated.id, secrets);
    await this.scheduler.reload();
    return this.view(updated);
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.deps.jobs.remove(id);
    if (this.runningOf(removed.id)) this.scheduler.cancel(removed.id);
    this.failing.delete(removed.id);
    await this.scheduler.reload();
    return true;
  }

  async runNow(id: string): Promise<{ runId: string }> {
    const job = await this.deps.jobs.get(id);
    const busy = this.runningOf(job.id);
    if (busy) return { runId: busy.runId };
    // The job may have been changed by another process (the CLI) since the last reload.
    await this.scheduler.reload();
    return { runId: this.scheduler.runNow(job.id).runId };
  }

  async cancel(id: string): Promise<boolean> {
    const job = await this.deps.jobs.get(id);
    const run = this.runningOf(job.id);
    if (!run) return false;
    this.cancelled.add(run.runId);
    return this.scheduler.cancel(job.id);
  }

  history(id: string | undefined, limit: number): Promise<RunRecord[]> {
    return this.deps.history.list(id, limit);
  }

  async pauseAll(): Promise<void> {
    this.scheduler.pauseAll();
  }

  async resumeAll(): Promise<void> {
    this.scheduler.resumeAll();
  }

  state(): AppState {
    const paused = this.scheduler.isPaused;
    const runningJobs = this.scheduler.runningJobs();
    const failingJobs = [...this.failing];
    const tray = paused ? 'paused' : runningJobs.length ? 'syncing' : failingJobs.length ? 'error' : 'idle';
    return { tray, paused, runningJobs, failingJobs, ...(this.lastSyncAt ? { lastSyncAt: this.lastSyncAt } : {}) };
  }

  private runningOf(jobId: string): { runId: string; percent: number } | undefined {
    return this.scheduler.status().find((s) => s.job.id === jobId)?.running;
  }

  private async view(job: Job): Promise<JobView> {
    const s = this.scheduler.status().find((x) => x.job.id === job.id);
    const lastRun = await this.deps.history.last(job.id);
    return {
      job,
      state: s?.state ?? (this.scheduler.isPaused ? 'paused' : 'idle'),
      ...(lastRun ? { lastRun } : {}),
      ...(s?.nextRunAt ? { nextRunAt: s.nextRunAt } : {}),
      ...(s?.running ? { running: { runId: s.running.runId, percent: s.running.percent } } : {}),
    };
  }

  private async applySecrets(jobId: string, secrets: JobSecretsInput): Promise<void> {
    for (const name of JOB_SECRET_NAMES) {
      const key = jobSecretKey(jobId, name);
      if (secrets[name] === null) await this.deps.secrets.delete(key);
      else if (secrets[name]) await this.deps.secrets.set(key, secrets[name]);
    }
  }

  /** The scheduler's and the runners' events as the RPC events the UI listens to. */
  private forward(e: PumpEvent): void {
    const events = this.deps.events;
    if (e.type === 'job.started') {
      events.emit('job.status', { jobId: e.jobId, runId: e.runId, status: 'running', at: e.at });
      events.emit('job.progress', { jobId: e.jobId, runId: e.runId, percent: 0, done: 0, total: e.mailboxes });
    } else if (e.type === 'mailbox.progress') {
      const percent = e.total ? Math.round((e.done / e.total) * 100) : 100;
      events.emit('job.progress', { jobId: e.jobId, runId: e.runId, percent, done: e.done, total: e.total, mailbox: e.mailbox });
    } else if (e.type === 'job.waiting') {
      events.emit('job.waiting', omit(e, 'type'));
    } else if (e.type === 'job.finished') {
      this.finished(e.jobId, e.record);
    } else if (e.type === 'scheduler.state') {
      events.emit('app.state', this.state());
    }
  }

  private finished(jobId: string, record: RunRecord): void {
    const cancelled = this.cancelled.delete(record.runId);
    this.lastSyncAt = record.finishedAt;
    if (record.status === 'ok') this.failing.delete(jobId);
    else if (!cancelled) this.failing.add(jobId);
    const total = record.mailboxesOk + record.mailboxesFailed;
    this.deps.events.emit('job.progress', { jobId, runId: record.runId, percent: 100, done: total, total });
    this.deps.events.emit('job.status', {
      jobId,
      runId: record.runId,
      status: cancelled ? 'cancelled' : record.status,
      at: record.finishedAt,
      ...(record.errors[0] ? { error: record.errors[0].error } : {}),
    });
  }
}
