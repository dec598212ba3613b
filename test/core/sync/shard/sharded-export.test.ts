// Whole mailboxes on worker threads against the simulator over TLS (the profile's CA file, read in the worker):
// the same files, results and catalogue errors as on one thread, secrets asked from the host's store only for
// the profile's own keys, log records written by the host's logger, a server's wait relayed to the host's
// listener, and cancellation.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../../src/core/connectors/ews/index.js';
import { ServerWaits, withServerWaitListener, type ServerWait } from '../../../../src/core/net/server-wait.js';
import { runAdhocExport, type AdhocExportRequest, type ExportShardSource } from '../../../../src/core/sync/adhoc-export.js';
import { dispatchMailboxes } from '../../../../src/core/sync/shard/dispatch.js';
import { startExportWorkers } from '../../../../src/core/sync/shard/worker-pool.js';
import type { SecretStore } from '../../../../src/core/secrets/secret-store.js';
import { secretKey } from '../../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { recordingLogger } from '../../net/fakes.js';
import { PASSWORD, simProfile } from '../../connectors/ews/sim-helpers.js';

/** Workers load the TypeScript sources through tsx: seconds each while other tests keep both cores busy. */
const SLOW = 180_000;
let sim: RunningSimulator;
let from: Date;
let to: Date;
const MAILBOXES = [
  'anna.schmidt@contoso.com',
  'jan.devries@contoso.com',
  'nobody@contoso.com',
  'carol.evans@contoso.com',
  'room.berlin@contoso.com',
];

beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 30 });
  from = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) - 7 * 86_400_000);
  to = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) + 45 * 86_400_000);
}, SLOW);
afterAll(async () => sim?.stop());

/** A host's store holding the profile's password and another profile's secret, recording every key asked for. */
function hostSecrets(profileId: string): SecretStore & { asked: string[] } {
  const m = new Map([
    [secretKey(profileId, 'password'), PASSWORD],
    [secretKey('other', 'password'), 'not-for-workers'],
  ]);
  const asked: string[] = [];
  return {
    asked,
    get: async (k) => (asked.push(k), m.get(k)),
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => void m.delete(k),
    keys: async () => [...m.keys()],
  };
}

const notCancelled = (): never => {
  throw new Error('not cancelled');
};

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = await readFile(join(dir, f), 'utf8');
  return out;
}

