import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { nullLogger } from '../../../src/core/log/logger.js';
import { startServeServer, type RunningServeServer } from '../../../src/headless/serve/server.js';
import { isLoopbackHost, resolveServeSecurity } from '../../../src/headless/serve/host-policy.js';
import { createRpcClient, createWsTransport } from '../../../src/shared/rpc.js';
import { readBootData } from '../../../src/shared/rpc/boot-data.js';
import type { Settings } from '../../../src/shared/rpc.js';
import { makeHarness } from '../../core/rpc/harness.js';
import { thrownBy } from '../../support/typed-expect.js';

type H = Awaited<ReturnType<typeof makeHarness>>;
const TOKEN = 'test-token-0123456789abcdef';
let h: H;
let srv: RunningServeServer;
let uiDir: string;

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: srv.port, path, method: 'GET', headers: { host: `127.0.0.1:${srv.port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function wsOutcome(query: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/rpc${query}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

beforeAll(async () => {
  h = await makeHarness();
  uiDir = await mkdtemp(join(tmpdir(), 'calpump-ui-'));
  await mkdir(join(uiDir, 'assets'));
  await writeFile(
    join(uiDir, 'index.html'),
    '<!doctype html><head><title>Calpump</title><script type="module" src="./assets/app.js"></script></head><body></body>',
  );
  await writeFile(join(uiDir, 'assets', 'app.js'), 'console.log(1)');
  srv = await startServeServer({ host: '127.0.0.1', port: 0, token: TOKEN, dispatcher: h.dispatcher, uiDir, logger: nullLogger });
});
afterAll(async () => {
  await srv?.close();
  await h?.cleanup();
  await rm(uiDir, { recursive: true, force: true });
});

describe('calpump serve: HTTP', () => {
  it("announces the page's language files with the page, as the build listed them", async () => {
    const before = await h.dispatcher.call('app.getSettings', {});
    const language = before.ok ? (before.output as Settings).language : 'en';
    const cookie = { cookie: `calpump_session=${TOKEN}` };
    const links = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(links((await get('/', cookie)).body)).toEqual([]);
    // What vite.renderer.config.ts writes beside index.html; a path that is not one of the build's own is dropped.
    await writeFile(
      join(uiDir, 'locale-chunks.json'),
      JSON.stringify({
        de: ['assets/ui-de.js', '../../../etc/passwd', 'assets/catalogue-de.js'],
        en: ['assets/ui-en.js'],
        xx: ['assets/x.js'],
      }),
    );
    try {
      await h.dispatcher.call('app.setSettings', { language: 'de' });
      const de = await get('/', cookie);
      expect(links(de.body)).toEqual(['./assets/ui-de.js', './assets/catalogue-de.js']);
      expect(Number(de.headers['content-length'])).toBe(Buffer.byteLength(de.body));
      await h.dispatcher.call('app.setSettings', { language: 'en' });
      expect(links((await get('/', cookie)).body)).toEqual(['./assets/ui-en.js']);
    } finally {
      await rm(join(uiDir, 'locale-chunks.json'), { force: true });
      await h.dispatcher.call('app.setSettings', { language });
    }
  });

  it('prints a loopback URL carrying the token', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/?token=${TOKEN}`);
  });

  it('refuses the UI without the token, or with a wrong one', async () => {
    const none = await get('/');
    expect(none.status).toBe(401);
    expect(none.body).toContain('?token=');
    expect((await get('/?token=wrong-token-0123456789')).status).toBe(401);
    expect((await get('/', { cookie: 'calpump_session=nope' })).status).toBe(401);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const r = await get(`/?token=${TOKEN}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(String(r.headers['set-cookie'])).toMatch(/calpump_session=.+; HttpOnly; SameSite=Strict; Path=\//);
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the UI with a strict CSP once the cookie is there', async () => {
    const r = await get('/', { cookie: `calpump_session=${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Calpump</title>');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    // Styles: only style elements with this page's nonce, which the page carries for the renderer.
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(r.body).toContain(`<meta name="calpump-style-nonce" content="${nonce}">`);
    const again = await get('/', { cookie: `calpump_session=${TOKEN}` });
    expect(String(again.headers['content-security-policy'])).not.toContain(`'nonce-${nonce}'`);
    expect(r.headers['x-frame-options']).toBe('DENY');
    // The first screen's answers come with the page as a data block (never executed: the CSP stays as it is).
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
    const block = /<script type="application\/json" id="calpump-boot">([^<]*)<\/script><\/head>/.exec(r.body);
    const data = readBootData({ getElementById: () => ({ textContent: block?.[1] ?? null }) });
    expect(data['app.getSettings']).toEqual(await h.dispatcher.call('app.getSettings', {}).then((x) => (x.ok ? x.output : x)));
    expect(data['profiles.list']?.profiles).toEqual([]);
    // A call that fails is left out (the page makes it over the socket): this harness has no jobs service.
    const jobs = await h.dispatcher.call('jobs.list', {});
    expect(jobs.ok).toBe(false);
    expect('jobs.list' in data).toBe(false);
    const js = await get('/assets/app.js', { cookie: `calpump_session=${TOKEN}` });
    expect(js.headers['content-type']).toContain('javascript');
    // client-side routes fall back to index.html, missing files do not
    expect((await get('/jobs', { cookie: `calpump_session=${TOKEN}` })).body).toContain('<title>');
    expect((await get('/nope.js', { cookie: `calpump_session=${TOKEN}` })).status).toBe(404);
  });

  it('serves a file that changed on disk as it is now (a rebuilt UI), not as it was first read', async () => {
    const cookie = { cookie: `calpump_session=${TOKEN}` };
    await writeFile(join(uiDir, 'assets', 'later.js'), 'console.log("first build")');
    expect((await get('/assets/later.js', cookie)).body).toBe('console.log("first build")');
    await writeFile(join(uiDir, 'assets', 'later.js'), 'console.log("the second, longer build")');
    const r = await get('/assets/later.js', cookie);
    expect(r.body).toBe('console.log("the second, longer build")');
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(r.body)));
  });

  it('never serves files outside the UI folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const r = await get(p, { cookie: `calpump_session=${TOKEN}` });
      expect(r.body, p).not.toContain('"name"');
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await get('/', { cookie: `calpump_session=${TOKEN}`, host: 'evil.example:80' })).status).toBe(421);
    expect((await get('/', { cookie: `calpump_session=${TOKEN}`, origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { cookie: `calpump_session=${TOKEN}`, host: `localhost:${srv.port}` })).status).toBe(200);
  });
});

