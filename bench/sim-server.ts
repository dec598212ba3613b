// The simulator in its own process for benchmarks. Prints one JSON line with the URLs once listening, then
// answers commands on stdin, one per line, each with one JSON line: "counters" (with the simulator's CPU time so
// far and, with --answer-cache-mb, what the answer memo holds), "reset", "stop", and
// "expected <folder> <fromIso> <toIso> [job]" (items per mailbox, rooms included, that a correct export of that window must write — the
// guard every bench row checks its counts against).
import { createInterface } from 'node:readline';
import { startSimulator } from '../src/sim/index.js';
import { overlaps } from '../src/core/sync/window.js';
import { expandedItems, normaliseExpanded } from '../src/sim/world/index.js';

const DAY = 86_400_000;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const sim = await startSimulator({
    seed: arg('seed', 1),
    mailboxes: arg('mailboxes', 12),
    eventsPerMailbox: arg('events', 20),
    latencyMs: arg('latency-ms', 20),
    faultRate: arg('fault-rate', 0),
    anchor: new Date('2026-03-02T06:00:00.000Z'),
    answerCacheMb: arg('answer-cache-mb', 0),
  });
  const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
  say({
    ready: true,
    url: sim.url,
    ewsUrl: sim.ewsUrl,
    caFile: sim.caFile,
    mailboxes: [...sim.world.mailboxes.keys()],
    events: sim.world.events.size,
    rss: process.memoryUsage().rss,
  });
  for await (const line of createInterface({ input: process.stdin })) {
    const [cmd, ...rest] = line.trim().split(/\s+/);
    if (cmd === 'counters') {
      const cpu = process.cpuUsage();
      say({
        total: sim.counters.total,
        byOperation: sim.counters.byOperation,
        byMailbox: sim.counters.byMailbox,
        cpuMs: (cpu.user + cpu.system) / 1000,
        answerCache: sim.answerCache?.(),
      });
    } else if (cmd === 'reset') {
      sim.counters.reset();
      say({ reset: true });
    } else if (cmd === 'expected') {
      // "job": what a pump job keeps — items whose normalised times overlap the window (all-day events judged
      // by their dates at 00:00Z, as the engine does), not the server's local-midnight instants.
      const [folder, from, to, mode] = rest;
      const window = { from: new Date(from), to: new Date(to) };
      const perMailbox: Record<string, number> = {};
      for (const smtp of sim.world.mailboxes.keys()) {
        try {
          perMailbox[smtp] =
            mode === 'job'
              ? expandedItems(sim.world, smtp, folder, new Date(window.from.getTime() - 2 * DAY), new Date(window.to.getTime() + 2 * DAY))
                  .map(normaliseExpanded)
                  .filter((e) => overlaps(e, window)).length
              : expandedItems(sim.world, smtp, folder, window.from, window.to).length;
        } catch {
          // A mailbox without that folder is simply not in the map.
        }
      }
      say({ perMailbox });
    } else if (cmd === 'stop') break;
    else say({ error: `unknown command ${cmd}` });
  }
  await sim.stop();
  process.exit(0);
}

void main();
