// Side-by-side timing: a baseline (A) and Calpump (B) alternate A/B/A/B… in one run, so load from other work on
// the machine falls on both; the figure is the median of the per-pair ratios A/B. Every run is guarded.
import { cpuPerItem, guardProblems, median, type ChildResult } from './lib.js';

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
): Promise<Alternation> {
  const out: Alternation = { a: [], b: [], ratios: [], medianRatio: NaN, problems: [] };
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
