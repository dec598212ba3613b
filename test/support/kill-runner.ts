// Runs test/support/pump-runner.ts as a child process for the SIGKILL acceptance tests: optionally killed with
// SIGKILL after a number of progress lines, or run again until every job finishes ok.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createEwsConnector } from '../../src/core/connectors/ews/index.js';
import { nullLogger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../src/core/store/sync-state-store.js';
import { runJob } from '../../src/core/sync/run-job.js';
import { jobSecretKey, JOB_SECRET_NAMES, type Job, type JobSecretName } from '../../src/shared/job.js';
import { ewsProfileSchema, secretKey } from '../../src/shared/profile.js';
import type { RunningSimulator } from '../../src/sim/index.js';
import { bundledRunner } from './bundle-runner.js';
import { SIM_ANCHOR } from './sim-pump.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNNER = join(ROOT, 'test', 'support', 'pump-runner.ts');

/** A fixed-seed generator: the kill points are random but the test is reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export interface ChildRun {
  killed: boolean;
  /** The runner printed its final {"done": true} line. */
  done: boolean;
  statuses?: Record<string, string>;
  errors?: unknown;
  stderr: string;
}

/**
 * Runs the runner (pump-runner.ts unless another runner speaking the same line protocol is given); kills it with
 * SIGKILL after `afterLines` progress lines (+ `delayMs`), if given.
 */
export async function runChild(spec: string, kill?: { afterLines: number; delayMs: number }, source = RUNNER): Promise<ChildRun> {
  // The runner bundled once per test file (test/support/bundle-runner.ts): plain node starts it quickly.
  const runner = await bundledRunner(source);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, spec], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let buf = '';
    let stderr = '';
    let statuses: Record<string, string> | undefined;
    let errors: unknown;
    let done = false;
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = JSON.parse(buf.slice(0, i)) as { done?: boolean; statuses?: Record<string, string>; errors?: unknown };
        buf = buf.slice(i + 1);
        if (line.done) {
          done = true;
          statuses = line.statuses;
          errors = line.errors;
        } else if (kill && ++lines === kill.afterLines) setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', done, statuses, errors, stderr }));
  });
}

/** Runs the runner until every job finishes ok (a mailbox may still fail when injected faults cluster). */
export async function runToCompletion(spec: string, attempts = 6, source = RUNNER): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const r = await runChild(spec, undefined, source);
    expect(r.stderr).toBe('');
    if (r.statuses && Object.values(r.statuses).every((s) => s === 'ok')) return;
  }
  throw new Error(`the job did not complete within ${attempts} runs`);
}

/** The uninterrupted reference run: in this process, no kills; every job must finish ok. */
export async function runJobsInProcess(
  sim: RunningSimulator,
  jobs: Job[],
  stateDir: string,
  jobSecrets: Partial<Record<JobSecretName, string>>,
): Promise<void> {
  const profile = ewsProfileSchema.parse({
    id: 'sim',
    name: 'sim',
    kind: 'ews',
    url: sim.ewsUrl,
    username: 'svc-calpump@contoso.com',
    auth: 'basic',
    tls: { caFile: sim.caFile },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey('sim', 'password'), 'Passw0rd!');
  const connector = createEwsConnector(profile, { secrets, logger: nullLogger });
  const states = new SyncStateStore(stateDir, nullLogger);
  for (const job of jobs) {
    for (const name of JOB_SECRET_NAMES) if (jobSecrets[name]) await secrets.set(jobSecretKey(job.id, name), jobSecrets[name]);
    const r = await runJob(job, { connector, states, secrets, logger: nullLogger, now: () => new Date(SIM_ANCHOR) });
    expect(r.record.status).toBe('ok');
  }
  await connector.close();
}

/** A temp folder with a pump-runner spec (RunnerSpec) for the jobs `jobsIn(dir)` builds: one side of a kill test. */
export interface KillWorkspace {
  dir: string;
  spec: string;
  stateDir: string;
  jobs: Job[];
}

export async function killWorkspace(
  sim: RunningSimulator,
  jobsIn: (dir: string) => Job[],
  secrets: { webhookSecret?: string; postgresPassword?: string } = {},
): Promise<KillWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-kill-'));
  const jobs = jobsIn(dir);
  const [spec, stateDir] = [join(dir, 'spec.json'), join(dir, 'state')];
  await writeFile(
    spec,
    JSON.stringify({ ewsUrl: sim.ewsUrl, caFile: sim.caFile, stateDir, now: SIM_ANCHOR, webhookSecret: 'unused', ...secrets, jobs }),
  );
  return { dir, spec, stateDir, jobs };
}

/**
 * The acceptance loop the kill tests share: the clean side runs once in this process without faults; then, with
 * injected faults, the killed side's runner is killed with SIGKILL after a random number of progress lines (below
 * `maxLines`, a run's count) `rounds` times, at least `minKills` of them before it finished, and is run to completion.
 */
export async function cleanAndKilledRuns(
  sim: RunningSimulator,
  clean: KillWorkspace,
  killed: KillWorkspace,
  o: { maxLines: number; seed?: number; rounds?: number; minKills?: number; secrets?: Partial<Record<JobSecretName, string>> },
): Promise<void> {
  sim.faults.faultRate = 0;
  await runJobsInProcess(sim, clean.jobs, clean.stateDir, o.secrets ?? {});
  sim.faults.faultRate = 0.05;
  const random = rng(o.seed ?? 20261206);
  let kills = 0;
  for (let i = 0; i < (o.rounds ?? 4); i++) {
    const r = await runChild(killed.spec, { afterLines: 1 + Math.floor(random() * (o.maxLines - 2)), delayMs: Math.floor(random() * 40) });
    if (r.killed) kills++;
  }
  expect(kills).toBeGreaterThanOrEqual(o.minKills ?? 3);
  await runToCompletion(killed.spec);
}
