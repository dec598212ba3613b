// The JobService the UI hosts use: jobs from the JobStore, runs through the pump's runJob, schedules with
// croner (cron) or a timer (interval), progress and status as RPC events, finished runs in RunHistory.
// One run per job at a time; pausing stops the schedules, not a run already going.
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { JobStore } from '../store/job-store.js';
import type { SyncStateStore } from '../store/sync-state-store.js';
import { needsWriter, opensOwnSides, runTypedJob, type TypedJobDeps } from '../scheduler/run-typed-job.js';
import { twoWayHostFor } from '../scheduler/job-executor.js';
import type { TwoWayJobRules } from '../twoway/run-twoway-job.js';
import type { RunJobOptions } from '../sync/run-job.js';
import { jobSecretKey, type Job, type PumpEvent, type RunRecord } from '../../shared/job.js';
import type { Profile } from '../../shared/profile.js';
import type { AppState, JobView } from '../../shared/rpc.js';
import type { EventHub } from './event-hub.js';
import type { RunHistory } from './run-history.js';
import type { JobService, ProfileRepository } from './services.js';

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
  /** Start timers for scheduled jobs (off in tests that only run jobs by hand). */
  schedule?: boolean;
}

interface Running {
  runId: string;
  percent: number;
  abort: AbortController;
}

type Timer = { next(): Date | undefined; stop(): void };

export class PumpJobService implements JobService {
  private readonly running = new Map<string, Running>();
  private readonly timers = new Map<string, Timer>();
  private readonly failing = new Set<string>();
  private paused = false;
  private lastSyncAt?: string;

  constructor(private readonly deps: PumpJobServiceDeps) {}

  /** Loads the jobs, remembers which ones failed last, and starts their schedules. */
  async start(): Promise<void> {
    for (const job of await this.deps.jobs.list()) {
      const last = await this.deps.history.last(job.id);
      if (last?.status === 'failed' || last?.status === 'partial') this.failing.add(job.id);
      if (last && (!this.lastSyncAt || last.finishedAt > this.lastSyncAt)) this.lastSyncAt = last.finishedAt;
      this.reschedule(job);
    }
  }

  stop(): void {
    for (const t of this.timers.values()) t.stop();
    this.timers.clear();
    for (const r of this.running.values()) r.abort.abort();
  }

  async list(): Promise<JobView[]> {
    return Promise.all((await this.deps.jobs.list()).map((j) => this.view(j)));
  }

  async get(id: string): Promise<JobView> {
    return this.view(await this.deps.jobs.get(id));
  }

  async create(job: Omit<Job, 'id'>, secrets: { webhookSecret?: string | null }): Promise<JobView> {
    const added = await this.deps.jobs.add(job);
    await this.applySecrets(added.id, secrets);
    this.reschedule(added);
    return this.view(added);
  }

  async update(job: Job, secrets: { webhookSecret?: string | null }): Promise<JobView> {
    const { id, ...rest } = job;
    const updated = await this.deps.jobs.update(id, () => rest);
    await this.applySecrets(updated.id, secrets);
    this.reschedule(updated);
    return this.view(updated);
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.deps.jobs.remove(id);
    this.timers.get(removed.id)?.stop();
    this.timers.delete(removed.id);
    this.running.get(removed.id)?.abort.abort();
    this.failing.delete(removed.id);
    return true;
  }

  async runNow(id: string): Promise<{ runId: string }> {
    const job = await this.deps.jobs.get(id);
    const busy = this.running.get(job.id);
    if (busy) return { runId: busy.runId };
    return { runId: this.launch(job, 'manual') };
  }

  async cancel(id: string): Promise<boolean> {
    const job = await this.deps.jobs.get(id);
    const run = this.running.get(job.id);
    run?.abort.abort();
    return !!run;
  }

  history(id: string | undefined, limit: number): Promise<RunRecord[]> {
    return this.deps.history.list(id, limit);
  }

  async pauseAll(): Promise<void> {
    this.paused = true;
  }

  async resumeAll(): Promise<void> {
    this.paused = false;
  }

  state(): AppState {
    const runningJobs = [...this.running.keys()];
    const failingJobs = [...this.failing];
    const tray = this.paused ? 'paused' : runningJobs.length ? 'syncing' : failingJobs.length ? 'error' : 'idle';
    return { tray, paused: this.paused, runningJobs, failingJobs, ...(this.lastSyncAt ? { lastSyncAt: this.lastSyncAt } : {}) };
  }

  private async view(job: Job): Promise<JobView> {
    const run = this.running.get(job.id);
    const lastRun = await this.deps.history.last(job.id);
    const next = this.paused ? undefined : this.timers.get(job.id)?.next();
    return {
      job,
      state: run ? 'running' : this.paused ? 'paused' : 'idle',
      ...(lastRun ? { lastRun } : {}),
      ...(next ? { nextRunAt: next.toISOString() } : {}),
      ...(run ? { running: { runId: run.runId, percent: run.percent } } : {}),
    };
  }

