// Shared setup for pump tests: a temp config dir, a job built through the real schema, the state store, a
// memory secret store and a settable clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector } from '../../src/core/connectors/connector.js';
import { nullLogger, type Logger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../src/core/store/sync-state-store.js';
import { runJob, type RunJobOptions } from '../../src/core/sync/run-job.js';
import { jobSchema, jobSecretKey, type Job, type PumpEvent } from '../../src/shared/job.js';

export const WEBHOOK_SECRET = 'test-webhook-secret';

export interface Harness {
  dir: string;
  states: SyncStateStore;
  secrets: MemorySecretStore;
  clock: { now: Date };
  events: PumpEvent[];
  logs: Array<{ level: string; event: string; fields: Record<string, unknown> }>;
  logger: Logger;
  job(over: Record<string, unknown>): Job;
  run(job: Job, connector: Connector, opts?: RunJobOptions): ReturnType<typeof runJob>;
  cleanup(): Promise<void>;
}

export async function createHarness(now = '2026-03-01T06:00:00.000Z'): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-pump-'));
  const secrets = new MemorySecretStore();
  const logs: Harness['logs'] = [];
  const logger: Logger = {
    error: (event, fields = {}) => logs.push({ level: 'error', event, fields }),
    warn: (event, fields = {}) => logs.push({ level: 'warn', event, fields }),
    info: (event, fields = {}) => logs.push({ level: 'info', event, fields }),
    debug: (event, fields = {}) => logs.push({ level: 'debug', event, fields }),
    trace: () => undefined,
    child: () => logger,
  };
  const states = new SyncStateStore(join(dir, 'state'), logger);
  const clock = { now: new Date(now) };
  const events: PumpEvent[] = [];
  return {
    dir,
    states,
    secrets,
    clock,
    events,
    logs,
    logger,
    job(over) {
      const job = jobSchema.parse({
        id: 'job-1',
        name: 'Test job',
        profile: 'sim',
        mailboxes: { mode: 'list', list: ['anna@contoso.com'] },
        window: { daysBack: 1, daysAhead: 13 },
        filters: { private: 'include' },
        target: { kind: 'folder', path: join(dir, 'out') },
        ...over,
      });
      void secrets.set(jobSecretKey(job.id, 'webhookSecret'), WEBHOOK_SECRET);
      return job;
    },
    run(job, connector, opts) {
      return runJob(
        job,
        {
          connector,
          states,
          secrets,
          logger,
          now: () => clock.now,
          onEvent: (e) => events.push(e),
          webhook: { sleep: async () => undefined, random: () => 0.5 },
        },
        opts,
      );
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export { nullLogger };
