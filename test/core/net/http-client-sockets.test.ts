import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SOCKETS, HttpClient } from '../../../src/core/net/http-client.js';
import { EWS_MAX_CONCURRENCY } from '../../../src/core/connectors/ews/ews-connector.js';
import { memorySecrets } from './fakes.js';
import { readFixture, tlsDir } from '../../support/local-tls-server.js';

// A server that holds every answer until `release` is called, and tracks how many requests it held at once.
async function holdingServer() {
  const held: http.ServerResponse[] = [];
  let most = 0;
  let onHeld = () => {};
  const server = http.createServer((_req, res) => {
    held.push(res);
    most = Math.max(most, held.length);
    onHeld();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/EWS/Exchange.asmx`,
    /** Resolves once `n` requests are held (or the next arrival). */
    held: (n: number) =>
      new Promise<void>((resolve) => {
        onHeld = () => held.length >= n && resolve();
        onHeld();
      }),
    release() {
      for (const res of held.splice(0)) res.end('ok');
    },
    most: () => most,
    close: () => new Promise<void>((r) => server.close(() => r())).then(() => undefined),
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function inFlightAtOnce(maxSockets: number | undefined, requests: number): Promise<number> {
  const server = await holdingServer();
  const c = await HttpClient.create({
    profileId: 'p',
    proxy: { mode: 'none' },
    secrets: memorySecrets(),
    env: {},
    timeoutMs: 20_000,
    maxSockets,
  });
  close = async () => {
    server.release();
    c.close();
    await server.close();
  };
  const all = Promise.all(Array.from({ length: requests }, () => c.request({ url: server.url, method: 'POST', body: 'x' })));
  // Every socket the agent allows is in use; the rest wait for one. Let more arrive if the agent allowed more.
  await server.held(Math.min(requests, maxSockets ?? DEFAULT_MAX_SOCKETS));
  await new Promise((r) => setImmediate(r));
  const most = server.most();
  server.release();
  // Answered in turn: the queued requests get the freed sockets.
  for (let i = 0; i < requests; i++) {
    const done = await Promise.race([all.then(() => true), server.held(1).then(() => false)]);
    if (done) break;
    server.release();
  }
  const answers = await all;
  expect(answers.every((a) => a.status === 200)).toBe(true);
  return most;
}

describe('HttpClient sockets per origin', () => {
  it('keeps 8 requests in flight by default and queues the rest', async () => {
    expect(await inFlightAtOnce(undefined, 12)).toBe(8);
  });

  it('allows as many as asked, e.g. EWS at Exchange’s EWSMaxConcurrency of 27', async () => {
    expect(EWS_MAX_CONCURRENCY).toBe(27);
    expect(await inFlightAtOnce(EWS_MAX_CONCURRENCY, 30)).toBe(27);
  });
});

describe('HttpClient connections per origin', () => {
  it('opens no more TLS connections than sockets allowed, however many requests arrive during the handshakes', async () => {
    let connections = 0;
    const server = https.createServer({ key: readFixture('server.key'), cert: readFixture('server.pem') }, (_req, res) => {
      // Answered a moment later, so requests overlap and the pool is really full.
      setTimeout(() => res.end('ok'), 5);
    });
    server.on('secureConnection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const c = await HttpClient.create({
      profileId: 'p',
      proxy: { mode: 'none' },
      tls: { caFile: `${tlsDir}/ca.pem` },
      secrets: memorySecrets(),
      env: {},
      timeoutMs: 20_000,
      maxSockets: 4,
    });
    close = async () => {
      c.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    };
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/EWS/Exchange.asmx`;
    // Three waves: the first arrives before any connection exists, the next ones while they are busy.
    for (let wave = 0; wave < 3; wave++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => c.request({ url, method: 'POST', body: 'x' })));
      expect(answers.map((a) => a.body)).toEqual(Array.from({ length: 20 }, () => 'ok'));
    }
    expect(connections).toBe(4);
  });
});