async function exportTo(workers: number, over: Partial<AdhocExportRequest> = {}, signal?: AbortSignal) {
  const profile = simProfile(sim);
  const secrets = hostSecrets(profile.id);
  const logger = recordingLogger();
  const connector = createEwsConnector(profile, { secrets, logger, env: {}, fetchTimeoutMs: 20_000 });
  const outDir = await mkdtemp(join(tmpdir(), 'calpump-shard-'));
  const shard: ExportShardSource = { profile, secrets, env: {}, fetchTimeoutMs: 20_000, workers };
  try {
    const report = await runAdhocExport(
      { mailboxes: MAILBOXES, folder: 'calendar', from, to, format: 'json', outDir, profileName: 'sim', concurrency: 3, ...over },
      { connector, logger, shard, signal },
    );
    return { report, files: await filesOf(outDir), logger, secrets };
  } finally {
    await connector.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

describe('an export sharded over worker threads', () => {
  it(
    'gives the same results as one thread, the failing mailboxes alone failing',
    async () => {
      const one = await exportTo(0);
      const sharded = await exportTo(2);
      const shape = (r: typeof one.report) =>
        r.mailboxes.map((m) => ({ mailbox: m.mailbox, ok: m.ok, items: m.items, error: m.error?.id }));
      expect(shape(sharded.report)).toEqual(shape(one.report));
      expect(
        shape(one.report)
          .filter((m) => !m.ok)
          .map((m) => m.mailbox),
      ).toEqual(['nobody@contoso.com', 'carol.evans@contoso.com']);
      expect(sharded.files).toEqual(one.files);
      expect(Object.keys(sharded.files)).toHaveLength(3);
    },
    SLOW,
  );

  it(
    'on worker threads alone: the same files, secrets from the host for this profile only, records in its log',
    async () => {
      const one = await exportTo(0);
      const profile = simProfile(sim);
      const secrets = hostSecrets(profile.id);
      const logger = recordingLogger();
      const outDir = await mkdtemp(join(tmpdir(), 'calpump-shard-'));
      const settings = { folder: 'calendar', from, to, format: 'json' as const, outDir, profileName: 'sim' };
      // From the sources through tsx (ts-worker-boot.mjs), not the prebuilt CLI's worker: the path tests exercise.
      const pool = startExportWorkers(
        2,
        { profile, secrets, env: { CALPUMP_FROM_SOURCES: '1' }, fetchTimeoutMs: 20_000 },
        settings,
        logger,
      );
      try {
        const results = await dispatchMailboxes(MAILBOXES, { concurrency: 3, executors: pool.executors, logger, cancelled: notCancelled });
        expect(results).toEqual(one.report.mailboxes.map((r) => ({ ...r, ...(r.file ? { file: join(outDir, basename(r.file)) } : {}) })));
        expect(await filesOf(outDir)).toEqual(one.files);
        // The workers exported (the one ready first may take them all), their records written by the host's
        // logger with the thread's name.
        const threads = logger.records.filter((r) => r.event === 'export.mailbox.done').map((r) => String(r.fields.thread));
        expect(threads).toHaveLength(3);
        expect(threads.every((t) => /^worker-[12]$/.test(t))).toBe(true);
        expect(secrets.asked.length).toBeGreaterThan(0);
        expect(secrets.asked.filter((k) => k !== secretKey(profile.id, 'password'))).toEqual([]);
        expect(logger.text()).not.toContain(PASSWORD);
      } finally {
        await pool.close();
        await rm(outDir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    "relays a worker's server wait to the host's listener",
    async () => {
      const profile = simProfile(sim);
      const secrets = hostSecrets(profile.id);
      const outDir = await mkdtemp(join(tmpdir(), 'calpump-shard-'));
      const settings = { folder: 'calendar', from, to, format: 'json' as const, outDir, profileName: 'sim' };
      // The channel of this thread's connector: the pool relays a worker's waits to its listeners.
      const waits = new ServerWaits();
      const pool = startExportWorkers(1, { profile, secrets, env: {}, fetchTimeoutMs: 20_000 }, settings, nullLogger, waits);
      const heard: ServerWait[] = [];
      sim.faults.clear();
      sim.faults.stage({ kind: 'serverBusy', match: 'FindItem', backOffMs: 3_000, times: 1 });
      try {
        const worker = pool.executors[0];
        const results = await withServerWaitListener(
          [waits],
          (w) => heard.push(w),
          () =>
            dispatchMailboxes(['anna.schmidt@contoso.com', 'jan.devries@contoso.com'], {
              concurrency: 2,
              // The worker alone, so the wait is surely met on a worker thread.
              executors: [worker],
              logger: nullLogger,
              cancelled: notCancelled,
            }),
        );
        expect(results.map((r) => r.ok)).toEqual([true, true]);
        expect(heard).toEqual([expect.objectContaining({ reason: 'ErrorServerBusy', ms: 3_000, operation: 'FindItem' })]);
      } finally {
        sim.faults.clear();
        await pool.close();
        await rm(outDir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'cancelled while a worker exports: the run ends, every mailbox has a result with a catalogue id',
    async () => {
      const profile = simProfile(sim);
      const outDir = await mkdtemp(join(tmpdir(), 'calpump-shard-'));
      const settings = { folder: 'calendar', from, to, format: 'json' as const, outDir, profileName: 'sim' };
      const pool = startExportWorkers(
        1,
        { profile, secrets: hostSecrets(profile.id), env: {}, fetchTimeoutMs: 20_000 },
        settings,
        nullLogger,
      );
      const controller = new AbortController();
      sim.faults.latencyMs = 200;
      try {
        const results = await dispatchMailboxes(MAILBOXES, {
          concurrency: 1,
          executors: pool.executors,
          logger: nullLogger,
          signal: controller.signal,
          onResult: () => controller.abort(),
          cancelled: (mailbox) => ({ mailbox, folder: 'calendar', ok: false, items: 0, error: { id: 'rpc.cancelled', params: {} } }),
        });
        // The next mailbox may already be under way (it starts once the first one's answers are read).
        expect(results[0].ok).toBe(true);
        expect(results.every((r) => r.ok || typeof r.error?.id === 'string')).toBe(true);
        expect(results.slice(2).map((r) => r.error?.id)).toEqual(MAILBOXES.slice(2).map(() => 'rpc.cancelled'));
      } finally {
        sim.faults.latencyMs = 0;
        await pool.close();
        await rm(outDir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'stops starting mailboxes once cancelled; every mailbox still has a result',
    async () => {
      const controller = new AbortController();
      controller.abort();
      const { report } = await exportTo(1, {}, controller.signal);
      expect(report.mailboxes.map((m) => m.error?.id)).toEqual(MAILBOXES.map(() => 'rpc.cancelled'));
    },
    SLOW,
  );
});
