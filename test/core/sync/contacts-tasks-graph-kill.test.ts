// Acceptance (issue 16, contacts and tasks through Microsoft Graph): contacts and tasks jobs of a Graph profile run
// as a CHILD PROCESS against the simulator with injected faults (429 with Retry-After, 503, resets…) and are killed
// with SIGKILL at random points several times, then run to completion. The files must equal those of a clean run,
// with every item once.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphConnector } from '../../../src/core/connectors/graph/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../../src/core/store/sync-state-store.js';
import { runJob } from '../../../src/core/sync/run-job.js';
import { jobSchema, type Job } from '../../../src/shared/job.js';
import { secretKey } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { graphRunnerProfile, type GraphRunnerSpec } from '../../support/graph-pump-runner.js';
import { rng, runChild, runToCompletion } from '../../support/kill-runner.js';
import { SIM_ANCHOR } from '../../support/sim-pump.js';
import { folderOutput } from '../../support/target-outputs.js';

const RUNNER = join(import.meta.dirname, '..', '..', 'support', 'graph-pump-runner.ts');
const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'alice.smith@contoso.com', 'bob.jones@contoso.com'];

interface Workspace {
  dir: string;
  spec: string;
  body: GraphRunnerSpec;
  jobs: Job[];
}

async function workspace(sim: RunningSimulator): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-graph-items-kill-'));
  const base = {
    profile: 'sim',
    mailboxes: { mode: 'list', list: MAILBOXES },
    concurrency: 2,
    target: { kind: 'folder', path: join(dir, 'out') },
  };
  const jobs = [
    jobSchema.parse({ ...base, id: 'g-contacts', name: 'contacts', content: 'contacts', filters: { includeBody: true } }),
    jobSchema.parse({ ...base, id: 'g-tasks', name: 'tasks', content: 'tasks', format: 'csv' }),
  ];
  const body: GraphRunnerSpec = {
    url: sim.url,
    caFile: sim.caFile ?? '',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_DAEMON,
    clientSecret: SIM_APP_DAEMON_SECRET,
    stateDir: join(dir, 'state'),
    now: SIM_ANCHOR,
    jobs,
  };
  const spec = join(dir, 'spec.json');
  await writeFile(spec, JSON.stringify(body));
  return { dir, spec, body, jobs };
}

/** The uninterrupted reference run, in this process: every job must finish ok. */
async function cleanRun(w: Workspace): Promise<void> {
  const profile = graphRunnerProfile(w.body);
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'clientSecret'), w.body.clientSecret);
  const connector = createGraphConnector(profile, { secrets, logger: nullLogger });
  const states = new SyncStateStore(w.body.stateDir, nullLogger);
  for (const job of w.jobs) {
    const r = await runJob(job, { connector, states, secrets, logger: nullLogger, now: () => new Date(SIM_ANCHOR) });
    expect(r.record.errors).toEqual([]);
  }
  await connector.close();
}

describe('acceptance: Graph contacts and tasks, SIGKILL at random points, then re-run = clean run', () => {
  let sim: RunningSimulator;
  let clean: Workspace;
  let killed: Workspace;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, anchor: new Date(SIM_ANCHOR), latencyMs: 2, eventsPerMailbox: 2 });
    [clean, killed] = await Promise.all([workspace(sim), workspace(sim)]);
  });
  afterAll(async () => {
    await sim?.stop();
    for (const w of [clean, killed]) if (w) await rm(w.dir, { recursive: true, force: true });
  });

  it('produces the clean run’s files, every item once', async () => {
    sim.faults.faultRate = 0;
    await cleanRun(clean);
    sim.faults.faultRate = 0.05;

    const random = rng(20261207);
    let kills = 0;
    // Progress lines per full run: 2 jobs × (started + 4 mailboxes + finished) = 12.
    // Four attempts, and more (up to twelve) while fewer than three kills landed: a run that finishes before its kill
    // point (faster exports do) is no kill, and the acceptance needs at least three.
    for (let i = 0; i < 12 && (i < 4 || kills < 3); i++) {
      const r = await runChild(killed.spec, { afterLines: 1 + Math.floor(random() * 10), delayMs: Math.floor(random() * 40) }, RUNNER);
      if (r.killed) kills++;
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    await runToCompletion(killed.spec, 6, RUNNER);

    const want = await folderOutput(join(clean.dir, 'out'));
    expect(Object.keys(want)).toHaveLength(MAILBOXES.length * 2);
    expect(await folderOutput(join(killed.dir, 'out'))).toEqual(want);
    for (const name of Object.keys(want).filter((n) => n.endsWith('.json'))) {
      const items = JSON.parse(await readFile(join(killed.dir, 'out', name), 'utf8')) as Array<{ id: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    }
  }, 300_000);
});
