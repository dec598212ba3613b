// `--only=cpu`, after the CPU rows: the export on one thread against the export with worker threads (sync/shard/,
// CALPUMP_EXPORT_WORKERS=auto: one fewer than the cores, this thread doing its share), alternated A/B in one run
// and guarded by item counts. Wall time is what pays; CPU time (all threads of the process) shows what the
// threads cost, and the workers' start-up (inside the timed window) is printed beside it.
import { buildCli } from '../scripts/build-cli.mjs';
import { currentBundle } from '../scripts/cli-bundle.mjs';
import { alternate, type Contender } from './ab.js';
import { EXPORT_FROM, EXPORT_TO } from './export-rows.js';
import { fmtS, median, row, runChild, withServerCpu, type ChildResult, type SimHandle } from './lib.js';

type ShardResult = ChildResult & { workerReadyMs?: number[]; workerCpuMs?: number[]; workerMailboxes?: number[] };

export async function shardRows(sim: SimHandle, list: string[], rounds: number, say: (s: string) => void): Promise<void> {
  // Workers start from the prebuilt CLI's export-worker.mjs, as `calpump export` does (worker-entry.ts): built
  // first when the sources changed since, so the row never times tsx compiling the EWS stack in each thread.
  if (!currentBundle()) await buildCli({ quiet: true });
  const base = ['--url', sim.ewsUrl, '--ca', sim.caFile, '--mailboxes', list.join(','), '--from', EXPORT_FROM, '--to', EXPORT_TO];
  const expected = await sim.expected(EXPORT_FROM, EXPORT_TO);
  const guard = { expected, mailboxes: list };
  for (const concurrency of [8, 27]) {
    const ready: number[] = [];
    // Where the CPU went in each sharded run (Linux): this thread, each worker (its mailboxes), and the rest of the
    // process (V8's helper threads: GC and compiling; libuv's pool: file writes and fsyncs).
    const split: string[] = [];
    const contender = (workers: string, label: string): Contender => ({
      label,
      run: async () =>
        withServerCpu(sim, async () => {
          const r = (await runChild('calpump-export.ts', [
            ...base,
            ...['--format', 'json', '--attendees', 'no', '--concurrency', String(concurrency), '--workers', workers],
          ])) as unknown as ShardResult;
          ready.push(...(r.workerReadyMs ?? []));
          if (r.mainCpuMs !== undefined) split.push(threadSplit(r));
          return r;
        }),
    });
    say(`  worker threads at concurrency ${concurrency} (JSON, no attendees); A/B × ${rounds}:`);
    const r = await alternate(
      contender('0', 'one thread'),
      contender('auto', 'worker threads (auto)'),
      rounds,
      guard,
      () => sim.command('reset'),
      say,
    );
    const cpu = (xs: ChildResult[]) => median(xs.map((x) => ((x.cpuMs ?? 0) * 1000) / x.items)).toFixed(1);
    say(
      row(
        `(info) worker threads at concurrency ${concurrency}: one thread ÷ sharded`,
        `${r.medianRatio.toFixed(2)}×`,
        '> 1× to turn on',
        `one thread ${r.a.map((x) => fmtS(x.ms)).join('/')}, sharded ${r.b.map((x) => fmtS(x.ms)).join('/')}; CPU per item ${cpu(r.a)} → ${cpu(r.b)} µs; worker start-up ${ready.map((ms) => `${Math.round(ms)} ms`).join('/') || '–'}; CPU by thread ${split.join(' | ') || '–'}`,
        true,
        r.problems,
      ),
    );
  }
}

/** 'main 2.01 s, worker 1.30 s (77 mailboxes), rest 1.10 s' — one run's CPU by thread. */
function threadSplit(r: ShardResult): string {
  const workers = (r.workerCpuMs ?? []).map((ms, i) => `worker ${fmtS(ms)} (${r.workerMailboxes?.[i] ?? '?'} mailboxes)`);
  const own = (r.mainCpuMs ?? 0) + (r.workerCpuMs ?? []).reduce((a, b) => a + b, 0);
  return [`main ${fmtS(r.mainCpuMs ?? 0)}`, ...workers, `rest ${fmtS((r.cpuMs ?? 0) - own)}`].join(', ');
}
