import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderTextParam } from '../../../src/shared/i18n/engine-texts.js';
import { calpumpFailure as failure } from '../../support/calpump-failure.js';
import { HttpClient } from '../../../src/core/net/http-client.js';
import { certificateError, isTransientNetworkError, mapNetworkError, RequestTimeoutError } from '../../../src/core/net/network-errors.js';
import { secretKey, type ProxySetting, type TlsSetting } from '../../../src/shared/profile.js';
import { startForwardProxy, type ForwardProxy } from '../../support/forward-proxy.js';
import { startLocalServer, tlsDir, type LocalServerKind } from '../../support/local-tls-server.js';
import { memorySecrets } from './fakes.js';
import type { TextRef } from '../../../src/shared/errors.js';
import { renderEngineText } from '../../../src/shared/i18n/engine-texts.js';

const SERVER_FP = '8D:EC:7B:03:93:A9:90:DC:E6:E5:2C:29:F4:0C:70:60:37:98:55:09:B8:55:F0:52:A8:98:66:88:07:20:45:97';

interface TestServer {
  url: string;
  hits: number;
  authHeaders: string[];
  close(): Promise<void>;
}

async function startServer(kind: LocalServerKind): Promise<TestServer> {
  const state = { hits: 0, authHeaders: [] as string[] };
  const server = await startLocalServer(kind, (req, res) => {
    state.hits++;
    if (req.headers.authorization) state.authHeaders.push(req.headers.authorization);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`hello ${req.method} ${req.url}`);
  });
  return {
    url: `${server.url}/EWS/Exchange.asmx`,
    get hits() {
      return state.hits;
    },
    authHeaders: state.authHeaders,
    close: () => server.close(),
  };
}

function client(tls: TlsSetting = {}, proxy: ProxySetting = { mode: 'none' }, env: NodeJS.ProcessEnv = {}, secrets = memorySecrets()) {
  return HttpClient.create({ profileId: 'p1', tls, proxy, secrets, env, timeoutMs: 5_000 });
}

