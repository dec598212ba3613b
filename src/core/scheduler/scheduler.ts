// The pump's scheduler: due jobs run on their interval or cron schedule; a job never runs twice at once (a due
// run while one is going is skipped, "run now" is refused); pause/resume stops/starts scheduled runs for all jobs;
// every run is recorded in the history; progress is emitted as typed events for the RPC layer to forward.
import { randomUUID } from 'node:crypto';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import { jobNotFound } from '../store/job-store.js';
import type { JobRunResult } from '../sync/run-job.js';
import type { Job, PumpEvent, RunRecord } from '../../shared/job.js';
import { systemClock, type SchedulerClock } from './clock.js';
import type { JobExecutor, RunLog } from './job-executor.js';
import { nextRunAt } from './next-run.js';
import { TypedEmitter } from './typed-emitter.js';

export interface SchedulerDeps {
  jobs: { list(): Promise<Job[]> };
  history: Pick<RunLog, 'last'>;
  execute: JobExecutor;
  logger: Logger;
  /** false: runs start only by runNow (hosts and tests that schedule nothing); default true. */
  autoRun?: boolean;
  clock?: SchedulerClock;
  newRunId?: () => string;
}

export interface JobStatus {
  job: Job;
  state: 'idle' | 'running' | 'paused';
  nextRunAt?: string;
  lastRun?: RunRecord;
  running?: { runId: string; percent: number; trigger: RunRecord['trigger'] };
}

interface Running {
  runId: string;
  trigger: RunRecord['trigger'];
  percent: number;
  controller: AbortController;
  done: Promise<JobRunResult>;
}

export class PumpScheduler {
  readonly events = new TypedEmitter<PumpEvent>();
  private readonly clock: SchedulerClock;
  private readonly jobs = new Map<string, Job>();
  private readonly next = new Map<string, Date>();
  private readonly lastRun = new Map<string, RunRecord>();
  private readonly running = new Map<string, Running>();
  private paused = false;
  private stopped = false;
  private disarm?: () => void;

  constructor(private readonly deps: SchedulerDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  /** Loads the jobs and their last runs and arms the timer. Call reload() after jobs are added, changed or removed. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.reload();
  }

  async reload(): Promise<void> {
    const jobs = await this.deps.jobs.list();
    this.jobs.clear();
    this.next.clear();
    const now = this.clock.now();
    for (const job of jobs) {
      this.jobs.set(job.id, job);
      const last = this.lastRun.get(job.id) ?? (await this.deps.history.last(job.id).catch(() => undefined));
      if (last) this.lastRun.set(job.id, last);
      // A run cut short (its process was killed) did not do its work: the job is due as if it had never run.
      this.schedule(job, now, last && last.status !== 'interrupted' ? new Date(last.startedAt) : undefined);
    }
    this.arm();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  runningJobs(): string[] {
    return [...this.running.keys()];
  }

  pauseAll(): void {
    this.paused = true;
    this.arm();
    this.emitState();
  }

  resumeAll(): void {
    this.paused = false;
    this.arm();
    this.emitState();
  }

  /** Starts a run now (also while paused); refused while the job is running. */
  runNow(jobId: string, opts: { dryRun?: boolean } = {}): { runId: string; done: Promise<JobRunResult> } {
    const job = this.find(jobId);
    if (this.running.has(job.id)) throw new CalpumpError('pump.jobRunning', { params: { job: job.name } });
    const r = this.launch(job, 'manual', opts.dryRun);
    return { runId: r.runId, done: r.done };
  }

  cancel(jobId: string): boolean {
    const r = this.running.get(this.find(jobId).id);
    if (!r) return false;
    r.controller.abort();
    return true;
  }

  status(): JobStatus[] {
    return [...this.jobs.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((job) => {
        const r = this.running.get(job.id);
        const next = this.paused ? undefined : this.next.get(job.id);
        return {
          job,
          state: r ? 'running' : this.paused ? 'paused' : 'idle',
          nextRunAt: next?.toISOString(),
          lastRun: this.lastRun.get(job.id),
          running: r && { runId: r.runId, percent: r.percent, trigger: r.trigger },
        };
      });
  }

  /** Resolves when no run is in progress (runs started meanwhile are waited for too). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  /** Stops scheduling and waits for running jobs (cancelling them when asked). */
  async stop(opts: { cancel?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.disarm?.();
    this.disarm = undefined;
    if (opts.cancel) for (const r of this.running.values()) r.controller.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId) ?? [...this.jobs.values()].find((j) => j.name.toLowerCase() === jobId.toLowerCase());
    if (!job) throw jobNotFound(jobId);
    return job;
  }

  private schedule(job: Job, now: Date, lastStartedAt: Date | undefined): void {
    const at = nextRunAt(job, now, lastStartedAt);
    if (at) this.next.set(job.id, at);
    else this.next.delete(job.id);
  }

  private arm(): void {
    this.disarm?.();
    this.disarm = undefined;
    if (this.paused || this.stopped || this.deps.autoRun === false) return;
    const times = [...this.next.entries()].filter(([id]) => !this.running.has(id)).map(([, t]) => t.getTime());
    if (times.length === 0) return;
    this.disarm = this.clock.setTimer(Math.min(...times) - this.clock.now().getTime(), () => this.tick());
  }

  private tick(): void {
    this.disarm = undefined;
    if (this.paused || this.stopped) return;
    const now = this.clock.now().getTime();
    for (const [id, at] of this.next) {
      const job = this.jobs.get(id);
      if (job && at.getTime() <= now && !this.running.has(id)) this.launch(job, 'schedule');
    }
    this.arm();
  }

  private launch(job: Job, trigger: RunRecord['trigger'], dryRun = false): Running {
    const runId = (this.deps.newRunId ?? randomUUID)();
    const controller = new AbortController();
    const startedAt = this.clock.now();
    const entry: Running = { runId, trigger, percent: 0, controller, done: undefined as unknown as Promise<JobRunResult> };
    this.running.set(job.id, entry);
    this.deps.logger.info('scheduler.run.start', { job: job.name, runId, trigger });
    this.emitState();
    const onEvent = (e: PumpEvent) => {
      if (e.type === 'mailbox.progress' && e.total > 0) entry.percent = Math.round((e.done / e.total) * 100);
      this.events.emit(e);
    };
    entry.done = this.deps
      .execute(job, { trigger, dryRun, runId, signal: controller.signal, onEvent })
      .then((result) => {
        if (!dryRun) this.lastRun.set(job.id, result.record);
        return result;
      })
      .finally(() => {
        this.running.delete(job.id);
        // Only a scheduled run moves the schedule on; if the job is still configured, plan its next run.
        const current = this.jobs.get(job.id);
        if (current && trigger === 'schedule') this.schedule(current, this.clock.now(), startedAt);
        this.arm();
        this.emitState();
      });
    return entry;
  }

  private emitState(): void {
    this.events.emit({ type: 'scheduler.state', paused: this.paused, running: this.runningJobs() });
  }
}
