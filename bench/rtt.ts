// Bench child: the round-trip time of one no-change SyncFolderItems (what an unchanged folder costs), measured
// sequentially so it is the latency a perfectly parallel pump would pay per folder.
import { createEwsConnector } from '../src/core/connectors/ews/index.js';
import { nullLogger } from '../src/core/log/logger.js';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store.js';
import { ewsProfileSchema, secretKey } from '../src/shared/profile.js';
import { arg, SERVICE_ACCOUNT, SIM_PASSWORD } from './lib.js';

async function main(): Promise<void> {
  const mailbox = arg('mailbox');
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
  const { nextState } = await connector.syncChanges!(mailbox, 'calendar', undefined);
  for (let i = 0; i < 3; i++) await connector.syncChanges!(mailbox, 'calendar', nextState);
  const n = Number(arg('samples', '30'));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await connector.syncChanges!(mailbox, 'calendar', nextState);
  const ms = (performance.now() - t0) / n;
  await connector.close();
  process.stdout.write(`${JSON.stringify({ rttMs: ms })}\n`);
  process.exit(0);
}

void main();
