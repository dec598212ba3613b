// The UI hosts' job service schedules through the pump's scheduler: an active interval job that never ran is due
// at once, the next run follows the interval from the last start, pausing holds scheduled runs back, and a run
// never overlaps itself. Time is a manual clock; the stores and the pump are real.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { createEventHub } from '../../../src/core/rpc/event-hub.js';
import { PumpJobService } from '../../../src/core/rpc/pump-job-service.js';
import { RunHistory } from '../../../src/core/store/run-history.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { JobStore } from '../../../src/core/store/job-store.js';
import { SyncStateStore } from '../../../src/core/store/sync-state-store.js';
import type { Profile } from '../../../src/shared/profile.js';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { ManualClock, settle } from '../../support/manual-clock.js';

const profile = { id: 'p1', name: 'sim', kind: 'ews' } as unknown as Profile;

describe('PumpJobService scheduling', () => {
  let dir: string;
  let service: PumpJobService;
  let clock: ManualClock;
  let history: RunHistory;
  let statuses: Array<{ jobId: string; status: string }>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-jobsvc-'));
    clock = new ManualClock('2026-03-01T06:00:00.000Z');
    const connector = new FakeConnector();
    connector.put('anna@contoso.com', 'calendar', makeEvent({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }));
    const secrets = new MemorySecretStore();
    const jobs = new JobStore({ dir, secrets });
    await jobs.add({
      name: 'every-hour',
      profile: 'sim',
      mailboxes: { mode: 'list', list: ['anna@contoso.com'] },
      target: { kind: 'folder', path: join(dir, 'out') },
      schedule: { kind: 'interval', minutes: 60, active: true },
    });
    await jobs.add({
      name: 'by-hand',
      profile: 'sim',
      mailboxes: { mode: 'list', list: ['anna@contoso.com'] },
      target: { kind: 'folder', path: join(dir, 'out2') },
    });
    history = new RunHistory(dir);
    const events = createEventHub();
    statuses = [];
    events.subscribe((name, payload) => {
      if (name === 'job.status') statuses.push(payload as { jobId: string; status: string });
    });
    service = new PumpJobService({
      jobs,
      profiles: { get: async () => profile } as never,
      connectorFor: async () => connector,
      states: new SyncStateStore(join(dir, 'state')),
      secrets,
      history,
      events,
      logger: nullLogger,
      now: () => clock.now(),
      clock,
      schedule: true,
    });
  });
  afterEach(async () => {
    service.stop();
    await settle();
    await rm(dir, { recursive: true, force: true });
  });

  const finishedRuns = async (name: string) => (await history.list(undefined, 100)).filter((r) => r.jobName === name);
  /** Waits (real time: the run writes files) until the job has this many finished runs and none is running. */
  const runsOf = async (name: string, n: number) =>
    vi.waitFor(
      async () => {
        expect(await finishedRuns(name)).toHaveLength(n);
        expect(service.state().runningJobs).toEqual([]);
      },
      { timeout: 5000, interval: 10 },
    );

  it('runs an overdue interval job at start, then every interval; a manual job only by hand', async () => {
    await service.start();
    await clock.advance(0);
    await runsOf('every-hour', 1);
    expect(await finishedRuns('by-hand')).toHaveLength(0);
    const [view] = (await service.list()).filter((v) => v.job.name === 'every-hour');
    expect(view.nextRunAt).toBe('2026-03-01T07:00:00.000Z');
    await clock.advance(59 * 60_000);
    await runsOf('every-hour', 1);
    await clock.advance(60_000);
    await runsOf('every-hour', 2);
    expect(statuses.filter((s) => s.status === 'ok')).toHaveLength(2);
  });

  it('pausing holds scheduled runs back; resuming catches up once', async () => {
    await service.start();
    await clock.advance(0);
    await runsOf('every-hour', 1);
    await service.pauseAll();
    expect(service.state().tray).toBe('paused');
    await clock.advance(3 * 60 * 60_000);
    await runsOf('every-hour', 1);
    await service.resumeAll();
    await clock.advance(0);
    await runsOf('every-hour', 2);
  });
});
