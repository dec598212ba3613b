import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { createJobExecutor, type JobExecutor } from '../../../src/core/scheduler/job-executor.js';
import { PumpScheduler } from '../../../src/core/scheduler/scheduler.js';
import { RunHistory } from '../../../src/core/store/run-history.js';
import type { Job, PumpEvent } from '../../../src/shared/job.js';
import type { Profile } from '../../../src/shared/profile.js';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { ManualClock, settle } from '../../support/manual-clock.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { thrownBy } from '../../support/typed-expect.js';

const profile = { id: 'p1', name: 'sim', kind: 'ews' } as unknown as Profile;

describe('PumpScheduler', () => {
  let h: Harness;
  let clock: ManualClock;
  let history: RunHistory;
  let connector: FakeConnector;
  let jobs: Job[];
  let scheduler: PumpScheduler;
  let started: Array<{ job: string; trigger: string }>;

  beforeEach(async () => {
    h = await createHarness('2026-03-01T06:00:00.000Z');
    clock = new ManualClock('2026-03-01T06:00:00.000Z');
    history = new RunHistory(h.dir);
    connector = new FakeConnector();
    connector.put('anna@contoso.com', 'calendar', makeEvent({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }));
    jobs = [];
    started = [];
  });
  afterEach(async () => {
    await scheduler?.stop({ cancel: true });
    await h.cleanup();
  });

  function realExecutor(): JobExecutor {
    const execute = createJobExecutor({
      profiles: { get: async () => profile },
      connectorFor: () => connector,
      states: h.states,
      secrets: h.secrets,
      history,
      logger: h.logger,
      now: () => clock.now(),
    });
    return (job, opts) => {
      started.push({ job: job.name, trigger: opts.trigger });
      return execute(job, opts);
    };
  }

  function make(execute: JobExecutor = realExecutor()) {
    let n = 0;
    scheduler = new PumpScheduler({
      jobs: { list: async () => jobs },
      history,
      execute,
      logger: h.logger,
      clock,
      newRunId: () => `run-${++n}`,
    });
    return scheduler;
  }

  it('runs an interval job at start when it never ran, then every N minutes, and records each run', async () => {
    jobs = [h.job({ schedule: { kind: 'interval', minutes: 30 } })];
    await make().start();
    await clock.advance(0);
    expect(started).toEqual([{ job: 'Test job', trigger: 'schedule' }]);
    await scheduler.whenIdle();
    await clock.advance(29 * 60_000);
    expect(started).toHaveLength(1);
    await clock.advance(60_000);
    expect(started).toHaveLength(2);
    await scheduler.whenIdle();
    const runs = await history.list(jobs[0].id);
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(runs[1]).toMatchObject({
      trigger: 'schedule',
      mailboxesOk: 1,
      mailboxesFailed: 0,
      itemsWritten: 1,
      startedAt: '2026-03-01T06:00:00.000Z',
    });
  });

  it('keeps the rhythm across a restart: the next run counts from the last recorded start', async () => {
    jobs = [h.job({ schedule: { kind: 'interval', minutes: 60 } })];
    await make().start();
    await clock.advance(0);
    await scheduler.whenIdle();
    await scheduler.stop();
    await clock.advance(20 * 60_000);
    await make().start();
    expect(scheduler.status()[0].nextRunAt).toBe('2026-03-01T07:00:00.000Z');
  });

  it('runs an interval job at start when its last run was interrupted (its process was killed)', async () => {
    jobs = [h.job({ schedule: { kind: 'interval', minutes: 60 } })];
    const killed = new RunHistory(h.dir, { alive: () => false });
    await killed.started({
      runId: 'killed',
      jobId: jobs[0].id,
      jobName: jobs[0].name,
      trigger: 'schedule',
      dryRun: false,
      startedAt: '2026-03-01T05:50:00.000Z',
    });
    history = killed;
    await make().start();
    expect(scheduler.status()[0].nextRunAt).toBe('2026-03-01T06:00:00.000Z');
    await clock.advance(0);
    expect(started).toEqual([{ job: 'Test job', trigger: 'schedule' }]);
    await scheduler.whenIdle();
    expect((await history.list(jobs[0].id)).map((r) => r.status)).toEqual(['ok', 'interrupted']);
  });

  it('runs cron jobs at their times only', async () => {
    jobs = [h.job({ schedule: { kind: 'cron', cron: '15 * * * *' } })];
    await make().start();
    await clock.advance(14 * 60_000);
    expect(started).toHaveLength(0);
    await clock.advance(60_000);
    expect(started).toHaveLength(1);
    await scheduler.whenIdle();
    expect(scheduler.status()[0].nextRunAt).toBe(new Date(Date.parse('2026-03-01T07:15:00.000Z')).toISOString());
  });

  it('never runs one job twice at once: a due run is skipped while it runs, and run now is refused', async () => {
    let release!: () => void;
    const slow: JobExecutor = async (job, opts) => {
      started.push({ job: job.name, trigger: opts.trigger });
      await new Promise<void>((r) => {
        release = r;
        opts.signal?.addEventListener('abort', () => r());
      });
      return {
        record: {
          runId: opts.runId!,
          jobId: job.id,
          jobName: job.name,
          trigger: opts.trigger,
          dryRun: false,
          startedAt: '',
          finishedAt: '',
          status: 'ok',
          mailboxesOk: 0,
          mailboxesFailed: 0,
          items: 0,
          itemsWritten: 0,
          errors: [],
          mailboxes: [],
          outputs: [],
          feeds: [],
        },
        folders: [],
      };
    };
    jobs = [h.job({ schedule: { kind: 'interval', minutes: 1 } })];
    await make(slow).start();
    await clock.advance(0);
    await clock.advance(5 * 60_000);
    expect(started).toHaveLength(1);
    expect(scheduler.status()[0].state).toBe('running');
    expect(thrownBy(() => scheduler.runNow(jobs[0].id))).toMatchObject({ id: 'pump.jobRunning' });
    release();
    await settle();
    expect(scheduler.status()[0].state).toBe('idle');
    await clock.advance(60_000);
    expect(started).toHaveLength(2);
  });

  it('pause stops scheduled runs (run now still works); resume starts the due ones', async () => {
    jobs = [h.job({ schedule: { kind: 'interval', minutes: 10 } })];
    const states: boolean[] = [];
    await make().start();
    scheduler.events.on((e) => e.type === 'scheduler.state' && states.push(e.paused));
    scheduler.pauseAll();
    await clock.advance(60 * 60_000);
    expect(started).toHaveLength(0);
    expect(scheduler.status()[0]).toMatchObject({ state: 'paused', nextRunAt: undefined });
    await scheduler.runNow('Test job').done;
    expect(started).toEqual([{ job: 'Test job', trigger: 'manual' }]);
    scheduler.resumeAll();
    await clock.advance(0);
    await scheduler.whenIdle();
    expect(started.map((s) => s.trigger)).toEqual(['manual', 'schedule']);
    expect(states[0]).toBe(true);
    expect(states.at(-1)).toBe(false);
  });

  it('forwards progress events: started, per-mailbox progress, finished with the run record', async () => {
    jobs = [h.job({ mailboxes: { mode: 'list', list: ['anna@contoso.com', 'missing@contoso.com'] } })];
    await make().start();
    const events: PumpEvent[] = [];
    scheduler.events.on((e) => events.push(e));
    const { runId, done } = scheduler.runNow(jobs[0].id);
    const result = await done;
    const types = events.filter((e) => e.type !== 'scheduler.state').map((e) => e.type);
    expect(types).toEqual(['job.started', 'mailbox.progress', 'mailbox.progress', 'job.finished']);
    expect(events.every((e) => e.type === 'scheduler.state' || e.runId === runId)).toBe(true);
    expect(result.record).toMatchObject({ status: 'partial', mailboxesOk: 1, mailboxesFailed: 1 });
    expect(result.record.errors[0]).toMatchObject({ mailbox: 'missing@contoso.com', error: { id: 'ews.mailbox.notFound' } });
    expect((await history.last(jobs[0].id))!.runId).toBe(runId);
  });

  it('a job whose profile is gone records a failed run with the catalogue error', async () => {
    const execute = createJobExecutor({
      profiles: {
        get: async (p) => {
          throw new CalpumpError('config.profileNotFound', { params: { profile: p } });
        },
      },
      connectorFor: () => connector,
      states: h.states,
      secrets: h.secrets,
      history,
      logger: h.logger,
      now: () => clock.now(),
    });
    jobs = [h.job({})];
    await make(execute).start();
    const r = await scheduler.runNow(jobs[0].id).done;
    expect(r.record).toMatchObject({ status: 'failed', errors: [{ error: { id: 'config.profileNotFound' } }] });
    expect((await history.last(jobs[0].id))!.status).toBe('failed');
  });
});
