// A profile's CA file is tried before the whole trust list (one certificate to parse instead of ~145): what it
// verifies is accepted on the first handshake; what it does not is verified again against the whole list, on a new
// connection, with exactly the whole list's outcome; and a policy that needed the whole list once goes there at
// once afterwards. The server counts the connections each connect took.
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureConnect } from '../../../src/core/net/secure-connect.js';
import { loadTlsPolicy, type TlsPolicy } from '../../../src/core/net/tls-policy.js';
import { calpumpFailure } from '../../support/calpump-failure.js';
import { readFixture, tlsDir } from '../../support/local-tls-server.js';

const ca = readFixture('ca.pem');
const other = readFixture('other.pem');
let server: tls.Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  server = tls.createServer({ key: readFixture('server.key'), cert: readFixture('server.pem') }, (s) => s.end());
  server.on('connection', () => connections++);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const connect = async (policy: TlsPolicy) => {
  const socket = await secureConnect({
    host: '127.0.0.1',
    port,
    route: { kind: 'direct', why: 'none', source: { key: 'proxy.source.noVariable' } },
    policy,
    timeoutMs: 30_000,
  });
  socket.destroy();
};

/** The connections the server accepted for one connect (every one of them before the connect settled). */
async function connectionsOf(run: () => Promise<unknown>): Promise<number> {
  const before = connections;
  await run();
  return connections - before;
}

describe('verified handshakes with a profile CA file', () => {
  it('the policy of a CA file tries that file first', async () => {
    const policy = await loadTlsPolicy({ caFile: `${tlsDir}/ca.pem` }, undefined);
    expect(policy.first).toEqual([ca]);
    expect(policy.ca).toContain(ca);
    expect(policy.ca!.length).toBeGreaterThan(100);
  });

  it('accepts a server of the CA file on the first handshake', async () => {
    const policy: TlsPolicy = { mode: 'caFile', ca: [other, ca], first: [ca], description: 'test' };
    expect(await connectionsOf(() => connect(policy))).toBe(1);
  });

  it('verifies a server the CA file does not sign against the whole list, and goes there at once afterwards', async () => {
    const policy: TlsPolicy = { mode: 'caFile', ca: [other, ca], first: [other], description: 'test' };
    expect(await connectionsOf(() => connect(policy))).toBe(2);
    expect(await connectionsOf(() => connect(policy))).toBe(1);
  });

  it('refuses a server neither verifies with the whole list’s error', async () => {
    let withFirst!: Awaited<ReturnType<typeof calpumpFailure>>;
    // Refused by the CA file, then by the whole list on a second connection.
    expect(
      await connectionsOf(
        async () => (withFirst = await calpumpFailure(connect({ mode: 'caFile', ca: [other], first: [other], description: 'test' }))),
      ),
    ).toBeGreaterThanOrEqual(2);
    const without = await calpumpFailure(connect({ mode: 'caFile', ca: [other], description: 'test' }));
    expect(withFirst.id).toBe(without.id);
    expect(withFirst.id).toMatch(/^net\.tls\./);
    expect(withFirst.params).toEqual(without.params);
  });
});
