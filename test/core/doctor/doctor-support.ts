// Shared set-up for the doctor's simulator tests: profiles pointing at a running simulator, an in-memory
// secret store holding the password, and a resolver that never asks real DNS.
import * as net from 'node:net';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import type { DoctorDeps } from '../../../src/core/doctor/run-doctor.js';
import type { Resolver } from '../../../src/core/doctor/probes/dns.js';
import { ewsProfileSchema, secretKey, type EwsProfile } from '../../../src/shared/profile.js';
import { memorySecrets } from '../net/fakes.js';

export { memorySecrets };

/** Loopback only: any name resolves to 127.0.0.1 unless it is in `missing`. */
export function loopbackResolver(missing: string[] = []): Resolver {
  return {
    lookup: async (host) => {
      if (missing.includes(host)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return [{ address: '127.0.0.1', family: 4 }];
    },
  };
}

export function ewsProfile(url: string, caFile: string | undefined, over: Partial<EwsProfile> = {}): EwsProfile {
  return ewsProfileSchema.parse({
    id: 'doc1',
    name: 'doctor-test',
    kind: 'ews',
    url,
    username: 'CONTOSO\\svc-calpump',
    auth: 'ntlm',
    access: 'impersonation',
    proxy: { mode: 'none' },
    tls: caFile ? { caFile } : {},
    testMailbox: 'alice.smith@contoso.com',
    ...over,
  });
}

export function doctorDeps(
  profile: EwsProfile,
  password: string,
  createConnector: DoctorDeps['createConnector'],
  resolver = loopbackResolver(),
): DoctorDeps {
  return {
    secrets: memorySecrets({ [secretKey(profile.id, 'password')]: password }),
    logger: nullLogger,
    env: {},
    resolver,
    createConnector,
  };
}

/** A port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** For fault tests that must stop before the connector steps: reaching them is itself a failure. */
export const noConnector: DoctorDeps['createConnector'] = async (): Promise<Connector> => {
  throw new Error('the doctor reached a connector step although an earlier step should have failed');
};
