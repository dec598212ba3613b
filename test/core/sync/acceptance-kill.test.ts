// Acceptance (issue 4, a): a job run as a CHILD PROCESS against the simulator with injected faults (throttling,
// 503s, connection resets, truncated answers) is killed with SIGKILL at random points several times, then run to
// completion. Every output — files, SQLite rows, webhook deliveries deduplicated by Idempotency-Key — must equal
// that of a clean run.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../../src/core/store/sync-state-store.js';
import { runJob } from '../../../src/core/sync/run-job.js';
import { jobSchema, jobSecretKey, type Job } from '../../../src/shared/job.js';
import { ewsProfileSchema, secretKey } from '../../../src/shared/profile.js';
import { SIM_ANCHOR } from '../../support/sim-pump.js';
import { folderOutput, sqliteOutput, webhookOutput } from '../../support/target-outputs.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const SECRET = 'kill-test-secret';
const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'room.amsterdam@contoso.com', 'bob.jones@contoso.com'];
const ROOT = join(import.meta.dirname, '..', '..', '..');
const RUNNER = join(ROOT, 'test', 'support', 'pump-runner.ts');
// The child runs the TypeScript sources like the tests do (vite-node). Under plain `node --import tsx` the EWS
// transport's named imports from the CommonJS package @ewsjs/ntlm-client do not resolve yet (see the pump report).
const TS_LOADER = process.env.PUMP_RUNNER_TSX ? ['--import', 'tsx'] : [join(ROOT, 'node_modules', 'vite-node', 'vite-node.mjs')];

// A fixed-seed generator: the kill points are random but the test is reproducible.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Workspace {
  dir: string;
  rx: WebhookReceiver;
  spec: string;
  jobs: Job[];
}

async function workspace(sim: RunningSimulator): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-kill-'));
  const rx = await startWebhookReceiver(SECRET);
  const base = {
    profile: 'sim',
    mailboxes: { mode: 'list', list: MAILBOXES },
    window: { daysBack: 3, daysAhead: 14 },
    filters: { private: 'mask' },
    concurrency: 3,
  };
  const jobs = [
    jobSchema.parse({ ...base, id: 'k-folder', name: 'folder', format: 'ics', target: { kind: 'folder', path: join(dir, 'ics') } }),
    jobSchema.parse({ ...base, id: 'k-sqlite', name: 'sqlite', target: { kind: 'sqlite', path: join(dir, 'cal.db') } }),
    jobSchema.parse({ ...base, id: 'k-webhook', name: 'webhook', target: { kind: 'webhook', url: rx.url, batchSize: 7 } }),
  ];
  const spec = join(dir, 'spec.json');
  await writeFile(
    spec,
    JSON.stringify({ ewsUrl: sim.ewsUrl, caFile: sim.caFile, stateDir: join(dir, 'state'), now: SIM_ANCHOR, webhookSecret: SECRET, jobs }),
  );
  return { dir, rx, spec, jobs };
}

/** Runs the runner; kills it with SIGKILL after `killAfterLines` progress lines (+ a few ms), if given. */
function runChild(
  spec: string,
  kill?: { afterLines: number; delayMs: number },
): Promise<{ killed: boolean; statuses?: Record<string, string>; errors?: unknown; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TS_LOADER, RUNNER, spec], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let buf = '';
    let stderr = '';
    let statuses: Record<string, string> | undefined;
    let errors: unknown;
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = JSON.parse(buf.slice(0, i));
        buf = buf.slice(i + 1);
        if (line.done) {
          statuses = line.statuses;
          errors = line.errors;
        }
        if (kill && ++lines === kill.afterLines) setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', statuses, errors, stderr }));
  });
}

/** The uninterrupted reference run: in this process, no faults, no kills. */
async function cleanRun(sim: RunningSimulator, w: Workspace): Promise<void> {
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
  const states = new SyncStateStore(join(w.dir, 'state'), nullLogger);
  for (const job of w.jobs) {
    await secrets.set(jobSecretKey(job.id, 'webhookSecret'), SECRET);
    const r = await runJob(job, { connector, states, secrets, logger: nullLogger, now: () => new Date(SIM_ANCHOR) });
    expect(r.record.status).toBe('ok');
  }
  await connector.close();
}

async function runToCompletion(spec: string): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = await runChild(spec);
    expect(r.stderr).toBe('');
    // A mailbox may still fail after the transport's retries when faults cluster; the next run retries it.
    if (r.statuses && Object.values(r.statuses).every((s) => s === 'ok')) return;
  }
  throw new Error('the job did not complete within 6 runs');
}

describe('acceptance: SIGKILL at random points, then re-run = clean run', () => {
  let sim: RunningSimulator;
  let clean: Workspace;
  let killed: Workspace;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, anchor: new Date(SIM_ANCHOR), latencyMs: 2 });
    [clean, killed] = await Promise.all([workspace(sim), workspace(sim)]);
  });
  afterAll(async () => {
    await sim?.stop();
    for (const w of [clean, killed]) {
      await w?.rx.close();
      if (w) await rm(w.dir, { recursive: true, force: true });
    }
  });

  it('produces identical files, SQLite rows and deduplicated webhook deliveries', async () => {
    sim.faults.faultRate = 0;
    await cleanRun(sim, clean);
    sim.faults.faultRate = 0.05;

    const random = rng(20260302);
    let kills = 0;
    // Progress lines per full run: 3 jobs × (started + 4 mailboxes + finished) = 18.
    for (let i = 0; i < 4; i++) {
      const r = await runChild(killed.spec, { afterLines: 1 + Math.floor(random() * 16), delayMs: Math.floor(random() * 40) });
      if (r.killed) kills++;
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    await runToCompletion(killed.spec);

    expect(await folderOutput(join(killed.dir, 'ics'))).toEqual(await folderOutput(join(clean.dir, 'ics')));
    expect(Object.keys(await folderOutput(join(clean.dir, 'ics')))).toHaveLength(MAILBOXES.length);
    expect(sqliteOutput(join(killed.dir, 'cal.db'))).toEqual(sqliteOutput(join(clean.dir, 'cal.db')));
    expect(sqliteOutput(join(clean.dir, 'cal.db')).length).toBeGreaterThan(10);
    const a = webhookOutput(killed.rx);
    const b = webhookOutput(clean.rx);
    expect(a.deliveries).toEqual(b.deliveries);
    expect(a.state).toEqual(b.state);
    expect(killed.rx.deliveries.every((d) => d.signatureOk)).toBe(true);
    // Up to ten child processes each start vite-node on the sources: seconds when idle, a minute or more with both
    // cores busy. The limit only guards against a hang; every wait above is on the child's own progress.
  }, 300_000);
});
