// "System CAs" on Windows include the Windows certificate store: an internal CA that only the store holds makes
// the server trusted without a CA file; without the store the same server is refused. The store is a typed fake
// here (src/core/platform/cert-store.ts reads the real one through Node on Windows).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureConnect } from '../../../src/core/net/secure-connect.js';
import { loadTlsPolicy } from '../../../src/core/net/tls-policy.js';
import { nodeSystemCertificates, type SystemCertificates } from '../../../src/core/platform/cert-store.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
});
afterAll(async () => sim?.stop());

const store = (pems: () => Promise<string[]>): SystemCertificates => ({ source: 'windows-cert-store', certificates: pems });
const connect = async (s: SystemCertificates | undefined) => {
  const policy = await loadTlsPolicy(undefined, s);
  const socket = await secureConnect({
    host: '127.0.0.1',
    port: sim.port,
    route: { kind: 'direct', why: 'none', source: { key: 'proxy.source.noVariable' } },
    policy,
  });
  socket.destroy();
  return policy;
};

describe('system trust with the Windows certificate store', () => {
  it('trusts a server whose CA is only in the store, and says so', async () => {
    const ca = await readFile(sim.caFile!, 'utf8');
    const policy = await connect(store(async () => [ca]));
    expect(policy).toMatchObject({ mode: 'system', description: 'CA=bundled+windows-cert-store(1)' });
  });

  it('refuses the same server without the store (Node bundled roots only)', async () => {
    expect((await calpumpFailure(connect(undefined))).id).toMatch(/^net\.tls\./);
  });

  it('an unreadable store falls back to the bundled roots and names why', async () => {
    const policy = await loadTlsPolicy(
      undefined,
      store(async () => Promise.reject(new Error('access denied'))),
    );
    expect(policy.description).toBe('CA=bundled; windows-cert-store=unreadable(access denied)');
    expect(policy.ca).toBeUndefined();
  });

  it('keeps the store next to a profile CA file', async () => {
    const policy = await loadTlsPolicy(
      { caFile: sim.caFile! },
      store(async () => ['-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n']),
    );
    expect(policy.description).toBe(`CA=bundled+windows-cert-store(1); caFile=${sim.caFile}`);
  });

  it('reads the store through tls.getCACertificates("system") where Node has it', async () => {
    expect(nodeSystemCertificates(undefined)).toBeUndefined();
    const s = nodeSystemCertificates((type) => (type === 'system' ? ['PEM-A'] : []))!;
    expect(await s.certificates()).toEqual(['PEM-A']);
  });
});
