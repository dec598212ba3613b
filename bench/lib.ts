// Shared bench plumbing: the simulator in a child process, children running TypeScript, and result lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadavg, tmpdir } from 'node:os';

/**
 * A fresh folder for one child's output. Under `npm run bench` (BENCH_OUT_ROOT set by run.ts) it lives in the
 * run's output root and stays until the bench ends; a child run on its own makes it in the temp folder and removes
 * it itself (removeBenchOut). Why not remove each run's files at once: on an ext4 file system without a journal
 * (these machines) the kernel skips every inode freed in the last minute — six while its table block is dirty —
 * when it picks one for a new file, looking each up (fs/ext4/ialloc.c, recently_deleted), so a run started seconds
 * after another run's 200 files were removed paid 0.1–0.3 s of kernel CPU in its file creations, on the core the
 * run needs for everything but its main thread (bench/RESULTS.md, "Floor row, fourth pass").
 */
export function benchOutDir(prefix: string): Promise<string> {
  return mkdtemp(join(process.env.BENCH_OUT_ROOT || tmpdir(), prefix));
}

/** Removes a child's output folder unless it lives in the bench run's output root (removed when the bench ends). */
export async function removeBenchOut(dir: string): Promise<void> {
  if (!process.env.BENCH_OUT_ROOT) await rm(dir, { recursive: true, force: true });
}

export const ROOT = join(import.meta.dirname, '..');
export const SIM_PASSWORD = 'Passw0rd!';
export const SERVICE_ACCOUNT = 'svc-calpump@contoso.com';

/** The children that measure Calpump's own code: bench/run.ts builds them as the CLI ships (bench/bundle.ts). */
export const BUNDLED_CHILDREN = ['calpump-export.ts', 'calpump-job.ts'];

/**
 * How a child runs: Calpump's own children from the bundle bench/run.ts made with the prebuilt CLI's settings (the
 * code `calpump` runs; BENCH_BUNDLE_DIR), everything else (simulator, baselines, browser rows) through tsx.
 * BENCH_LOADER=tsx runs Calpump's children from the sources too; BENCH_LOADER=vite-node runs every child the way
 * the tests do.
 */
