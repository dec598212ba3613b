// `--only=cpu`: CPU per exported item of Calpump's client and of the simulator answering it — the figure the
// export rows are bound by on a shared or small machine, measured as CPU time (process.cpuUsage of each process),
// so other work on the machine moves it far less than wall time. Guarded by item counts like every row.
import { EXPORT_FROM, EXPORT_TO } from './export-rows.js';
import { shardRows } from './shard-rows.js';
import { cpuPerItem, fmtS, guardProblems, median, row, runChild, withServerCpu, type ChildResult, type SimHandle } from './lib.js';

export async function cpuRows(sim: SimHandle, list: string[], rounds: number, say: (s: string) => void): Promise<void> {
  const base = ['--url', sim.ewsUrl, '--ca', sim.caFile, '--mailboxes', list.join(','), '--from', EXPORT_FROM, '--to', EXPORT_TO];
  const expected = await sim.expected(EXPORT_FROM, EXPORT_TO);
  for (const concurrency of [8, 27]) {
    const runs: ChildResult[] = [];
    const problems: string[] = [];
    for (let i = 0; i < rounds; i++) {
      await sim.command('reset');
      const r = await withServerCpu(
        sim,
        async () =>
          (await runChild('calpump-export.ts', [
            ...base,
            '--format',
            'json',
            '--attendees',
            'no',
            '--concurrency',
            String(concurrency),
          ])) as unknown as ChildResult,
      );
      problems.push(...guardProblems(`Calpump at ${concurrency}`, r, expected, list));
      runs.push(r);
      say(
        `    concurrency ${concurrency}: ${fmtS(r.ms)}, ${r.items} items; CPU per item: client ${cpuPerItem(r.cpuMs, r.items)}, server ${cpuPerItem(r.serverCpuMs, r.items)}`,
      );
    }
    const client = median(runs.map((r) => ((r.cpuMs ?? 0) * 1000) / r.items));
    const server = median(runs.map((r) => ((r.serverCpuMs ?? 0) * 1000) / r.items));
    say(
      row(
        `(info) CPU per item at concurrency ${concurrency} (JSON, no attendees)`,
        `${client.toFixed(1)} µs`,
        '–',
        `simulator ${server.toFixed(1)} µs per item (median of ${rounds})`,
        true,
        [...new Set(problems)],
      ),
    );
  }
  await shardRows(sim, list, rounds, say);
}
