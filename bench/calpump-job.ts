// Bench child: one run of a pump job (folder target, ics) over the given mailboxes, state kept in --dir so a
// second invocation is incremental. --backend ews|graph. Prints wall time, statuses, items per mailbox and the
// peak RSS of this process.
import { join } from 'node:path';
import { nullLogger } from '../src/core/log/logger.js';
import { favourSmallFootprint } from '../src/core/process/memory-footprint.js';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../src/core/store/sync-state-store.js';
import { runJob } from '../src/core/sync/run-job.js';
import { jobSchema } from '../src/shared/job.js';
import { benchConnector } from './bench-connector.js';
import { arg } from './lib.js';

async function main(): Promise<void> {
  // As the hosts that run jobs do (bin/calpump.js, the desktop main process); BENCH_FOOTPRINT=default leaves V8 as is.
  if (process.env.BENCH_FOOTPRINT !== 'default') favourSmallFootprint();
  const dir = arg('dir');
  const mailboxes = arg('mailboxes').split(',');
  const connector = await benchConnector({ backend: arg('backend', 'ews'), url: arg('url'), ca: arg('ca') });
  const job = jobSchema.parse({
    id: 'bench',
    name: 'bench',
    profile: 'bench',
    mailboxes: { mode: 'list', list: mailboxes },
    window: { daysBack: Number(arg('days-back', '60')), daysAhead: Number(arg('days-ahead', '60')) },
    filters: { private: 'include', includeAttendees: arg('attendees', 'yes') === 'yes' },
    format: arg('format', 'ics'),
    target: { kind: 'folder', path: join(dir, 'out') },
    concurrency: Number(arg('concurrency', '8')),
  });
  const states = new SyncStateStore(join(dir, 'state'), nullLogger);
  const t0 = performance.now();
  const r = await runJob(job, { connector, states, secrets: new MemorySecretStore(), logger: nullLogger, now: () => new Date(arg('now')) });
  const ms = performance.now() - t0;
  await connector.close();
  const rec = r.record;
  const perMailbox: Record<string, number> = {};
  for (const f of r.folders) if (f.ok) perMailbox[f.mailbox] = (perMailbox[f.mailbox] ?? 0) + f.items;
  process.stdout.write(
    `${JSON.stringify({
      ms,
      status: rec.status,
      ok: rec.mailboxesOk,
      failed: rec.mailboxesFailed,
      items: rec.items,
      written: rec.itemsWritten,
      firstError: rec.errors[0]?.error.id,
      perMailbox,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
  process.exit(0);
}

void main();
