// Child-process runner for the SIGKILL tests of Graph jobs: runs the given jobs once against the simulator through
// the real Graph connector (client credentials) and speaks pump-runner.ts's line protocol: one JSON line per
// progress event, then one with the final statuses.
// Usage: node <bundle of this file> <spec.json>
import { readFileSync } from 'node:fs';
import { createGraphConnector } from '../../src/core/connectors/graph/index.js';
import { nullLogger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../src/core/store/sync-state-store.js';
import { runJob } from '../../src/core/sync/run-job.js';
import { jobSchema } from '../../src/shared/job.js';
import { graphProfileSchema, secretKey } from '../../src/shared/profile.js';

export interface GraphRunnerSpec {
  /** The simulator's base URL: authority and Graph host at once. */
  url: string;
  caFile: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  stateDir: string;
  now: string;
  jobs: unknown[];
}

/** The profile a Graph runner uses on the simulator (the tests' clean runs use the same). */
export function graphRunnerProfile(spec: Pick<GraphRunnerSpec, 'url' | 'caFile' | 'tenantId' | 'clientId'>) {
  return graphProfileSchema.parse({
    id: 'sim',
    name: 'sim',
    kind: 'graph',
    tenantId: spec.tenantId,
    clientId: spec.clientId,
    flow: 'clientCredentials',
    credential: 'secret',
    authorityHost: spec.url,
    graphHost: spec.url,
    tls: { caFile: spec.caFile },
    proxy: { mode: 'none' },
  });
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as GraphRunnerSpec;
  const profile = graphRunnerProfile(spec);
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'clientSecret'), spec.clientSecret);
  const connector = createGraphConnector(profile, { secrets, logger: nullLogger });
  const states = new SyncStateStore(spec.stateDir, nullLogger);
  const statuses: Record<string, string> = {};
  const errors: Array<{ job: string; mailbox?: string; id: string }> = [];
  for (const job of spec.jobs.map((j) => jobSchema.parse(j))) {
    const r = await runJob(job, {
      connector,
      states,
      secrets,
      logger: nullLogger,
      now: () => new Date(spec.now),
      onEvent: (e) => process.stdout.write(`${JSON.stringify({ event: e.type, job: job.id })}\n`),
    });
    statuses[job.id] = r.record.status;
    for (const e of r.record.errors) errors.push({ job: job.id, mailbox: e.mailbox, id: e.error.id });
  }
  await connector.close();
  process.stdout.write(`${JSON.stringify({ done: true, statuses, errors })}\n`, () => process.exit(0));
}

// Only as a child's entry point: the tests import graphRunnerProfile from here.
if (process.argv[1]?.includes('graph-pump-runner')) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 3;
  });
}
