// Shared set-up for EWS integration tests against the in-process simulator.
import { ewsProfileSchema, secretKey, type EwsProfile } from '../../../../src/shared/profile.js';
import { createEwsConnector, type EwsConnectorOptions } from '../../../../src/core/connectors/ews/index.js';
import type { RunningSimulator } from '../../../../src/sim/index.js';
import { memorySecrets, recordingLogger } from '../../net/fakes.js';

export const PASSWORD = 'Passw0rd!';
export const ANCHOR = new Date('2026-03-25T12:00:00Z');

export function simProfile(sim: RunningSimulator, over: Partial<EwsProfile> = {}): EwsProfile {
  return ewsProfileSchema.parse({
    id: 'sim-profile',
    name: 'sim',
    kind: 'ews',
    url: sim.ewsUrl,
    auth: 'basic',
    username: 'svc-calpump@contoso.com',
    access: 'impersonation',
    mailDomain: 'contoso.com',
    proxy: { mode: 'none' },
    tls: sim.caFile ? { caFile: sim.caFile } : {},
    ...over,
  });
}

export function simConnector(
  sim: RunningSimulator,
  over: Partial<EwsProfile>,
  options: EwsConnectorOptions,
  password = PASSWORD,
  env: NodeJS.ProcessEnv = {},
  cacheDir?: string,
) {
  const profile = simProfile(sim, over);
  const secrets = memorySecrets({ [secretKey(profile.id, 'password')]: password });
  const logger = recordingLogger();
  const connector = createEwsConnector(
    profile,
    { secrets, logger, env, fetchTimeoutMs: 20_000, cacheDir },
    { sleep: async () => {}, ...options },
  );
  return { connector, profile, secrets, logger };
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
