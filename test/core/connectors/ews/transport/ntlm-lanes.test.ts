// Connection-bound NTLM against the simulator (which, like IIS, authenticates the TCP connection): N calls cost
// N HTTP exchanges plus one Type 1 leg per lane, not a handshake per call; a dropped or forgotten connection
// re-handshakes once; a wrong password fails after one handshake; proxy tunnel and pinned TLS still carry it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../../support/wait-until.js';
import type { TlsSetting, ProxySetting } from '../../../../../src/shared/profile.js';
import { CalpumpError } from '../../../../../src/core/errors/calpump-error.js';
import { EwsTransport } from '../../../../../src/core/connectors/ews/transport/ews-transport.js';
import { HttpClient } from '../../../../../src/core/net/http-client.js';
import { startSimulator, type RunningSimulator } from '../../../../../src/sim/index.js';
import { dropAuthenticatedConnections } from '../../../../../src/sim/auth/authenticate.js';
import { recordEwsRequestsForSchema } from '../../../../support/ews-schema.js';
import { startForwardProxy, type ForwardProxy } from '../../../../support/forward-proxy.js';
import { envelope } from '../../../../sim/support/ews-client.js';
import { memorySecrets, recordingLogger } from '../../../net/fakes.js';

const GET_CALENDAR =
  '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>';

let sim: RunningSimulator;
let proxy: ForwardProxy;
const clients: HttpClient[] = [];
const schema = recordEwsRequestsForSchema();

beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
  proxy = await startForwardProxy();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await sim?.stop();
  await proxy?.close();
});

async function transport(
  o: {
    auth?: 'basic' | 'ntlm';
    username?: string;
    password?: string;
    lanes?: number;
    tls?: TlsSetting;
    proxy?: ProxySetting;
    http?: HttpClient;
  } = {},
) {
  const http =
    o.http ??
    (await HttpClient.create({
      profileId: 'lanes',
      tls: o.tls ?? { caFile: sim.caFile! },
      proxy: o.proxy ?? { mode: 'none' },
      secrets: memorySecrets(),
      env: {},
      timeoutMs: 20_000,
    }));
  clients.push(http);
  const t = new EwsTransport({
    http,
    auth: o.auth ?? 'ntlm',
    username: o.username ?? 'CONTOSO\\svc-calpump',
    password: async () => o.password ?? 'Passw0rd!',
    logger: recordingLogger(),
    recorder: schema.recorder,
    sleep: async () => {},
    ntlmLanes: o.lanes,
  });
  return { t, http };
}

const call = (t: EwsTransport, mailbox = 'alice.smith@contoso.com') =>
  t.post(sim.ewsUrl, envelope(GET_CALENDAR, { impersonate: mailbox }), { access: 'impersonation', mailbox, folder: 'calendar' });

/** HTTP exchanges the simulator saw while fn ran. */
async function exchanges(fn: () => Promise<unknown>): Promise<number> {
  const before = sim.counters.total;
  await fn();
  return sim.counters.total - before;
}

