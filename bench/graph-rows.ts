// The Graph rows: the same full export through Microsoft Graph and through EWS (same simulator, same data, JSON
// without attendees), alternated A/B, time and requests per mailbox side by side; and a no-change pump run
// over 1,000 Graph mailboxes counted in requests. Every run is guarded by item counts per mailbox. Like the other
// export rows, each contender runs once untimed first: the simulator memoises its answers, so a first run after
// start would pay for building them (EWS and Graph ask for different answers, so both are warmed).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate } from './ab.js';
import { EXPORT_FROM, EXPORT_TO } from './export-rows.js';
import { cpuPerItem, fmtS, guardProblems, median, row, runChild, withServerCpu, type ChildResult, type SimHandle } from './lib.js';
import { jobArgs, jobExpected, type JobRun } from './pump-rows.js';

export async function graphExportRows(sim: SimHandle, list: string[], rounds: number, say: (s: string) => void): Promise<void> {
  const expected = await sim.expected(EXPORT_FROM, EXPORT_TO);
  const common = ['--ca', sim.caFile, '--mailboxes', list.join(','), '--from', EXPORT_FROM, '--to', EXPORT_TO, '--format', 'json'];
  const requests: Record<'ews' | 'graph', number[]> = { ews: [], graph: [] };
  // Requests of every run, the untimed warm-up first (the simulator's counters start at zero with each reset).
  const run = (backend: 'ews' | 'graph') => async () => {
    const r = await withServerCpu(
      sim,
      async () =>
        (await runChild('calpump-export.ts', [
          ...common,
          '--backend',
          backend,
          '--url',
          backend === 'graph' ? sim.url : sim.ewsUrl,
          '--attendees',
          'no',
        ])) as unknown as ChildResult,
    );
    requests[backend].push(((await sim.command('counters')) as { total: number }).total);
    return r;
  };
  say(`Graph vs EWS: the same export of ${list.length} mailboxes; each warmed once untimed, then A/B × ${rounds}:`);
  const r = await alternate(
    { label: 'Graph', run: run('graph') },
    { label: 'EWS', run: run('ews') },
    rounds,
    { expected, mailboxes: list },
    () => sim.command('reset'),
    say,
    { warmUp: true },
  );
  const cpu = (runs: ChildResult[]) => cpuPerItem(median(runs.map((x) => x.cpuMs ?? NaN)), runs[0]?.items ?? 0);
  const perMailbox = (b: 'ews' | 'graph') => Math.max(...requests[b]) / list.length;
  say(
    row(
      'Graph export time vs EWS',
      `${r.medianRatio.toFixed(2)}× EWS`,
      '≤ 1.2×',
      `Graph ${r.a.map((x) => fmtS(x.ms)).join('/')}, EWS ${r.b.map((x) => fmtS(x.ms)).join('/')}; client CPU per item (median) Graph ${cpu(r.a)}, EWS ${cpu(r.b)}`,
      r.medianRatio <= 1.2,
      r.problems,
    ),
  );
  say(
    row(
      'Graph export requests per mailbox vs EWS',
      perMailbox('graph').toFixed(2),
      `≤ ${perMailbox('ews').toFixed(2)} (EWS)`,
      `Graph ${requests.graph.join('/')}, EWS ${requests.ews.join('/')} requests (warm-up first; token and discovery included)`,
      perMailbox('graph') <= perMailbox('ews'),
      r.problems,
    ),
  );
}

export async function graphNoChangeRow(sim: SimHandle, list: string[], say: (s: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-graph-sync-'));
  try {
    const expected = await jobExpected(sim);
    const args = jobArgs(sim, list, dir, 'graph');
    const initial = (await runChild('calpump-job.ts', args)) as unknown as JobRun;
    const problems = guardProblems('initial run', initial, expected, list);
    say(
      `no-change sync (Graph): initial run over ${list.length} mailboxes took ${fmtS(initial.ms)} (${initial.status}, ${initial.failed} failed)`,
    );
    await sim.command('reset');
    const second = (await runChild('calpump-job.ts', args)) as unknown as JobRun;
    problems.push(...guardProblems('no-change run', second, expected, list));
    const counters = (await sim.command('counters')) as { total: number; byOperation: Record<string, number> };
    say(`  ${counters.total} requests (${JSON.stringify(counters.byOperation)}), ${fmtS(second.ms)}`);
    say(
      row(
        `no-change sync (Graph), ${list.length} mailboxes: requests`,
        String(counters.total),
        '≤ 100',
        `${(counters.total / list.length).toFixed(3)} per mailbox`,
        counters.total <= 100,
        problems,
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
