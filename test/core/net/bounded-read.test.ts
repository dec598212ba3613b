// Every answer is read within bounds: byte cap after decompression, idle and total timeouts, and no timer left
// behind on any path. The server is the hostile one the CLI suite uses (test/hostile/hostile-server.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/core/net/http-client.js';
import type { NetLimitSetting } from '../../../src/shared/profile.js';
import { calpumpFailure as failure } from '../../support/calpump-failure.js';
import { HOSTILE_CA_FILE, startHostileServer, type HostileServer } from '../../hostile/hostile-server.js';
import { memorySecrets } from './fakes.js';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});

function client(limits?: NetLimitSetting, timeoutMs = 30_000) {
  return HttpClient.create({
    profileId: 'p',
    tls: { caFile: HOSTILE_CA_FILE },
    proxy: { mode: 'none' },
    secrets: memorySecrets(),
    env: {},
    timeoutMs,
    protocol: 'ews',
    limits,
  });
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('HttpClient bounded reads', () => {
  it('a 1.5 MB gzip answer that unpacks to 1.5 GB stops at the cap: net.response.tooLarge with the limit', async () => {
    const c = await client({ maxResponseMB: 8 });
    const before = process.memoryUsage().rss;
    const err = await failure(c.request({ url: server.ewsUrl('gzip-bomb'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.response.tooLarge');
    expect(err.params.limit).toBe('8 MiB');
    expect(err.params.size).toEqual({ key: 'problem.net.moreThan', params: { size: '8 MiB' } });
    expect(err.render().message).toContain('127.0.0.1');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    c.close();
  });

  it('a declared length over the cap is refused before the body is read', async () => {
    const c = await client();
    const err = await failure(c.request({ url: server.ewsUrl('oversized'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.response.tooLarge');
    expect(err.params).toMatchObject({ size: '600 MiB', limit: '64 MiB' });
    c.close();
  });

  it('an endless chunked answer ends at the cap, not at the timeout', async () => {
    const c = await client({ maxResponseMB: 4 }, 120_000);
    const t0 = Date.now();
    const err = await failure(c.request({ url: server.ewsUrl('endless'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.response.tooLarge');
    expect(Date.now() - t0).toBeLessThan(60_000);
    c.close();
  });

  it('a per-request cap can only lower the client cap', async () => {
    const c = await client({ maxResponseMB: 4 }, 120_000);
    const err = await failure(c.request({ url: server.ewsUrl('endless'), method: 'POST', body: '<x/>', maxBytes: 1024 * 1024 }));
    expect(err.params.limit).toBe('1 MiB');
    c.close();
  });

  it('silence after the request: net.timeout.idle after the idle timeout, well before the total one', async () => {
    const c = await client({ idleTimeoutSeconds: 1 }, 120_000);
    const err = await failure(c.request({ url: server.ewsUrl('silence'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.timeout.idle');
    expect(err.params.idleSeconds).toBe('1');
    c.close();
  });

  it('a peer that accepts TCP and never starts TLS: net.timeout.idle, and no socket is left open', async () => {
    const c = await client({ idleTimeoutSeconds: 1 }, 120_000);
    const err = await failure(c.request({ url: server.silentTcpUrl, method: 'POST', body: '<x/>' }));
    expect(['net.timeout.idle', 'net.timeout']).toContain(err.id);
    c.close();
  });

  it('a cut answer is net.reset, and no timer of the request is left running', async () => {
    const c = await client(undefined, 100_000);
    const before = timers();
    const err = await failure(c.request({ url: server.ewsUrl('cut'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.reset');
    expect(timers()).toBeLessThanOrEqual(before);
    c.close();
  });

  it('an answer in an encoding we did not ask for is refused: net.response.undecodable', async () => {
    const c = await client();
    const err = await failure(c.request({ url: server.ewsUrl('unknown-encoding'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.response.undecodable');
    c.close();
  });

  it('gzip, deflate and br answers are unpacked; a damaged gzip body is net.response.undecodable', async () => {
    const c = await client();
    for (const enc of ['gzip', 'deflate', 'br'] as const) {
      const res = await c.request({ url: server.ewsUrl(`packed-${enc}` as never), method: 'POST', body: '<x/>' });
      expect(res.body).toBe('<ok>unpacked</ok>');
    }
    const err = await failure(c.request({ url: server.ewsUrl('damaged-gzip'), method: 'POST', body: '<x/>' }));
    expect(err.id).toBe('net.response.undecodable');
    c.close();
  });
});
