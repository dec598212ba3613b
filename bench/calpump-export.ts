// Bench child: Calpump's ad-hoc export (runAdhocExport through the EWS connector) of every given mailbox.
// --format ics|json, --attendees yes|no (no: the fields the naive loop writes, so both read the same data).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEwsConnector } from '../src/core/connectors/ews/index.js';
import { nullLogger } from '../src/core/log/logger.js';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store.js';
import { runAdhocExport } from '../src/core/sync/adhoc-export.js';
import { ewsProfileSchema, secretKey } from '../src/shared/profile.js';
import { arg, SERVICE_ACCOUNT, SIM_PASSWORD } from './lib.js';

async function main(): Promise<void> {
  const mailboxes = arg('mailboxes').split(',');
  const profile = ewsProfileSchema.parse({
    id: 'b',
    name: 'bench',
    kind: 'ews',
    url: arg('url'),
    username: SERVICE_ACCOUNT,
    auth: 'basic',
    tls: { caFile: arg('ca') },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey('b', 'password'), SIM_PASSWORD);
  const connector = createEwsConnector(profile, { secrets, logger: nullLogger });
  const out = await mkdtemp(join(tmpdir(), 'calpump-bench-'));
  const t0 = performance.now();
  const report = await runAdhocExport(
    {
      mailboxes,
      folder: 'calendar',
      from: new Date(arg('from')),
      to: new Date(arg('to')),
      format: arg('format', 'ics') as 'ics' | 'json',
      includeAttendees: arg('attendees', 'yes') === 'yes',
      outDir: out,
      profileName: 'bench',
      concurrency: Number(arg('concurrency', '8')),
    },
    { connector, logger: nullLogger },
  );
  const ms = performance.now() - t0;
  await connector.close();
  await rm(out, { recursive: true, force: true });
  const failed = report.mailboxes.filter((m) => !m.ok);
  process.stdout.write(
    `${JSON.stringify({ ms, items: report.mailboxes.reduce((n, m) => n + m.items, 0), failed: failed.length, firstError: failed[0]?.error?.id })}\n`,
  );
  process.exit(0);
}

void main();
