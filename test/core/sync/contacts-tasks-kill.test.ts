// Acceptance (issue 16, contacts and tasks): contacts and tasks jobs run as a CHILD PROCESS against the simulator
// with injected faults are killed with SIGKILL at random points several times, then run to completion. The files
// must equal those of a clean run, with every item once.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { jobSchema, type Job } from '../../../src/shared/job.js';
import { SIM_ANCHOR } from '../../support/sim-pump.js';
import { rng, runChild, runJobsInProcess, runToCompletion } from '../../support/kill-runner.js';
import { folderOutput } from '../../support/target-outputs.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'alice.smith@contoso.com', 'bob.jones@contoso.com'];

interface Workspace {
  dir: string;
  spec: string;
  jobs: Job[];
}

async function workspace(sim: RunningSimulator): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-items-kill-'));
  const base = {
    profile: 'sim',
    mailboxes: { mode: 'list', list: MAILBOXES },
    concurrency: 2,
    target: { kind: 'folder', path: join(dir, 'out') },
  };
  const jobs = [
    jobSchema.parse({ ...base, id: 'k-contacts', name: 'contacts', content: 'contacts' }),
    jobSchema.parse({ ...base, id: 'k-tasks', name: 'tasks', content: 'tasks' }),
  ];
  const spec = join(dir, 'spec.json');
  await writeFile(
    spec,
    JSON.stringify({
      ewsUrl: sim.ewsUrl,
      caFile: sim.caFile,
      stateDir: join(dir, 'state'),
      now: SIM_ANCHOR,
      webhookSecret: 'unused',
      jobs,
    }),
  );
  return { dir, spec, jobs };
}

describe('acceptance: contacts and tasks, SIGKILL at random points, then re-run = clean run', () => {
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
    await runJobsInProcess(sim, clean.jobs, join(clean.dir, 'state'), {});
    sim.faults.faultRate = 0.05;

    const random = rng(20261206);
    let kills = 0;
    // Progress lines per full run: 2 jobs × (started + 4 mailboxes + finished) = 12.
    for (let i = 0; i < 4; i++) {
      const r = await runChild(killed.spec, { afterLines: 1 + Math.floor(random() * 10), delayMs: Math.floor(random() * 40) });
      if (r.killed) kills++;
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    await runToCompletion(killed.spec);

    const want = await folderOutput(join(clean.dir, 'out'));
    expect(Object.keys(want)).toHaveLength(MAILBOXES.length * 2);
    expect(await folderOutput(join(killed.dir, 'out'))).toEqual(want);
    for (const name of Object.keys(want)) {
      const items = JSON.parse(await readFile(join(killed.dir, 'out', name), 'utf8')) as Array<{ id: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    }
  }, 300_000);
});
