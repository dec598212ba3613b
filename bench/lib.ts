// Shared bench plumbing: the simulator in a child process, children running TypeScript, and result lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const SIM_PASSWORD = 'Passw0rd!';
export const SERVICE_ACCOUNT = 'svc-calpump@contoso.com';

/**
 * How children run TypeScript: tsx, as bin/calpump.js ships. BENCH_LOADER=vite-node runs them the way the tests do.
 */
export function tsArgs(script: string, args: string[]): string[] {
  const loader =
    process.env.BENCH_LOADER === 'vite-node' ? [join(ROOT, 'node_modules', 'vite-node', 'vite-node.mjs')] : ['--import', 'tsx'];
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of every child (simulator included) to DIR/<script>/.
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROF, script.replace(/\.ts$/, ''))}`]
    : [];
  return [
    ...prof,
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ...loader,
    join(ROOT, 'bench', script),
    ...(loader.length === 1 ? ['--', ...args] : args),
  ];
}

export interface SimHandle {
  ewsUrl: string;
  caFile: string;
  mailboxes: string[];
  command(cmd: 'counters' | 'reset'): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startSimProcess(opts: { mailboxes: number; events: number; latencyMs: number }): Promise<SimHandle> {
  const child = spawn(
    process.execPath,
    tsArgs('sim-server.ts', [
      '--mailboxes',
      String(opts.mailboxes),
      '--events',
      String(opts.events),
      '--latency-ms',
      String(opts.latencyMs),
    ]),
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;
  const ready = await next();
  return {
    ewsUrl: ready.ewsUrl as string,
    caFile: ready.caFile as string,
    mailboxes: ready.mailboxes as string[],
    async command(cmd) {
      child.stdin!.write(`${cmd}\n`);
      return next();
    },
    async stop() {
      child.stdin!.write('stop\n');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Runs a bench child to completion; it prints one JSON line with its result as the last line of stdout. */
export function runChild(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, tsArgs(script, args), {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last));
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

/** One row of the printed table: the figure, its target and how it compares. */
export function row(name: string, value: string, target: string, ratio: string, pass: boolean): string {
  return `${pass ? 'PASS' : 'MISS'}  ${name.padEnd(44)} ${value.padStart(14)}   target ${target.padEnd(18)} ${ratio}`;
}