describe('calpump serve: WebSocket RPC', () => {
  it('refuses an upgrade without the token, with a wrong token, or from a foreign Origin', async () => {
    const origin = `http://127.0.0.1:${srv.port}`;
    expect(await wsOutcome('', { origin })).toBe(401);
    expect(await wsOutcome('?token=wrong-token-0123456789', { origin })).toBe(401);
    expect(await wsOutcome('', { origin: 'http://evil.example', cookie: `calpump_session=${TOKEN}` })).toBe(403);
    expect(await wsOutcome('', { origin, cookie: `calpump_session=${TOKEN}` })).toBe('open');
  });

  it('carries typed calls and pushes events to the client', async () => {
    const transport = createWsTransport({
      url: `ws://127.0.0.1:${srv.port}/rpc`,
      createSocket: (u) =>
        new WebSocket(u, { headers: { origin: `http://127.0.0.1:${srv.port}`, cookie: `calpump_session=${TOKEN}` } }) as never,
    });
    const client = createRpcClient(transport);
    try {
      const changes: unknown[] = [];
      client.on('data.changed', (p) => changes.push(p));
      expect(await client['profiles.list']()).toEqual({ profiles: [] });
      const v = await client['profiles.create']({
        profile: { kind: 'ews', name: 'WS', url: 'https://127.0.0.1/EWS/Exchange.asmx', username: 'svc-calpump@contoso.com' },
        secrets: { password: 'Passw0rd!' },
      });
      expect(v.secrets.password).toBe('stored');
      await expect(client['profiles.get']({ id: 'missing' })).rejects.toMatchObject({ info: { id: 'config.profileNotFound' } });
      await vi_waitFor(() => changes.length > 0);
      expect(changes[0]).toEqual({ group: 'profiles', id: v.profile.id });
    } finally {
      transport.close();
    }
  });

  it('closes a socket that sends garbage', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/rpc`, { headers: { cookie: `calpump_session=${TOKEN}` } });
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.send('{not json');
    expect(await closed).toBe(1007);
  });
});

describe('calpump serve: /feeds/ hook', () => {
  it('hands /feeds/ to the feeds handler, which does its own authentication', async () => {
    const seen: string[] = [];
    const other = await startServeServer({
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      dispatcher: h.dispatcher,
      uiDir,
      logger: nullLogger,
      feeds: async (_req, res, url) => {
        seen.push(url.pathname);
        res.end('feed');
      },
    });
    try {
      const body = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port: other.port, path: '/feeds/abc.ics' }, (res) => {
          let b = '';
          res.on('data', (c) => (b += c));
          res.on('end', () => resolve(b));
        })
          .on('error', reject)
          .end();
      });
      expect(body).toBe('feed');
      expect(seen).toEqual(['/feeds/abc.ics']);
    } finally {
      await other.close();
    }
  });
});

describe('calpump serve: without a built UI', () => {
  it('answers 503 saying how to build it (and the RPC still works)', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'calpump-noui-'));
    const other = await startServeServer({
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      dispatcher: h.dispatcher,
      uiDir: empty,
      logger: nullLogger,
    });
    try {
      const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: other.port, path: '/', headers: { cookie: `calpump_session=${TOKEN}` } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
          .on('error', reject)
          .end();
      });
      expect(r.status).toBe(503);
      expect(r.body).toContain('npm run build:renderer');
    } finally {
      await other.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('serve host policy', () => {
  it('makes a random token on loopback', () => {
    const a = resolveServeSecurity({});
    const b = resolveServeSecurity({});
    expect(a.host).toBe('127.0.0.1');
    expect(a.token.length).toBeGreaterThanOrEqual(24);
    expect(a.token).not.toBe(b.token);
    expect(a.configured).toBe(false);
  });

  it('refuses a non-loopback host without a configured token', () => {
    expect(thrownBy(() => resolveServeSecurity({ host: '0.0.0.0' }))).toMatchObject({ id: 'serve.hostNeedsToken' });
    expect(thrownBy(() => resolveServeSecurity({ host: '192.0.2.10', env: {} }))).toMatchObject({ id: 'serve.hostNeedsToken' });
    expect(resolveServeSecurity({ host: '0.0.0.0', token: TOKEN })).toMatchObject({ token: TOKEN, configured: true });
    expect(resolveServeSecurity({ host: '0.0.0.0', env: { CALPUMP_SERVE_TOKEN: TOKEN } }).token).toBe(TOKEN);
    expect(thrownBy(() => resolveServeSecurity({ host: '0.0.0.0', token: 'short' }))).toMatchObject({ id: 'input.invalid' });
  });

  it('knows which addresses are loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

async function vi_waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
}
