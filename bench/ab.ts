// Side-by-side timing: a baseline (A) and Calpump (B) alternate A/B/A/B… in one run, so load from other work on
// the machine falls on both; the figure is the median of the per-pair ratios A/B. Every run is guarded.
import { cpuPerItem, fmtS, guardProblems, median, type ChildResult } from './lib.js';

export interface Contender {
  label: string;
  run(): Promise<ChildResult>;
}

export interface Alternation {
  a: ChildResult[];
  b: ChildResult[];
  /** A's time over B's, per pair. */
  ratios: number[];
  medianRatio: number;
  problems: string[];
}

export async function alternate(
  a: Contender,
  b: Contender,
  rounds: number,
  guard: { expected: Record<string, number>; mailboxes: string[] },
  between: () => Promise<unknown>,
  say: (line: string) => void,
  opts: { warmUp?: boolean } = {},
): Promise<Alternation> {
  const out: Alternation = { a: [], b: [], ratios: [], medianRatio: NaN, problems: [] };
  // warmUp: each contender runs once untimed first (same order), so no timed run pays for what a first run after
  // start builds (the simulator's memoised answers, the child's first compile of its code paths).
  if (opts.warmUp)
    for (const who of [a, b]) {
      await between();
      const r = await who.run();
      say(`    (warm-up, untimed: ${who.label} ${fmtS(r.ms)}, ${r.items} items, ${r.failed} failed)`);
    }
  for (let i = 0; i < rounds; i++) {
    for (const [who, list] of [
      [a, out.a],
      [b, out.b],
    ] as const) {
      await between();
      const r = await who.run();
      list.push(r);
      const problems = guardProblems(who.label, r, guard.expected, guard.mailboxes);
      out.problems.push(...problems);
      say(
        `    ${who.label.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${r.items} items, ${r.failed} failed; CPU per item: client ${cpuPerItem(r.cpuMs, r.items)}, server ${cpuPerItem(r.serverCpuMs, r.items)}${r.problems ? `; ${r.problems} logged problem(s), first: ${r.firstProblem}` : ''}${problems.length ? '  ← guard failed' : ''}`,
      );
    }
    out.ratios.push(out.a[i].ms / out.b[i].ms);
  }
  out.medianRatio = median(out.ratios);
  out.problems = [...new Set(out.problems)];
  return out;
}
