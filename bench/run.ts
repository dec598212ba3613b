// `npm run bench`: each figure beside its target and the ratio. The simulator and every measured program run in
// their own processes (the simulator with --latency-ms 20). Never part of `npm test`. `--quick` scales sizes down.
import { cpus, totalmem, type, release } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, runChild, startSimProcess, type SimHandle } from './lib.js';

const QUICK = process.argv.includes('--quick');
const only = (name: string) => !process.argv.some((a) => a.startsWith('--only=')) || process.argv.includes(`--only=${name}`);
const LATENCY_MS = 20;
const NOW = '2026-03-02T06:00:00.000Z';
const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

/** All mailboxes but the one the service account may not impersonate (carol.evans, by design of the seed). */
function mailboxesOf(sim: SimHandle, n: number): string[] {
  return sim.mailboxes.filter((m) => m !== 'carol.evans@contoso.com').slice(0, n);
}

async function fullExport(n: number, events: number): Promise<void> {
  const sim = await startSimProcess({ mailboxes: n + 1, events, latencyMs: LATENCY_MS });
  try {
    const list = mailboxesOf(sim, n);
    const args = [
      '--url',
      sim.ewsUrl,
      '--ca',
      sim.caFile,
      '--mailboxes',
      list.join(','),
      '--from',
      '2025-12-31T00:00:00Z',
      '--to',
      '2026-05-02T00:00:00Z',
    ];
    const naive = await runChild('naive-export.ts', args);
    await sim.command('reset');
    // Like for like: the naive loop writes uid, subject, times, location and all-day as JSON, no attendees.
    const pump = await runChild('calpump-export.ts', [...args, '--format', 'json', '--attendees', 'no']);
    await sim.command('reset');
    const full = await runChild('calpump-export.ts', [...args, '--format', 'ics', '--attendees', 'yes']);
    const ratio = (naive.ms as number) / (pump.ms as number);
    say(
      `full export, ${list.length} mailboxes × ${events} events: naive ${fmt(naive.ms)} (${naive.items} items, ${naive.failed} failed), Calpump ${fmt(pump.ms)} (${pump.items} items, ${pump.failed} failed)`,
    );
    say(
      row(
        'full export: Calpump vs naive sequential loop',
        `${ratio.toFixed(1)}× faster`,
        '≥ 10× faster',
        `ratio ${(ratio / 10).toFixed(2)} of target`,
        ratio >= 10,
      ),
    );
    say(
      `  (not a target) the same export as ICS with attendees (a GetItem per 50 items): ${fmt(full.ms)}, ${((naive.ms as number) / (full.ms as number)).toFixed(1)}× the naive loop (${full.items} items, ${full.failed} failed)`,
    );
  } finally {
    await sim.stop();
  }
}

async function noChangeSync(n: number): Promise<void> {
  const sim = await startSimProcess({ mailboxes: n + 1, events: 5, latencyMs: LATENCY_MS });
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-sync-'));
  try {
    const list = mailboxesOf(sim, n);
    const concurrency = 8;
    const args = [
      '--url',
      sim.ewsUrl,
      '--ca',
      sim.caFile,
      '--mailboxes',
      list.join(','),
      '--dir',
      dir,
      '--now',
      NOW,
      '--concurrency',
      String(concurrency),
    ];
    const initial = await runChild('calpump-job.ts', args);
    say(`no-change sync: initial run over ${list.length} mailboxes took ${fmt(initial.ms)} (${initial.status}, ${initial.failed} failed)`);
    await sim.command('reset');
    const second = await runChild('calpump-job.ts', args);
    const counters = (await sim.command('counters')) as { total: number; byOperation: Record<string, number> };
    const rtt = (await runChild('rtt.ts', ['--url', sim.ewsUrl, '--ca', sim.caFile, '--mailbox', list[0]])).rttMs as number;
    const perFolder = counters.total / list.length;
    const ideal = (list.length * rtt) / concurrency;
    const ratio = (second.ms as number) / ideal;
    say(
      `no-change sync: ${counters.total} requests (${JSON.stringify(counters.byOperation)}), ${fmt(second.ms)}, RTT ${rtt.toFixed(1)} ms, ideal ${list.length} × RTT / ${concurrency} = ${fmt(ideal)}`,
    );
    say(row('no-change sync: requests per folder', perFolder.toFixed(2), '1', `ratio ${perFolder.toFixed(2)}`, perFolder <= 1));
    say(
      row(
        'no-change sync: wall time vs mailboxes×RTT/conc.',
        fmt(second.ms),
        `≤ 1.3 × ${fmt(ideal)}`,
        `ratio ${ratio.toFixed(2)}`,
        ratio <= 1.3,
      ),
    );
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function peakRss(n: number, events: number): Promise<void> {
  const sim = await startSimProcess({ mailboxes: n + 1, events, latencyMs: LATENCY_MS });
  const dir = await mkdtemp(join(tmpdir(), 'calpump-bench-rss-'));
  try {
    const list = mailboxesOf(sim, n);
    const r = await runChild('calpump-job.ts', [
      '--url',
      sim.ewsUrl,
      '--ca',
      sim.caFile,
      '--mailboxes',
      list.join(','),
      '--dir',
      dir,
      '--now',
      NOW,
    ]);
    say(
      `peak RSS: full job run over ${list.length} mailboxes × ${events} events: ${r.items} items written in ${fmt(r.ms)} (${r.status}, ${r.failed} failed)`,
    );
    const mb = r.maxRssMb as number;
    say(row('peak RSS of the pump process', `${mb.toFixed(0)} MB`, '< 300 MB', `ratio ${(mb / 300).toFixed(2)}`, mb < 300));
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function fmt(ms: unknown): string {
  return `${((ms as number) / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()} ${release()}, Node ${process.version}${QUICK ? ' (--quick sizes)' : ''}`,
  );
  if (only('export')) await fullExport(QUICK ? 40 : 200, 200);
  if (only('sync')) await noChangeSync(QUICK ? 200 : 1000);
  if (only('rss')) await peakRss(QUICK ? 200 : 1000, 500);
  if (only('renderer')) say((await import('./renderer-list-filter.js')).rowOf(await runChild('renderer-list-filter.ts', ['--json'])));
}

void main();
