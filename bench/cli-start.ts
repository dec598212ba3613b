// CLI start-up: `calpump --help` and `calpump profiles list` as a scheduled task or a shell runs them, a new Node
// process each time, from the prebuilt bundle (dist/cli, what `npm ci` builds) beside the tsx path (the sources
// compiled on every start, CALPUMP_FROM_SOURCES=1). Median of 10 runs after one warm-up run; every run must exit 0
// and print what it is asked for, or the row fails. Target: < 300 ms on an idle machine.
// Alone: `npx tsx bench/cli-start.ts`; in `npm run bench` as `--only=cli`.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addBenchProfile, BIN, ensureCliBundle } from './cli-bin.js';
import { row } from './lib.js';

const RUNS = 10;
const TARGET_MS = 300;

interface Case {
  name: string;
  args: string[];
  /** A run counts only if its output contains this. */
  expect: string;
}

function timeRun(c: Case, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...c.args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 || !r.stdout.includes(c.expect))
    throw new Error(`${c.name} failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 400)}`);
  return ms;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(c: Case, env: NodeJS.ProcessEnv): { median: number; runs: number } {
  timeRun(c, env);
  const times = Array.from({ length: RUNS }, () => timeRun(c, env));
  return { median: median(times), runs: times.length };
}

export async function cliStartRows(): Promise<string[]> {
  await ensureCliBundle();
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-cli-'));
  try {
    addBenchProfile(['--config-dir', dir, '--url', 'https://ews.contoso.com/EWS/Exchange.asmx', '--username', 'svc@contoso.com']);
    const cases: Case[] = [
      { name: 'calpump --help', args: ['--help'], expect: 'Usage: calpump' },
      { name: 'calpump profiles list', args: ['--config-dir', dir, 'profiles', 'list'], expect: 'bench' },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      const bundle = measure(c, { CALPUMP_FROM_SOURCES: '' });
      const sources = measure(c, { CALPUMP_FROM_SOURCES: '1' });
      rows.push(
        row(
          `CLI start: ${c.name} (median of ${bundle.runs})`,
          `${bundle.median.toFixed(0)} ms`,
          `< ${TARGET_MS} ms`,
          `${(bundle.median / TARGET_MS).toFixed(2)} of target; tsx path ${sources.median.toFixed(0)} ms (${(sources.median / bundle.median).toFixed(1)}× slower)`,
          bundle.median < TARGET_MS,
        ),
      );
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) for (const line of await cliStartRows()) console.log(line);
