// Bench child: Calpump's ad-hoc export (runAdhocExport through the EWS or Graph connector) of every given mailbox.
// --format ics|json, --attendees yes|no,
// --backend ews|graph (graph: client credentials against the simulator's tenant, --url is the simulator's base),
// --workers N|auto|0 (export worker threads; absent: CALPUMP_EXPORT_WORKERS), --fields a,b,c (only these fields,
// read and written; absent: all, as a job without a selection; export-rows.ts passes the naive loop's six).
import { readdirSync, readFileSync } from 'node:fs';
import { nullLogger, type Logger } from '../src/core/log/logger.js';
import { favourSmallFootprint } from '../src/core/process/memory-footprint.js';
import { runAdhocExport } from '../src/core/sync/adhoc-export.js';
import { benchConnectorParts } from './bench-connector.js';
import { arg, benchOutDir, cpuMsSince, digestOf, removeBenchOut } from './lib.js';
import { parseFieldList } from '../src/shared/event-fields.js';
import { threadCpuMs } from '../src/core/sync/shard/thread-cpu.js';

/**
 * CPU of every thread of this process since it started (Linux; ms, in thread-id order: this thread, V8's platform
 * threads, then libuv's pool as it starts), so a run shows where work off the main thread went.
 */
function threadsCpu(): number[] | undefined {
  try {
    return readdirSync('/proc/self/task')
      .map(Number)
      .sort((a, b) => a - b)
      .map((tid) => Math.round(Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6));
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  // As the CLI and the desktop host do (src/headless/cli/run.ts): the bench measures the process that ships.
  favourSmallFootprint();
  const mailboxes = arg('mailboxes').split(',');
  const { connector, profile, secrets } = await benchConnectorParts({ backend: arg('backend', 'ews'), url: arg('url'), ca: arg('ca') });
  // --workers N|auto: export worker threads (sync/shard/); absent: CALPUMP_EXPORT_WORKERS decides, as in the CLI.
  const workers = arg('workers', '');
  const env = workers ? { ...process.env, CALPUMP_EXPORT_WORKERS: workers } : process.env;
  const list = arg('fields', '');
  const parsed = list ? parseFieldList([list]) : undefined;
  if (parsed && 'unknown' in parsed) throw new Error(`--fields: unknown field ${parsed.unknown}`);
  const fields = parsed?.fields;
  const out = await benchOutDir('calpump-bench-');
  // How long each worker thread took to start (its connector built), inside the timed window.
  const workerReadyMs: number[] = [];
  const workerReadyCpuMs: number[] = [];
  // Each worker's own CPU time and mailboxes, told as it closes (Linux), beside this thread's below.
  const workerCpuMs: number[] = [];
  const workerMailboxes: number[] = [];
  const readyLogger: Logger = {
    ...nullLogger,
    debug: (event, fields) => {
      if (event === 'export.worker.ready') {
        workerReadyMs.push(Number(fields?.ms));
        workerReadyCpuMs.push(Number(fields?.cpuMs));
      }
      if (event === 'export.worker.closed') {
        workerCpuMs.push(Number(fields?.cpuMs));
        workerMailboxes.push(Number(fields?.mailboxes));
      }
    },
    child: () => nullLogger,
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const mainCpu0 = threadCpuMs();
  const report = await runAdhocExport(
    {
      mailboxes,
      folder: 'calendar',
      from: new Date(arg('from')),
      to: new Date(arg('to')),
      format: arg('format', 'ics') as 'ics' | 'json',
      includeAttendees: arg('attendees', 'yes') === 'yes',
      ...(fields ? { fields } : {}),
      outDir: out,
      profileName: 'bench',
      concurrency: Number(arg('concurrency', '8')),
    },
    { connector, logger: readyLogger, shard: { profile, secrets, env } },
  );
  const ms = performance.now() - t0;
  const mainCpuMs = mainCpu0 === undefined ? undefined : threadCpuMs()! - mainCpu0;
  const threadsCpuMs = threadsCpu();
  await connector.close();
  // --digest yes: one hash over every written file (name and bytes), so runs can be compared for identical output.
  const digest = arg('digest', 'no') === 'yes' ? await digestOf(out) : undefined;
  await removeBenchOut(out);
  const failed = report.mailboxes.filter((m) => !m.ok);
  const perMailbox = Object.fromEntries(report.mailboxes.filter((m) => m.ok).map((m) => [m.mailbox, m.items]));
  process.stdout.write(
    `${JSON.stringify({
      ms,
      items: report.mailboxes.reduce((n, m) => n + m.items, 0),
      failed: failed.length,
      firstError: failed[0]?.error?.id,
      perMailbox,
      cpuMs: cpuMsSince(cpu0),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      digest,
      workerReadyMs,
      workerReadyCpuMs,
      mainCpuMs,
      workerCpuMs,
      workerMailboxes,
      threadsCpuMs,
    })}\n`,
  );
  process.exit(0);
}

void main();