describe('HttpClient TLS policy', () => {
  let caSigned: TestServer;
  let selfSigned: TestServer;
  beforeAll(async () => {
    caSigned = await startServer('ca-signed');
    selfSigned = await startServer('self-signed');
  });
  afterAll(async () => {
    await caSigned.close();
    await selfSigned.close();
  });

  it('rejects an internal CA by default, naming subject, issuer and fingerprint; nothing is sent', async () => {
    const c = await client();
    const before = caSigned.hits;
    const err = await failure(c.request({ url: caSigned.url, method: 'POST', headers: { Authorization: 'Basic c2VjcmV0' }, body: 'x' }));
    expect(err.id).toBe('net.tls.unknownCa');
    expect(err.params.subject).toContain('CN=localhost');
    expect(err.params.issuer).toContain('Calpump Test Root CA');
    expect(err.params.fingerprint).toBe(SERVER_FP);
    expect(err.evidence).toContain(SERVER_FP);
    expect(caSigned.hits).toBe(before);
    c.close();
  });

  it('trusts the server when the profile names the CA file', async () => {
    const c = await client({ caFile: path.join(tlsDir, 'ca.pem') });
    const res = await c.request({ url: caSigned.url, method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('hello GET /EWS/Exchange.asmx');
    expect(c.tlsPolicy.mode).toBe('caFile');
    c.close();
  });

  it("one profile's CA file never becomes trusted by the others in the same process", async () => {
    const withCa = await client({ caFile: path.join(tlsDir, 'ca.pem') });
    expect((await withCa.request({ url: caSigned.url, method: 'GET' })).status).toBe(200);
    const plain = await client();
    expect((await failure(plain.request({ url: caSigned.url, method: 'GET' }))).id).toBe('net.tls.unknownCa');
    withCa.close();
    plain.close();
  });

  it('the CA file does not make a different self-signed certificate trusted', async () => {
    const c = await client({ caFile: path.join(tlsDir, 'ca.pem') });
    const err = await failure(c.request({ url: selfSigned.url, method: 'GET' }));
    expect(err.id).toBe('net.tls.selfSigned');
    expect(err.params.issuer).toContain('Someone Else');
    expect(err.render().message).toContain(err.params.subject);
    c.close();
  });

  it('a pinned fingerprint accepts exactly that certificate, even without a trusted chain', async () => {
    const c = await client({ pinnedSha256: SERVER_FP.toLowerCase().replace(/:/g, '') });
    const res = await c.request({ url: caSigned.url, method: 'GET' });
    expect(res.status).toBe(200);
    c.close();
  });

  it('a pin mismatch fails before the request (and its Authorization header) is sent', async () => {
    const c = await client({ pinnedSha256: SERVER_FP });
    const before = selfSigned.hits;
    const err = await failure(c.request({ url: selfSigned.url, method: 'POST', headers: { Authorization: 'Basic c2VjcmV0' }, body: 'x' }));
    expect(err.id).toBe('net.tls.pinMismatch');
    expect(err.params.pinned).toBe(SERVER_FP);
    expect(err.params.fingerprint).not.toBe(SERVER_FP);
    expect(selfSigned.hits).toBe(before);
    c.close();
  });

  it('a closed port maps to net.refused naming host and port, with the route kept as a param', async () => {
    const probe = await startServer('plain');
    const url = probe.url;
    await probe.close();
    const c = await client();
    const err = await failure(c.request({ url, method: 'GET' }));
    expect(err.id).toBe('net.refused');
    expect(err.params.port).toBe(new URL(url).port);
    expect(err.params.reason).toContain('ECONNREFUSED');
    expect(renderTextParam(err.params.proxy as TextRef, 'en')).toBe('direct (profile proxy: none)');
    c.close();
  });

  it('a server that never answers maps to net.timeout', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const c = await HttpClient.create({ profileId: 'p', proxy: { mode: 'none' }, secrets: memorySecrets(), env: {}, timeoutMs: 300 });
    const err = await failure(c.request({ url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, method: 'GET' }));
    expect(err.id).toBe('net.timeout');
    silent.closeAllConnections();
    silent.close();
  });
});

describe('HttpClient through a forward proxy', () => {
  let server: TestServer;
  let plain: TestServer;
  let proxy: ForwardProxy;
  let authProxy: ForwardProxy;
  beforeAll(async () => {
    server = await startServer('ca-signed');
    plain = await startServer('plain');
    proxy = await startForwardProxy();
    authProxy = await startForwardProxy({ credentials: { username: 'svc-proxy', password: 'pr0xy-s3cret' } });
  });
  afterAll(async () => {
    await Promise.all([server.close(), plain.close(), proxy.close(), authProxy.close()]);
  });
  const target = (u: string) => new URL(u).host;

  it('tunnels HTTPS via CONNECT when the profile names a proxy URL (TLS still verified end to end)', async () => {
    const c = await client({ caFile: path.join(tlsDir, 'ca.pem') }, { mode: 'url', url: proxy.url });
    const res = await c.request({ url: server.url, method: 'GET' });
    expect(res.status).toBe(200);
    expect(renderTextParam(res.route, 'en')).toBe(`proxy http://127.0.0.1:${proxy.port} (from profile)`);
    expect(res.via).toBe(`http://127.0.0.1:${proxy.port} why=profile`);
    expect(proxy.requests.some((r) => r.method === 'CONNECT' && r.target === target(server.url))).toBe(true);
    c.close();
  });

  it('uses HTTPS_PROXY from the given env (system mode), and NO_PROXY bypasses it', async () => {
    const env = { HTTPS_PROXY: proxy.url };
    const c = await client({ caFile: path.join(tlsDir, 'ca.pem') }, { mode: 'system' }, env);
    const before = proxy.countFor(target(server.url));
    await c.request({ url: server.url, method: 'GET' });
    expect(proxy.countFor(target(server.url))).toBe(before + 1);
    c.close();

    const bypass = await client({ caFile: path.join(tlsDir, 'ca.pem') }, { mode: 'system' }, { ...env, NO_PROXY: '127.0.0.1' });
    const res = await bypass.request({ url: server.url, method: 'GET' });
    expect(renderTextParam(res.route, 'en')).toBe('direct (host in NO_PROXY)');
    expect(proxy.countFor(target(server.url))).toBe(before + 1);
    bypass.close();
  });

  it('sends plain HTTP through the proxy in absolute form', async () => {
    const c = await client({}, { mode: 'system' }, { HTTP_PROXY: proxy.url });
    const res = await c.request({ url: plain.url, method: 'GET' });
    expect(res.body).toBe('hello GET /EWS/Exchange.asmx');
    expect(proxy.requests.some((r) => r.method === 'GET' && r.target === target(plain.url))).toBe(true);
    c.close();
  });

  it('proxy credentials come from the SecretStore as Proxy-Authorization; without them → net.proxy.authFailed', async () => {
    const setting: ProxySetting = { mode: 'url', url: authProxy.url, username: 'svc-proxy' };
    const noSecret = await client({ caFile: path.join(tlsDir, 'ca.pem') }, setting);
    const err = await failure(noSecret.request({ url: server.url, method: 'GET' }));
    expect(err.id).toBe('net.proxy.authFailed');
    expect(err.params.scheme).toBe('Basic');
    expect(renderEngineText(err.params.reason as TextRef, 'en')).toBe(
      'the proxy asks for Basic; no proxy password is stored for svc-proxy',
    );
    expect(err.evidence).toContain('407');
    noSecret.close();

    const secrets = memorySecrets({ [secretKey('p1', 'proxyPassword')]: 'pr0xy-s3cret' });
    const ok = await client({ caFile: path.join(tlsDir, 'ca.pem') }, setting, {}, secrets);
    expect((await ok.request({ url: server.url, method: 'GET' })).status).toBe(200);
    const last = authProxy.requests.at(-1)!;
    expect(last.proxyAuthorization).toBe('Basic ' + Buffer.from('svc-proxy:pr0xy-s3cret').toString('base64'));
    ok.close();
  });

  it('a proxy that accepts the connection and never answers CONNECT: net.timeout, and the connection is ended', async () => {
    const held = new Set<net.Socket>();
    const silent = net.createServer((s) => {
      held.add(s);
      s.on('close', () => held.delete(s)).resume();
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const c = await HttpClient.create({
      profileId: 'p',
      proxy: { mode: 'url', url: proxyUrl },
      secrets: memorySecrets(),
      env: {},
      timeoutMs: 300,
    });
    const err = await failure(c.request({ url: server.url, method: 'GET' }));
    expect(err.id).toBe('net.timeout');
    await vi.waitFor(() => expect(held.size).toBe(0), { timeout: 10_000 });
    c.close();
    silent.close();
  });

  it('an unreachable proxy maps to net.proxy.failed', async () => {
    const c = await client({}, { mode: 'url', url: 'http://127.0.0.1:1' });
    const err = await failure(c.request({ url: plain.url, method: 'GET' }));
    expect(err.id).toBe('net.proxy.failed');
    c.close();
  });
});

describe('TLS policy from the profile', () => {
  it('an unreadable or non-PEM CA file is a clear net.tls.caFile error', async () => {
    const missing = await failure(client({ caFile: path.join(tlsDir, 'nope.pem') }));
    expect(missing.id).toBe('net.tls.caFile');
    expect(missing.params.problem).toEqual({ key: 'problem.tls.caUnreadable', params: { code: 'ENOENT' } });
    const notPem = await failure(client({ caFile: path.join(tlsDir, 'README.md') }));
    expect(notPem.params.problem).toEqual({ key: 'problem.tls.caNotPem' });
  });
});

describe('mapNetworkError', () => {
  const ctx = { host: 'mail.contoso.com', proxy: 'direct (no proxy variable set)', timeoutMs: 100_000, viaProxy: false };
  it.each([
    ['ENOTFOUND', 'net.dns'],
    ['EAI_AGAIN', 'net.dns'],
    ['ECONNREFUSED', 'net.refused'],
    ['ECONNRESET', 'net.reset'],
    ['EHOSTUNREACH', 'net.unreachable'],
    ['ETIMEDOUT', 'net.timeout'],
    ['CERT_HAS_EXPIRED', 'net.tls.expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'net.tls.hostMismatch'],
    ['CERT_REVOKED', 'net.tls.untrusted'],
  ])('%s → %s', (code, id) => {
    const e = Object.assign(new Error(`getaddrinfo ${code}`), { code });
    const err = mapNetworkError(e, ctx);
    expect(err.id).toBe(id);
    const info = err.render('nl');
    expect(`${info.title} ${info.message} ${info.fix}`).not.toMatch(/\{\w+\}/);
  });
  it('names the host and the timeout', () => {
    const e = mapNetworkError(Object.assign(new Error('t'), { code: 'ETIMEDOUT' }), ctx);
    expect(e.render().message).toBe('No answer from mail.contoso.com within 100 s.');
    expect(mapNetworkError(new RequestTimeoutError('no answer'), ctx).id).toBe('net.timeout');
  });
  it('blames the proxy when the connection to the proxy itself failed', () => {
    const e = mapNetworkError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), {
      ...ctx,
      proxy: 'proxy http://proxy:3128',
      viaProxy: true,
    });
    expect(e.id).toBe('net.proxy.failed');
    expect(e.render().message).toContain('proxy http://proxy:3128');
  });
  it('retries only a cut connection (with or without an error code)', () => {
    expect(isTransientNetworkError(mapNetworkError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), ctx))).toBe(true);
    expect(isTransientNetworkError(mapNetworkError(new Error('socket hang up'), ctx))).toBe(true);
    expect(isTransientNetworkError(mapNetworkError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), ctx))).toBe(false);
  });
  it('a refused certificate shows what the server presented in its specific entry', () => {
    const facts = {
      subject: 'CN=mail.contoso.com',
      issuer: 'CN=Contoso Root',
      fingerprint: 'AB:CD',
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: '2021-01-01T00:00:00.000Z',
      names: ['mail.contoso.com'],
    };
    const expired = certificateError(
      Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
      'mail.contoso.com',
      facts,
    );
    expect(expired.id).toBe('net.tls.expired');
    expect(expired.render().message).toContain('2021-01-01');
    const mismatch = certificateError(
      Object.assign(new Error("Hostname/IP does not match certificate's altnames"), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
      'exchange.local',
      facts,
    );
    expect(mismatch.id).toBe('net.tls.hostMismatch');
    expect(mismatch.render().message).toContain('mail.contoso.com');
    expect(mismatch.evidence).toContain('altnames');
  });
});
