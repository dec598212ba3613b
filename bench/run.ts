// `npm run bench`: each figure beside its target and the ratio. The simulator and every measured program run in
// their own processes (the simulator with --latency-ms 20). Never part of `npm test`. `--quick` scales sizes down.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { constants, cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { bundleChildren } from './bundle.js';
import { cpuRows } from './cpu-rows.js';
import { exportRows } from './export-rows.js';
import { faultRateRow } from './fault-rate-row.js';
import { graphExportRows, graphNoChangeRow } from './graph-rows.js';
import { load, runChild, startSimProcess, type SimHandle } from './lib.js';
import { noChangeSyncRows, peakRssRow } from './pump-rows.js';

const QUICK = process.argv.includes('--quick');
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 2);
const only = (name: string) => !process.argv.some((a) => a.startsWith('--only=')) || process.argv.includes(`--only=${name}`);
const LATENCY_MS = 20;
const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

/** All mailboxes but the one the service account may not impersonate (carol.evans, by design of the seed). */
function mailboxesOf(sim: SimHandle, n: number): string[] {
  return sim.mailboxes.filter((m) => m !== 'carol.evans@contoso.com').slice(0, n);
}

async function withSim(n: number, events: number, fn: (sim: SimHandle, list: string[]) => Promise<void>): Promise<void> {
  const sim = await startSimProcess({ mailboxes: n + 1, events, latencyMs: LATENCY_MS });
  try {
    await fn(sim, mailboxesOf(sim, n));
  } finally {
    await sim.stop();
  }
}

async function main(): Promise<void> {
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()} ${release()}, Node ${process.version}${QUICK ? ' (--quick sizes)' : ''}; load ${load()} at ${new Date().toISOString()}`,
  );
  // Every child's output stays in one folder until the bench ends (benchOutDir in lib.ts says why).
  const outRoot = await mkdtemp(join(tmpdir(), 'calpump-bench-out-'));
  process.env.BENCH_OUT_ROOT = outRoot;
  process.once('exit', () => rmSync(outRoot, { recursive: true, force: true }));
  // Ctrl-C or a kill ends the bench through exit(), so the output root and the children's bundle are removed then
  // too (a signal's default action would skip every 'exit' handler).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(128 + constants.signals[signal]));
  const bundled = await bundleChildren();
  say(
    bundled
      ? "Calpump's children: bundled with the prebuilt CLI's settings (scripts/build-cli.mjs), as `calpump` runs"
      : `Calpump's children: from the TypeScript sources (BENCH_LOADER=${process.env.BENCH_LOADER})`,
  );
  if (only('cpu')) await withSim(QUICK ? 40 : 200, 200, (sim, list) => cpuRows(sim, list, ROUNDS, say));
  if (only('export')) await withSim(QUICK ? 40 : 200, 200, (sim, list) => exportRows(sim, list, 200, ROUNDS, say));
  if (only('graph')) await withSim(QUICK ? 40 : 200, 200, (sim, list) => graphExportRows(sim, list, ROUNDS, say));
  if (only('sync'))
    await withSim(QUICK ? 200 : 1000, 5, async (sim, list) => {
      await noChangeSyncRows(sim, list, say);
      await graphNoChangeRow(sim, list, say);
    });
  if (only('faults')) await faultRateRow({ mailboxes: QUICK ? 20 : 50, events: 200, rounds: ROUNDS, latencyMs: LATENCY_MS }, say);
  if (only('rss')) await withSim(QUICK ? 200 : 1000, 500, (sim, list) => peakRssRow(sim, list, 500, say));
  if (only('renderer')) say((await import('./renderer-list-filter.js')).rowOf(await runChild('renderer-list-filter.ts', ['--json'])));
  if (only('ui')) {
    const { uiFilterRowOf } = await import('./ui-filter-chromium.js');
    say(uiFilterRowOf((await runChild('ui-filter-chromium.ts', ['--json'])) as unknown as Parameters<typeof uiFilterRowOf>[0]));
  }
  if (only('paint')) say((await import('./first-paint.js')).rowOf(await runChild('first-paint.ts', ['--json'])));
  if (only('import')) say(await (await import('./import-million.js')).importMillionRow());
  if (only('cli')) for (const line of await (await import('./cli-start.js')).cliStartRows()) say(line);
}

void main();
