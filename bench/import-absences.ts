// `npx tsx bench/import-absences.ts [--latency-ms N]`: the import at scale against an in-process simulator —
// 500 rows into each of 50 mailboxes (25 000 appointments) through EWS and Graph: first run, unchanged re-run
// (must write nothing), with the simulator's request counts. Never part of `npm test`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importJobSchema, runImport } from '../src/core/import/index.js';
import { nullLogger } from '../src/core/log/logger.js';
import { startSimulator } from '../src/sim/index.js';
import { secrets, simWriter, tempDir, writableMailboxes } from '../test/core/import/import-sim.js';

const latencyMs = Number(process.argv[process.argv.indexOf('--latency-ms') + 1] ?? 0) || 0;

async function bench(kind: 'ews' | 'graph'): Promise<void> {
  const sim = await startSimulator({ seed: 11, anchor: new Date('2026-03-02T06:00:00Z'), mailboxes: 60, eventsPerMailbox: 1, latencyMs });
  const writer = await simWriter(sim, kind);
  try {
    const mailboxes = writableMailboxes(sim, 50);
    const dir = await tempDir();
    const day = (i: number) => new Date(Date.UTC(2026, 3, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    await writeFile(
      join(dir, 'rows.csv'),
      ['id,subject,start', ...Array.from({ length: 500 }, (_, i) => `R${i},Closed ${i},${day(i)}`)].join('\n'),
    );
    const job = importJobSchema.parse({ id: 'bench', source: { path: join(dir, 'rows.csv') }, mailboxes, concurrency: 8 });
    for (const label of ['first run', 'unchanged re-run']) {
      sim.counters.reset();
      const t0 = performance.now();
      const r = await runImport(job, {}, { writer, logger: nullLogger, secrets });
      const ms = performance.now() - t0;
      const writes =
        kind === 'ews' ? ['CreateItem', 'UpdateItem', 'DeleteItem'] : ['Graph:createEvent', 'Graph:updateEvent', 'Graph:deleteEvent'];
      const counts = writes.map((w) => `${w} ${sim.counters.operation(w)}`).join(', ');
      process.stdout.write(
        `${kind.padEnd(5)} ${label.padEnd(17)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${JSON.stringify(r.totals)}  requests ${sim.counters.total} (${counts})\n`,
      );
    }
  } finally {
    await writer.close();
    await sim.stop();
  }
}

await bench('ews');
await bench('graph');