describe('connection-bound NTLM', () => {
  it('N sequential calls cost N + 1 exchanges (one handshake on one lane), every call answered', async () => {
    const { t } = await transport();
    const n = 6;
    const seen = await exchanges(async () => {
      for (let i = 0; i < n; i++) expect((await call(t)).xml).toContain('NoError');
    });
    expect(seen).toBe(n + 1);
    expect(t.ntlmLanes.authenticatedLanes()).toBe(1);
  });

  it('N concurrent calls cost N + one Type 1 leg per lane used, never more lanes than configured', async () => {
    const { t } = await transport({ lanes: 3 });
    const n = 12;
    const seen = await exchanges(() => Promise.all(Array.from({ length: n }, () => call(t))));
    const lanes = t.ntlmLanes.authenticatedLanes();
    expect(lanes).toBeGreaterThanOrEqual(1);
    expect(lanes).toBeLessThanOrEqual(3);
    expect(seen).toBe(n + lanes);
    // A second round reuses the authenticated lanes: no handshake at all.
    expect(await exchanges(() => Promise.all(Array.from({ length: n }, () => call(t))))).toBe(n);
  });

  it('a connection the server forgot (401 without Authorization) re-handshakes once and the call succeeds', async () => {
    const { t } = await transport();
    await call(t);
    expect(dropAuthenticatedConnections(sim.world, 'forget')).toBeGreaterThan(0);
    let answer = '';
    // 401 on the reused connection, then Type 1 → Type 3 carrying the request.
    expect(await exchanges(async () => (answer = (await call(t)).xml))).toBe(3);
    expect(answer).toContain('NoError');
    expect(await exchanges(() => call(t))).toBe(1);
  });

  it('a connection the server closed starts unauthenticated: a fresh handshake, the call succeeds', async () => {
    const { t } = await transport();
    await call(t);
    expect(dropAuthenticatedConnections(sim.world, 'close')).toBeGreaterThan(0);
    // The client sees the close asynchronously; wait for it (however long a busy machine takes).
    await waitUntil(() => t.ntlmLanes.authenticatedLanes() === 0, 'the client to see the closed connection');
    let answer = '';
    expect(await exchanges(async () => (answer = (await call(t)).xml))).toBe(2);
    expect(answer).toContain('NoError');
    expect(await exchanges(() => call(t))).toBe(1);
  });

  it('a wrong password fails with ews.auth.unauthorized after one handshake per call, no retry storm', async () => {
    const { t } = await transport({ password: 'wrong' });
    for (let i = 0; i < 2; i++) {
      let err: unknown;
      expect(await exchanges(() => call(t).catch((e: unknown) => (err = e)))).toBe(2);
      expect(err).toBeInstanceOf(CalpumpError);
      expect((err as CalpumpError).id).toBe('ews.auth.unauthorized');
    }
    expect(t.ntlmLanes.authenticatedLanes()).toBe(0);
  });

  it('never reuses a connection across credentials, even over one HttpClient', async () => {
    const { t: a, http } = await transport();
    await call(a);
    const { t: b } = await transport({ http, username: 'CONTOSO\\svc-delegate' });
    const own = (t: EwsTransport) => t.post(sim.ewsUrl, envelope(GET_CALENDAR), { access: 'delegate' });
    expect(await exchanges(() => own(b))).toBe(2);
    expect(await exchanges(() => own(a))).toBe(1);
    expect(await exchanges(() => own(b))).toBe(1);
  });

  it('through the proxy CONNECT tunnel: one tunnel per lane, N + 1 exchanges', async () => {
    const host = new URL(sim.ewsUrl).host;
    const { t } = await transport({ proxy: { mode: 'url', url: proxy.url } });
    const tunnels = proxy.countFor(host);
    const n = 5;
    expect(
      await exchanges(async () => {
        for (let i = 0; i < n; i++) await call(t);
      }),
    ).toBe(n + 1);
    expect(proxy.countFor(host) - tunnels).toBe(1);
    expect(proxy.requests.filter((r) => r.target === host).every((r) => r.method === 'CONNECT')).toBe(true);
  });

  it('with a pinned certificate instead of a CA file', async () => {
    const { t } = await transport({ tls: { pinnedSha256: sim.certSha256! } });
    expect(
      await exchanges(async () => {
        for (let i = 0; i < 3; i++) await call(t);
      }),
    ).toBe(4);
  });

  it('Basic stays one exchange per call with its own Authorization header', async () => {
    const { t } = await transport({ auth: 'basic', username: 'svc-calpump@contoso.com' });
    expect(
      await exchanges(async () => {
        for (let i = 0; i < 3; i++) await call(t);
      }),
    ).toBe(3);
    expect(t.ntlmLanes.authenticatedLanes()).toBe(0);
  });
});