export function tsArgs(script: string, args: string[]): string[] {
  const dir = process.env.BENCH_BUNDLE_DIR;
  const bundled = dir && BUNDLED_CHILDREN.includes(script) ? join(dir, script.replace(/\.ts$/, '.mjs')) : undefined;
  const loader = bundled
    ? []
    : process.env.BENCH_LOADER === 'vite-node'
      ? [join(ROOT, 'node_modules', 'vite-node', 'vite-node.mjs')]
      : ['--import', 'tsx'];
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of every child (simulator included) to DIR/<script>/.
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROF, script.replace(/\.ts$/, ''))}`]
    : [];
  return [
    ...prof,
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ...loader,
    bundled ?? join(ROOT, 'bench', script),
    ...(loader.length === 1 ? ['--', ...args] : args),
  ];
}

export interface SimHandle {
  url: string;
  ewsUrl: string;
  caFile: string;
  mailboxes: string[];
  command(cmd: string): Promise<Record<string, unknown>>;
  /** Items per user mailbox a correct export of the window must write (from the simulator's world). */
  expected(from: string, to: string, mode?: 'view' | 'job'): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startSimProcess(opts: {
  mailboxes: number;
  events: number;
  latencyMs: number;
  faultRate?: number;
  /** MB of answers the simulator may keep for repeated read-only requests (default 512; 0: build every answer). */
  answerCacheMb?: number;
}): Promise<SimHandle> {
  const child = spawn(
    process.execPath,
    tsArgs('sim-server.ts', [
      '--mailboxes',
      String(opts.mailboxes),
      '--events',
      String(opts.events),
      '--latency-ms',
      String(opts.latencyMs),
      '--fault-rate',
      String(opts.faultRate ?? 0),
      '--answer-cache-mb',
      String(opts.answerCacheMb ?? 512),
    ]),
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;
  const ready = await next();
  const command = async (cmd: string) => {
    child.stdin.write(`${cmd}\n`);
    return next();
  };
  return {
    url: ready.url as string,
    ewsUrl: ready.ewsUrl as string,
    caFile: ready.caFile as string,
    mailboxes: ready.mailboxes as string[],
    command,
    async expected(from, to, mode = 'view') {
      return (await command(`expected calendar ${from} ${to} ${mode}`)).perMailbox as Record<string, number>;
    },
    async stop() {
      child.stdin.write('stop\n');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Runs a bench child to completion; it prints one JSON line with its result as the last line of stdout. */
export function runChild(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Record<string, unknown>> {
  return runProgram(process.execPath, tsArgs(script, args), script, env);
}

/** Debian's Python, where python3-exchangelib lives (not a pyenv or venv python earlier on PATH). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export function runPython(script: string, args: string[]): Promise<Record<string, unknown>> {
  return runProgram(SYSTEM_PYTHON, [join(ROOT, 'bench', script), ...args], script, {});
}

function runProgram(command: string, argv: string[], script: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, argv, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        const result: unknown = JSON.parse(last);
        if (!result || typeof result !== 'object' || Array.isArray(result)) throw new Error('not a result object');
        resolve(result as Record<string, unknown>);
      } catch {
        reject(new Error(`${script} exited ${code} without a result: ${out.slice(-500)}`));
      }
    });
  });
}

export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
}

/**
 * One row of the printed table: the figure, its target and how it compares. A row whose guard found problems
 * (failed mailboxes, wrong item counts) is VOID whatever its figure: it measured something else.
 */
export function row(name: string, value: string, target: string, ratio: string, pass: boolean, problems: string[] = []): string {
  const mark = problems.length ? 'VOID' : pass ? 'PASS' : 'MISS';
  const line = `${mark}  ${name.padEnd(50)} ${value.padStart(14)}   target ${target.padEnd(16)} ${ratio}   (load ${load()})`;
  return [line, ...problems.map((p) => `      guard: ${p}`)].join('\n');
}

export const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The 1-minute load average, for printing beside every timed row (other work on the machine moves the figures). */
export function load(): string {
  return loadavg()[0].toFixed(2);
}

export interface ChildResult {
  ms: number;
  items: number;
  failed: number;
  firstError?: string;
  perMailbox: Record<string, number>;
  /** CPU time of the measured program during the run (main process; Python: the process). */
  cpuMs?: number;
  /** CPU time the simulator spent answering it. */
  serverCpuMs?: number;
  /** Calpump's children (Linux): CPU time of the main thread alone, the rest of cpuMs being other threads. */
  mainCpuMs?: number;
  /** exchangelib: warnings and errors it and urllib3 logged (dropped connections retried…), and the first. */
  problems?: number;
  firstProblem?: string;
}

/** Runs a child and adds the simulator's CPU time spent meanwhile (serverCpuMs). */
export async function withServerCpu(sim: SimHandle, run: () => Promise<ChildResult>): Promise<ChildResult> {
  const before = (await sim.command('counters')).cpuMs as number;
  const r = await run();
  const after = (await sim.command('counters')).cpuMs as number;
  return { ...r, serverCpuMs: after - before };
}

/** "12.3 µs" of CPU per item, or '–' when not measured. */
export const cpuPerItem = (ms: number | undefined, items: number) =>
  ms === undefined || !items ? '–' : `${((ms * 1000) / items).toFixed(1)} µs`;

/**
 * The guard every timed row passes before it reports anything: no mailbox failed, and every mailbox wrote exactly
 * the items the simulator's world holds for the window. Returns the problems (empty: the run counts).
 */
export function guardProblems(label: string, r: ChildResult, expected: Record<string, number>, mailboxes: string[]): string[] {
  const problems: string[] = [];
  if (r.failed) problems.push(`${label}: ${r.failed} mailbox(es) failed (${r.firstError ?? 'no error text'})`);
  const wrong = mailboxes.filter((m) => r.perMailbox?.[m] !== expected[m]);
  if (wrong.length)
    problems.push(
      `${label}: ${wrong.length} mailbox(es) with the wrong item count, e.g. ${wrong[0]} wrote ${r.perMailbox?.[wrong[0]] ?? 'nothing'}, expected ${expected[wrong[0]]}`,
    );
  return problems;
}

/** Main-process CPU (user + system) since a process.cpuUsage() reading, in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** SHA-256 over every file under dir (relative name and bytes, in name order). */
export async function digestOf(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const names = files.map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  for (const name of names) hash.update(`${name}\0`).update(await readFile(join(dir, name)));
  return hash.digest('hex');
}
