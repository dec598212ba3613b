// Child-process runner for the SIGKILL acceptance test: runs the given jobs once against the simulator through
// the real EWS connector and prints one JSON line per progress event, then one with the final statuses.
// Usage: node --import tsx test/support/pump-runner.ts <spec.json>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEwsConnector } from '../../src/core/connectors/ews/index.js';
import { nullLogger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { SyncStateStore } from '../../src/core/store/sync-state-store.js';
import { runJob } from '../../src/core/sync/run-job.js';
import { jobSchema, jobSecretKey } from '../../src/shared/job.js';
import { ewsProfileSchema, secretKey } from '../../src/shared/profile.js';

export interface RunnerSpec {
  ewsUrl: string;
  caFile: string;
  stateDir: string;
  now: string;
  webhookSecret: string;
  /** For jobs with a PostgreSQL target. */
  postgresPassword?: string;
  jobs: unknown[];
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as RunnerSpec;
  const profile = ewsProfileSchema.parse({
    id: 'sim',
    name: 'sim',
    kind: 'ews',
    url: spec.ewsUrl,
    username: 'svc-calpump@contoso.com',
    auth: 'basic',
    tls: { caFile: spec.caFile },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
  const jobs = spec.jobs.map((j) => jobSchema.parse(j));
  for (const job of jobs) {
    await secrets.set(jobSecretKey(job.id, 'webhookSecret'), spec.webhookSecret);
    if (spec.postgresPassword) await secrets.set(jobSecretKey(job.id, 'postgresPassword'), spec.postgresPassword);
  }
  const connector = createEwsConnector(profile, { secrets, logger: nullLogger });
  const states = new SyncStateStore(join(spec.stateDir), nullLogger);
  const statuses: Record<string, string> = {};
  const errors: Array<{ job: string; mailbox?: string; id: string }> = [];
  for (const job of jobs) {
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
  // Exit explicitly once the line is out: the parent reads completion from it, and a loader's or an agent's
  // lingering handles must not keep a finished child alive.
  process.stdout.write(`${JSON.stringify({ done: true, statuses, errors })}\n`, () => process.exit(0));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 3;
});
