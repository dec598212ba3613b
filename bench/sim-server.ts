// The simulator in its own process for benchmarks. Prints one JSON line with the URLs once listening, then
// answers commands on stdin, one per line: "counters" (prints the counters as JSON), "reset", "stop".
import { createInterface } from 'node:readline';
import { startSimulator } from '../src/sim/index.js';

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
    anchor: new Date('2026-03-02T06:00:00.000Z'),
  });
  const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
  say({
    ready: true,
    ewsUrl: sim.ewsUrl,
    caFile: sim.caFile,
    mailboxes: [...sim.world.mailboxes.keys()],
    events: sim.world.events.size,
    rss: process.memoryUsage().rss,
  });
  for await (const line of createInterface({ input: process.stdin })) {
    const cmd = line.trim();
    if (cmd === 'counters') say({ total: sim.counters.total, byOperation: sim.counters.byOperation, byFolder: sim.counters.byFolder });
    else if (cmd === 'reset') {
      sim.counters.reset();
      say({ reset: true });
    } else if (cmd === 'stop') break;
  }
  await sim.stop();
  process.exit(0);
}

void main();
