// PAC files: run by pac-resolver in a QuickJS sandbox (no Node inside), bounded in time and size, fetched from
// http(s):// or a file, cached; and the answer parsed the way browsers read it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePac, fetchPacSource, PacCache, parsePacResult } from '../../../src/core/net/proxy-pac.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

const PAC = `
function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, ".contoso.local")) return "DIRECT";
  if (shExpMatch(url, "https://mail.contoso.com/*")) return "PROXY proxy.contoso.com:8080; DIRECT";
  if (isInNet(host, "10.0.0.0", "255.0.0.0")) return "HTTPS secure.contoso.com:443";
  return "SOCKS5 socks.contoso.com:1080; PROXY fallback.contoso.com:3128";
}`;

describe('PAC answers', () => {
  it('PROXY/HTTP/HTTPS/DIRECT in order; SOCKS and junk marked unsupported', () => {
    expect(parsePacResult('PROXY p:8080; HTTPS s:443;DIRECT;  SOCKS5 x:1; nonsense')).toEqual([
      { kind: 'proxy', url: new URL('http://p:8080') },
      { kind: 'proxy', url: new URL('https://s:443') },
      { kind: 'direct' },
      { kind: 'unsupported', text: 'SOCKS5 x:1' },
      { kind: 'unsupported', text: 'nonsense' },
    ]);
    expect(parsePacResult('')).toEqual([]);
  });
});

describe('compilePac', () => {
  it('runs the PAC functions browsers define', async () => {
    const pac = await compilePac(PAC, 'test.pac');
    expect(await pac.findProxy(new URL('https://intranet/'))).toBe('DIRECT');
    expect(await pac.findProxy(new URL('https://ews.contoso.local/EWS/Exchange.asmx'))).toBe('DIRECT');
    expect(await pac.findProxy(new URL('https://mail.contoso.com/EWS/Exchange.asmx'))).toBe('PROXY proxy.contoso.com:8080; DIRECT');
    expect(await pac.findProxy(new URL('https://10.1.2.3/'))).toBe('HTTPS secure.contoso.com:443');
    expect(await pac.findProxy(new URL('https://outlook.office365.com/'))).toContain('SOCKS5');
  });

  it('the script has no Node: require, process and the file system are not there', async () => {
    const pac = await compilePac(
      `function FindProxyForURL(url, host) { return [typeof require, typeof process, typeof globalThis.fetch].join(","); }`,
      'probe.pac',
    );
    expect(await pac.findProxy(new URL('http://x/'))).toBe('undefined,undefined,undefined');
  });

  it('an endless loop is interrupted and reported, and the next answer still comes', async () => {
    const pac = await compilePac(
      `function FindProxyForURL(url, host) { if (host == "loop") { while (true) {} } return "DIRECT"; }`,
      'loop.pac',
      500,
    );
    const e = await calpumpFailure(pac.findProxy(new URL('http://loop/')));
    expect(e.id).toBe('net.proxy.pac');
    expect(e.params).toMatchObject({ pac: 'loop.pac' });
    expect(e.params.reason).toEqual({ key: 'problem.pac.tooSlow', params: { seconds: 0.5 } });
    expect(e.evidence).toBe('timeoutMs=500');
    expect(await pac.findProxy(new URL('http://fine/'))).toBe('DIRECT');
  });

  it('a script that does not parse or defines no FindProxyForURL is net.proxy.pac', async () => {
    expect((await calpumpFailure(compilePac('function FindProxyForURL(url, host) {', 'broken.pac'))).id).toBe('net.proxy.pac');
    expect((await calpumpFailure(compilePac('var x = 1;', 'empty.pac'))).evidence).toContain('FindProxyForURL');
  });
});

describe('fetching PAC files', () => {
  let server: http.Server;
  let base: string;
  let dir: string;
  let hits = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-pac-'));
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === '/proxy.pac') res.writeHead(200, { 'Content-Type': 'application/x-ns-proxy-autoconfig' }).end(PAC);
      else if (req.url === '/huge.pac') res.writeHead(200).end('x'.repeat(1_100_000));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  it('http://, file:// and a plain path', async () => {
    expect(await fetchPacSource(`${base}/proxy.pac`)).toBe(PAC);
    const file = join(dir, 'local.pac');
    await writeFile(file, PAC);
    expect(await fetchPacSource(pathToFileURL(file).href)).toBe(PAC);
    expect(await fetchPacSource(file)).toBe(PAC);
  });

  it('404, too large, missing file, other schemes: net.proxy.pac with the reason', async () => {
    expect((await calpumpFailure(fetchPacSource(`${base}/nothing.pac`))).params.reason).toContain('404');
    const huge = await calpumpFailure(fetchPacSource(`${base}/huge.pac`));
    expect(huge.params.reason).toEqual({ key: 'problem.pac.tooLarge', params: { limit: 1_000_000 } });
    expect(huge.evidence).toBe('read>1000000 limit=1000000');
    expect((await calpumpFailure(fetchPacSource(join(dir, 'missing.pac')))).params.reason).toBe('ENOENT');
    expect((await calpumpFailure(fetchPacSource('ftp://pac.contoso.com/proxy.pac'))).params.reason).toEqual({
      key: 'problem.pac.scheme',
      params: { scheme: 'ftp:' },
    });
  });

  it('the cache fetches once while fresh, again after five minutes, and retries a failure after 30 s', async () => {
    let now = 0;
    const loads: string[] = [];
    const cache = new PacCache(
      async (location) => {
        loads.push(location);
        if (location.includes('bad')) throw new Error('down');
        return fetchPacSource(location);
      },
      () => now,
    );
    const a = await cache.get(`${base}/proxy.pac`);
    expect(await cache.get(`${base}/proxy.pac`)).toBe(a);
    now += 5 * 60_000 + 1;
    expect(await cache.get(`${base}/proxy.pac`)).not.toBe(a);
    await expect(cache.get('http://bad/')).rejects.toThrow('down');
    await expect(cache.get('http://bad/')).rejects.toThrow('down');
    now += 30_001;
    await expect(cache.get('http://bad/')).rejects.toThrow('down');
    expect(loads.filter((l) => l.includes('bad'))).toHaveLength(2);
    expect(hits).toBeGreaterThan(0);
  });
});