  private async applySecrets(jobId: string, secrets: { webhookSecret?: string | null }): Promise<void> {
    const key = jobSecretKey(jobId, 'webhookSecret');
    if (secrets.webhookSecret === null) await this.deps.secrets.delete(key);
    else if (secrets.webhookSecret) await this.deps.secrets.set(key, secrets.webhookSecret);
  }

  private reschedule(job: Job): void {
    this.timers.get(job.id)?.stop();
    this.timers.delete(job.id);
    if (!this.deps.schedule) return;
    const fire = () => {
      if (this.paused || this.running.has(job.id)) return;
      // Read the job again: it may have been edited since the timer was set.
      void this.deps.jobs.get(job.id).then((j) => this.launch(j, 'schedule'), () => undefined);
    };
    const s = job.schedule;
    if (s.kind === 'interval' && s.active) {
      const ms = s.minutes * 60_000;
      let due = Date.now() + ms;
      const handle = setInterval(() => {
        due = Date.now() + ms;
        fire();
      }, ms);
      handle.unref?.();
      this.timers.set(job.id, { next: () => new Date(due), stop: () => clearInterval(handle) });
    } else if (s.kind === 'cron' && s.active) {
      const cron = new Cron(s.cron, { unref: true, protect: true }, fire);
      this.timers.set(job.id, { next: () => cron.nextRun() ?? undefined, stop: () => cron.stop() });
    }
  }

  private launch(job: Job, trigger: RunRecord['trigger']): string {
    const runId = randomUUID();
    const run: Running = { runId, percent: 0, abort: new AbortController() };
    this.running.set(job.id, run);
    const now = this.deps.now ?? (() => new Date());
    this.deps.events.emit('job.status', { jobId: job.id, runId, status: 'running', at: now().toISOString() });
    this.deps.events.emit('job.progress', { jobId: job.id, runId, percent: 0, done: 0, total: 0 });
    this.emitState();
    void this.execute(job, run, trigger).finally(() => {
      this.running.delete(job.id);
      this.emitState();
    });
    return runId;
  }

  private async execute(job: Job, run: Running, trigger: RunRecord['trigger']): Promise<void> {
    const now = this.deps.now ?? (() => new Date());
    const log = this.deps.logger.child({ job: job.name, runId: run.runId });
    let connector: Connector | undefined;
    let writer: CalendarWriter | undefined;
    try {
      if (!opensOwnSides(job)) {
        const profile = await this.deps.profiles.get(job.profile);
        if (needsWriter(job)) writer = await this.deps.writerFor?.(profile);
        else connector = await this.deps.connectorFor(profile);
      }
      const onEvent = (e: PumpEvent) => {
        if (e.type !== 'mailbox.progress') return;
        run.percent = e.total ? Math.round((e.done / e.total) * 100) : 100;
        this.deps.events.emit('job.progress', { jobId: job.id, runId: run.runId, percent: run.percent, done: e.done, total: e.total, mailbox: e.mailbox });
      };
      const opts: RunJobOptions = { trigger, signal: run.abort.signal };
      const { record } = await runTypedJob(job, { connector, writer, states: this.deps.states, secrets: this.deps.secrets, logger: log, now, onEvent, presenceTable: this.deps.presenceTable, twoWay: twoWayHostFor(this.deps.twoWayRules, this.deps), newRunId: () => run.runId }, opts);
      await this.finish(job, record, run.abort.signal.aborted);
    } catch (e) {
      const err = toCalpumpError(e);
      log.error('job.run.failed', { error: err.id, evidence: err.evidence });
      const at = now().toISOString();
      const record: RunRecord = {
        runId: run.runId, jobId: job.id, jobName: job.name, trigger, dryRun: false, startedAt: at, finishedAt: at,
        status: 'failed', mailboxesOk: 0, mailboxesFailed: 0, items: 0, itemsWritten: 0, errors: [{ error: err.info() }],
      };
      await this.finish(job, record, false);
    } finally {
      await connector?.close().catch(() => undefined);
      await writer?.close().catch(() => undefined);
    }
  }

  private async finish(job: Job, record: RunRecord, cancelled: boolean): Promise<void> {
    await this.deps.history.append(record).catch((e: unknown) => this.deps.logger.error('job.history.writeFailed', { error: String(e) }));
    this.lastSyncAt = record.finishedAt;
    if (record.status === 'ok') this.failing.delete(job.id);
    else if (!cancelled) this.failing.add(job.id);
    this.deps.events.emit('job.progress', { jobId: job.id, runId: record.runId, percent: 100, done: record.mailboxesOk + record.mailboxesFailed, total: record.mailboxesOk + record.mailboxesFailed });
    this.deps.events.emit('job.status', {
      jobId: job.id,
      runId: record.runId,
      status: cancelled ? 'cancelled' : record.status,
      at: record.finishedAt,
      ...(record.errors[0] ? { error: record.errors[0].error } : {}),
    });
  }

  private emitState(): void {
    this.deps.events.emit('app.state', this.state());
  }
}

