// Row (issue 11): an export against a simulator that fails 5 % of its requests (ErrorServerBusy, HTTP 503, a
// reset connection, an answer cut in half — the simulator's --fault-rate) takes at most 1.5× the time of the same
// export against a clean simulator, and writes byte-identical files. Two simulators with the same seed hold the
// same world; the faulty and the clean export alternate (A/B) so load on the machine falls on both. Every run is
// guarded by item counts, and the files of every run must hash the same.
import { alternate, type Contender } from './ab.js';
import { EXPORT_FROM, EXPORT_TO } from './export-rows.js';
import { fmtS, row, runChild, startSimProcess, type ChildResult, type SimHandle } from './lib.js';

export const FAULT_RATE = 0.05;
const TARGET = 1.5;

export async function faultRateRow(
  opts: { mailboxes: number; events: number; rounds: number; latencyMs: number },
  say: (s: string) => void,
) {
  const start = (faultRate: number) =>
    startSimProcess({ mailboxes: opts.mailboxes + 1, events: opts.events, latencyMs: opts.latencyMs, faultRate });
  const sims: SimHandle[] = [];
  try {
    const clean = await start(0);
    sims.push(clean);
    const faulty = await start(FAULT_RATE);
    sims.push(faulty);
    const list = clean.mailboxes.filter((m) => m !== 'carol.evans@contoso.com').slice(0, opts.mailboxes);
    const expected = await clean.expected(EXPORT_FROM, EXPORT_TO);
    const digests = new Set<string>();
    const exporter = (label: string, sim: SimHandle): Contender => ({
      label,
      run: async () => {
        const r = await runChild('calpump-export.ts', [
          ...['--url', sim.ewsUrl, '--ca', sim.caFile, '--mailboxes', list.join(','), '--from', EXPORT_FROM, '--to', EXPORT_TO],
          ...['--format', 'ics', '--attendees', 'yes', '--digest', 'yes'],
        ]);
        digests.add(String(r.digest));
        return r as unknown as ChildResult;
      },
    });
    const total = list.reduce((n, m) => n + expected[m], 0);
    say(`export under faults, ${list.length} mailboxes × ${opts.events} events (${total.toLocaleString('en')} items, ICS with attendees):`);
    const r = await alternate(
      exporter(`fault rate ${FAULT_RATE}`, faulty),
      exporter('clean', clean),
      opts.rounds,
      { expected, mailboxes: list },
      () => Promise.all([clean.command('reset'), faulty.command('reset')]),
      say,
    );
    const problems = [...r.problems];
    if (digests.size !== 1) problems.push(`the runs wrote ${digests.size} different sets of files (must be identical)`);
    say(
      row(
        `export at --fault-rate ${FAULT_RATE} vs clean`,
        `${r.medianRatio.toFixed(2)}× the time`,
        `≤ ${TARGET}×, same files`,
        `faulty ${r.a.map((x) => fmtS(x.ms)).join('/')}, clean ${r.b.map((x) => fmtS(x.ms)).join('/')}; files identical: ${digests.size === 1 ? 'yes' : 'NO'}`,
        r.medianRatio <= TARGET,
        problems,
      ),
    );
  } finally {
    for (const s of sims) await s.stop();
  }
}
