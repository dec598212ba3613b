// The connector every bench child uses: EWS as the service account with impersonation (Basic over TLS, the
// simulator's CA), or Graph with the simulator tenant's daemon app (client credentials).
import { createEwsConnector } from '../src/core/connectors/ews/index.js';
import type { Connector } from '../src/core/connectors/connector.js';
import { createGraphConnector } from '../src/core/connectors/graph/index.js';
import type { Logger } from '../src/core/log/logger.js';
import { nullLogger } from '../src/core/log/logger.js';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store.js';
import type { SecretStore } from '../src/core/secrets/secret-store.js';
import { ewsProfileSchema, graphProfileSchema, secretKey, type Profile } from '../src/shared/profile.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../src/sim/oauth/index.js';
import { SERVICE_ACCOUNT, SIM_PASSWORD } from './lib.js';

export interface BenchConnectorOptions {
  backend: string;
  /** EWS: the EWS URL. Graph: the simulator's base URL (authority and Graph host). */
  url: string;
  ca: string;
  logger?: Logger;
}

export async function benchConnector(o: BenchConnectorOptions): Promise<Connector> {
  return (await benchConnectorParts(o)).connector;
}

/** The connector with the profile and secret store it was built from (what an export's worker threads need). */
export async function benchConnectorParts(
  o: BenchConnectorOptions,
): Promise<{ connector: Connector; profile: Profile; secrets: SecretStore }> {
  const secrets = new MemorySecretStore();
  const logger = o.logger ?? nullLogger;
  if (o.backend === 'graph') {
    const profile = graphProfileSchema.parse({
      id: 'g',
      name: 'bench',
      kind: 'graph',
      tenantId: SIM_TENANT_ID,
      clientId: SIM_APP_DAEMON,
      flow: 'clientCredentials',
      credential: 'secret',
      authorityHost: o.url,
      graphHost: o.url,
      tls: { caFile: o.ca },
      proxy: { mode: 'none' },
    });
    await secrets.set(secretKey('g', 'clientSecret'), SIM_APP_DAEMON_SECRET);
    return { connector: createGraphConnector(profile, { secrets, logger }), profile, secrets };
  }
  const profile = ewsProfileSchema.parse({
    id: 'b',
    name: 'bench',
    kind: 'ews',
    url: o.url,
    username: SERVICE_ACCOUNT,
    auth: 'basic',
    tls: { caFile: o.ca },
  });
  await secrets.set(secretKey('b', 'password'), SIM_PASSWORD);
  return { connector: createEwsConnector(profile, { secrets, logger }), profile, secrets };
}
