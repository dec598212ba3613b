// The pump rows: a no-change incremental sync over 1,000 mailboxes (requests per folder and wall time against
// mailboxes × RTT / concurrency) and the peak RSS of a full job over 1,000 × 500 events. Every run is guarded:
// no mailbox failed and every mailbox holds the items the simulator's world has for the job's window.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobWindow } from '../src/core/sync/window.js';
import { fmtS, guardProblems, row, runChild, type ChildResult, type SimHandle } from './lib.js';

export const NOW = '2026-03-02T06:00:00.000Z';

/** What a job with the bench's default window (60 days back and ahead) must hold per mailbox. */
export async function jobExpected(sim: SimHandle): Promise<Record<string, number>> {
  const w = jobWindow(new Date(NOW), { daysBack: 60, daysAhead: 60 });
  return sim.expected(w.from.toISOString(), w.to.toISOString(), 'job');
}

export interface JobRun extends ChildResult {
  status: string;
  ok: number;
  maxRssMb: number;
}

export function jobArgs(sim: SimHandle, list: string[], dir: string, backend: 'ews' | 'graph', extra: string[] = []): string[] {
  const url = backend === 'graph' ? sim.url : sim.ewsUrl;
  return ['--backend', backend, '--url', url, '--ca', sim.caFile, '--mailboxes', list.join(','), '--dir', dir, '--now', NOW, ...extra];
}

export async function noChangeSyncRows(sim: SimHandle, list: string[], say: (s: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-sync-'));
  try {
    const concurrency = 8;
    const expected = await jobExpected(sim);
    const args = jobArgs(sim, list, dir, 'ews', ['--concurrency', String(concurrency)]);
    const initial = (await runChild('calpump-job.ts', args)) as unknown as JobRun;
    const problems = guardProblems('initial run', initial, expected, list);
    say(
      `no-change sync (EWS): initial run over ${list.length} mailboxes took ${fmtS(initial.ms)} (${initial.status}, ${initial.failed} failed)`,
    );
    // One untimed no-change run first: it sends the very requests the timed one repeats, so the simulator's
    // answer memo serves both the timed run and the RTT probe below alike (see bench/lib.ts, --answer-cache-mb).
    const warm = (await runChild('calpump-job.ts', args)) as unknown as JobRun;
    problems.push(...guardProblems('no-change warm-up run', warm, expected, list));
    await sim.command('reset');
    const second = (await runChild('calpump-job.ts', args)) as unknown as JobRun;
    problems.push(...guardProblems('no-change run', second, expected, list));
    const counters = (await sim.command('counters')) as { total: number; byOperation: Record<string, number> };
    const rtt = (await runChild('rtt.ts', ['--url', sim.ewsUrl, '--ca', sim.caFile, '--mailbox', list[0]])).rttMs as number;
    const perFolder = counters.total / list.length;
    const ideal = (list.length * rtt) / concurrency;
    const ratio = second.ms / ideal;
    say(
      `  ${counters.total} requests (${JSON.stringify(counters.byOperation)}), ${fmtS(second.ms)}, RTT ${rtt.toFixed(1)} ms, ideal ${list.length} × RTT / ${concurrency} = ${fmtS(ideal)}`,
    );
    say(
      row(
        'no-change sync (EWS): requests per folder',
        perFolder.toFixed(2),
        '1',
        `ratio ${perFolder.toFixed(2)}`,
        perFolder <= 1,
        problems,
      ),
    );
    say(
      row(
        'no-change sync (EWS): wall vs mailboxes×RTT/conc.',
        fmtS(second.ms),
        `≤ 1.3 × ${fmtS(ideal)}`,
        `ratio ${ratio.toFixed(2)}`,
        ratio <= 1.3,
        problems,
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function peakRssRow(sim: SimHandle, list: string[], events: number, say: (s: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-rss-'));
  try {
    const expected = await jobExpected(sim);
    const r = (await runChild('calpump-job.ts', jobArgs(sim, list, dir, 'ews'))) as unknown as JobRun;
    say(
      `peak RSS: full job run over ${list.length} mailboxes × ${events} events: ${r.items} items written in ${fmtS(r.ms)} (${r.status}, ${r.failed} failed)`,
    );
    const mb = r.maxRssMb;
    say(
      row(
        'peak RSS of the pump process',
        `${mb.toFixed(0)} MB`,
        '< 300 MB',
        `ratio ${(mb / 300).toFixed(2)}`,
        mb < 300,
        guardProblems('job run', r, expected, list),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
