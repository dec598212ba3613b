// A Graph profile wired to a running simulator (client credentials with the seeded daemon app).
import { createLogger } from '../../../../src/core/log/create-logger.js';
import { MemorySink } from '../../../../src/core/log/sinks.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { createGraphConnector, type GraphInternals } from '../../../../src/core/connectors/graph/index.js';
import { graphProfileSchema, secretKey, type GraphProfile } from '../../../../src/shared/profile.js';
import type { RunningSimulator } from '../../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../../src/sim/oauth/index.js';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { comparableEvent } from '../../../../src/sim/world/expected.js';
import type { TokenProvider } from '../../../../src/core/auth/token-provider.js';

/** A token provider for a connector whose HTTP is a test function: always the same token, no sign-in. */
export const fixedTokens: TokenProvider = {
  getAccessToken: async () => 'token',
  login: async () => {
    throw new Error('not used');
  },
  logout: async () => undefined,
  status: async () => {
    throw new Error('not used');
  },
};

export function simGraphProfile(sim: RunningSimulator, over: Partial<GraphProfile> = {}): GraphProfile {
  return graphProfileSchema.parse({
    id: 'g1',
    name: 'm365-sim',
    kind: 'graph',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_DAEMON,
    flow: 'clientCredentials',
    credential: 'secret',
    authorityHost: sim.url,
    graphHost: sim.url,
    tls: { caFile: sim.caFile },
    proxy: { mode: 'none' },
    ...over,
  });
}

export async function simGraphConnector(
  sim: RunningSimulator,
  over: Partial<GraphProfile> = {},
  internals: GraphInternals = {},
  secret = SIM_APP_DAEMON_SECRET,
) {
  const secrets = new MemorySecretStore();
  const profile = simGraphProfile(sim, over);
  await secrets.set(secretKey(profile.id, 'clientSecret'), secret);
  const sink = new MemorySink('trace');
  const logger = createLogger({ sinks: [sink], level: 'all' });
  const connector = createGraphConnector(profile, { secrets, logger }, internals);
  return { connector, secrets, sink, profile, logText: () => JSON.stringify(sink.records) };
}

export async function collect(it: AsyncIterable<NormalisedEvent>): Promise<NormalisedEvent[]> {
  const out: NormalisedEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

export function comparable(events: NormalisedEvent[]) {
  return events
    .map(comparableEvent)
    .sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : `${a.subject}${a.iCalUId}`.localeCompare(`${b.subject}${b.iCalUId}`),
    );
}
