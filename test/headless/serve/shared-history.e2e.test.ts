// Acceptance (issue 15): one run history for every host. Real processes on one config folder: `calpump jobs
// run` killed with SIGKILL mid-run shows as interrupted in `calpump jobs history`; `calpump serve` then runs the
// job on its schedule, and that run is listed by `calpump jobs history` and `jobs list` in another process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommands, DEMO_MAILBOXES } from '../../../src/headless/cli/demo-commands.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import type { RunRecord } from '../../../src/shared/job.js';

const BIN = fileURLToPath(new URL('../../../bin/calpump.js', import.meta.url));
const JOB = 'Shared history';

function start(args: string[], input = ''): ChildProcess & { output: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  child.stdin.end(input);
  return Object.assign(child, { output });
}

const calpump = (args: string[], input = '') => start(args, input).output;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The history file's lines as written so far. */
async function lines(dir: string): Promise<Array<{ t: string; runId?: string; record?: RunRecord }>> {
  const text = await readFile(join(dir, 'history', 'runs.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { t: string });
}

describe('one run history for the CLI and serve', () => {
  let sim: RunningSimulator;
  let dir: string;
  let outDir: string;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'calpump-shared-history-'));
    outDir = join(dir, 'out');
    const [add] = demoCommands({ configDir: dir, ewsUrl: sim.ewsUrl, caFile: sim.caFile });
    expect((await calpump(add.argv, add.stdin)).code).toBe(0);
    const job = await calpump([
      '--config-dir',
      dir,
      'jobs',
      'add',
      '--name',
      JOB,
      '--profile',
      'demo',
      '--mailbox',
      DEMO_MAILBOXES.join(','),
      '--out',
      outDir,
      '--every',
      '600',
      '--concurrency',
      '1',
    ]);
    expect(job.stderr).toBe('');
    expect(job.code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await sim?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists a killed CLI run as interrupted and a run started by serve in `calpump jobs history`', async () => {
    // 1. A CLI run, slowed down by the server, killed once it has begun.
    sim.faults.latencyMs = 400;
    const run = start(['--config-dir', dir, 'jobs', 'run', JOB]);
    const begun = await until('the start line of the CLI run', async () => (await lines(dir)).find((l) => l.t === 'start'));
    run.kill('SIGKILL');
    await run.output;
    sim.faults.latencyMs = 0;
    const afterKill = await calpump(['--config-dir', dir, 'jobs', 'history', JOB, '--json']);
    expect(afterKill.code).toBe(0);
    const killed = JSON.parse(afterKill.stdout) as RunRecord[];
    expect(killed).toHaveLength(1);
    expect(killed[0]).toMatchObject({ runId: begun.runId, status: 'interrupted', trigger: 'cli' });
    expect(killed[0].errors[0].error.id).toBe('pump.interrupted');

    // 2. serve on the same folder: the job is due (its last run was cut short), so serve runs it at start.
    const serve = start(['--config-dir', dir, 'serve', '--port', '0', '--no-build', '--ui-dir', join(dir, 'no-ui')]);
    try {
      await until('the end of the run serve started', async () =>
        (await lines(dir)).find((l) => l.t === 'end' && l.record?.trigger === 'schedule' && l.record.status !== 'interrupted'),
      );
    } finally {
      serve.kill('SIGTERM');
      await serve.output;
    }

    // 3. Another process lists both runs, newest first, with what the serve run wrote.
    const history = await calpump(['--config-dir', dir, 'jobs', 'history', JOB, '--json']);
    expect(history.code).toBe(0);
    const runs = JSON.parse(history.stdout) as RunRecord[];
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([
      ['schedule', 'ok'],
      ['cli', 'interrupted'],
    ]);
    const served = runs[0];
    expect(served.mailboxes.map((m) => m.mailbox).sort()).toEqual([...DEMO_MAILBOXES].sort());
    expect(served.mailboxes.every((m) => m.ok && m.items > 0)).toBe(true);
    expect(served.outputs).toHaveLength(DEMO_MAILBOXES.length);
    for (const o of served.outputs) {
      expect(o.path.startsWith(outDir)).toBe(true);
      expect(o.bytes).toBe((await readFile(o.path)).length);
    }
    expect(served.feeds.map((f) => f.path)).toContain(`/feeds/${encodeURIComponent(JOB)}/${encodeURIComponent(DEMO_MAILBOXES[0])}.ics`);
    const table = await calpump(['--config-dir', dir, 'jobs', 'history', JOB]);
    expect(table.stdout).toMatch(/interrupted/);
    const list = JSON.parse((await calpump(['--config-dir', dir, 'jobs', 'list', '--json'])).stdout) as Array<{ lastRun?: RunRecord }>;
    expect(list[0].lastRun?.runId).toBe(served.runId);
  }, 240_000);
});
