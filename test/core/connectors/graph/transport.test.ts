// The retry/back-off/concurrency policy with a scripted HTTP layer (real Graph answer shapes).
import { describe, expect, it } from 'vitest';
import { GraphTransport, valueDeeperThan } from '../../../../src/core/connectors/graph/transport.js';
import { jsonDeeperThan } from '../../../../src/core/net/json-depth.js';
import type { HttpRequest, HttpResponse } from '../../../../src/core/auth/http-send.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { calpumpFailure as failure } from '../../../support/calpump-failure.js';
import { fixture } from './fixtures.js';
import { parseJson } from '../../../support/typed-json.js';

function transport(
  answer: (req: HttpRequest, n: number) => Promise<HttpResponse> | HttpResponse,
  extra: { waits?: number[]; tokens?: string[] } = {},
) {
  let n = 0;
  const requests: HttpRequest[] = [];
  const t = new GraphTransport({
    http: async (req) => {
      requests.push(req);
      return answer(req, n++);
    },
    graphHost: 'https://graph.microsoft.com',
    token: async (o) => {
      const tok = o?.forceRefresh ? 'fresh-token' : 'old-token';
      extra.tokens?.push(tok);
      return tok;
    },
    logger: nullLogger,
    sleep: async (ms) => void extra.waits?.push(ms),
    random: () => 0.5,
    now: () => Date.parse('2026-11-25T09:00:00Z'),
  });
  return { t, requests };
}

const json = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

describe('GraphTransport', () => {
  it('refuses a JSON answer nested 100,000 deep as graph.response.invalid (nothing walks it afterwards)', async () => {
    const deep = `{"value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const { t } = transport(() => json(200, deep));
    const err = await failure(t.send({ method: 'GET', url: '/users', operation: 'users' }));
    expect(err.id).toBe('graph.response.invalid');
    expect(err.params.problem).toEqual({ key: 'problem.graph.tooDeep', params: { max: 64 } });
    // Depth inside strings does not count; ordinary answers pass.
    const { t: ok } = transport(() => json(200, `{"value":[{"subject":"${'['.repeat(500)}"}]}`));
    expect((await ok.send({ method: 'GET', url: '/users', operation: 'users' })).status).toBe(200);
  });

  it('sendJson parses a JSON read once and refuses the same nesting send() refuses, checked on the parsed value', async () => {
    const deep = `{"value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const { t } = transport(() => json(200, deep));
    const err = await failure(t.sendJson({ method: 'GET', url: '/users', operation: 'users' }));
    expect(err.id).toBe('graph.response.invalid');
    expect(err.params.problem).toEqual({ key: 'problem.graph.tooDeep', params: { max: 64 } });
    const { t: ok } = transport(() => json(200, `{"value":[{"subject":"${'['.repeat(500)}"}]}`));
    const res = await ok.sendJson({ method: 'GET', url: '/users', operation: 'users' });
    expect(res.json).toEqual({ value: [{ subject: '['.repeat(500) }] });
    expect(res.headers['x-calpump-attempts']).toBe('1');
    // Not JSON (a proxy's page) or an error: no value, the text checked as send() checks it.
    const { t: html } = transport(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>[[[</html>' }));
    expect((await html.sendJson({ method: 'GET', url: '/users', operation: 'users' })).json).toBeUndefined();
    const { t: notFound } = transport(() => json(404, `{"error":${'['.repeat(100)}${']'.repeat(100)}}`));
    expect((await failure(notFound.sendJson({ method: 'GET', url: '/users', operation: 'users' }))).id).toBe('graph.response.invalid');
  });

  it('valueDeeperThan gives the verdict jsonDeeperThan gives on the text the value was parsed from', () => {
    const nest = (depth: number, leaf: string, arrays: boolean) => {
      let text = leaf;
      for (let i = 0; i < depth; i++) text = arrays && i % 2 ? `[1,${text},"]"]` : `{"a":"{","b":${text},"c":[]}`;
      return text;
    };
    for (const leaf of ['1', '"x"', 'null', '[]', '{}', '[[]]'])
      for (const arrays of [false, true])
        for (const depth of [0, 1, 2, 5, 60, 62, 63, 64, 65, 66, 100])
          for (const limit of [1, 3, 64]) {
            const text = nest(depth, leaf, arrays);
            expect(valueDeeperThan(JSON.parse(text), limit), `${depth} ${leaf} ${arrays} ${limit}`).toBe(jsonDeeperThan(text, limit));
          }
  });

  it('waits Retry-After seconds, or until a Retry-After date, before trying again', async () => {
    const waits: number[] = [];
    const { t } = transport(
      (_r, n) =>
        n === 0
          ? json(429, fixture('error-429-throttled.json'), { 'retry-after': '12' })
          : n === 1
            ? json(503, '{}', { 'retry-after': 'Wed, 25 Nov 2026 09:00:05 GMT' })
            : json(200, '{"value":[]}'),
      { waits },
    );
    const res = await t.send({ method: 'GET', url: '/users', operation: 'users' });
    expect(res.status).toBe(200);
    expect(waits[0]).toBeGreaterThanOrEqual(12_000);
    expect(waits[0]).toBeLessThan(12_250);
    expect(waits[1]).toBeGreaterThanOrEqual(5_000);
    expect(waits[1]).toBeLessThan(5_250);
  });

  it('backs off exponentially with jitter when no Retry-After is given, and stops at the attempt limit', async () => {
    const waits: number[] = [];
    const { t, requests } = transport(() => json(504, '{}'), { waits });
    const res = await t.send({ method: 'GET', url: '/users', operation: 'users' });
    expect(res.status).toBe(504);
    expect(requests).toHaveLength(8);
    expect(res.headers['x-calpump-attempts']).toBe('8');
    expect(waits.slice(0, 3)).toEqual([750, 1500, 3000]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60_000);
  });

  it('asks for a fresh token once on 401 InvalidAuthenticationToken', async () => {
    const tokens: string[] = [];
    const { t, requests } = transport(
      (r) => (r.headers?.Authorization === 'Bearer old-token' ? json(401, fixture('error-401-token-expired.json')) : json(200, '{}')),
      { tokens },
    );
    expect((await t.send({ method: 'GET', url: '/users/x/calendar', operation: 'calendar' })).status).toBe(200);
    expect(tokens).toEqual(['old-token', 'fresh-token']);
    expect(requests.map((r) => r.headers?.Authorization)).toEqual(['Bearer old-token', 'Bearer fresh-token']);
  });

  it('retries only the throttled members of a $batch, after their Retry-After', async () => {
    const waits: number[] = [];
    const bodies: string[] = [];
    const { t } = transport(
      (req, n) => {
        bodies.push(req.body ?? '');
        if (n === 0) return json(200, fixture('batch-response-throttled-member.json'));
        return json(200, JSON.stringify({ responses: [{ id: '2', status: 200, headers: {}, body: { iCalUId: 'UID-2' } }] }));
      },
      { waits },
    );
    const results = await t.batch(
      [
        { id: '1', method: 'GET', url: '/users/a/events/S1?$select=iCalUId' },
        { id: '2', method: 'GET', url: '/users/a/events/S2?$select=iCalUId' },
      ],
      'seriesMaster',
      'a',
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((results[1].body as { iCalUId: string }).iCalUId).toBe('UID-2');
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(parseJson<{ requests: Array<{ id: string }> }>(bodies[1]).requests.map((r) => r.id)).toEqual(['2']);
  });

  it('sends each throttled member again after its own Retry-After, not the longest one', async () => {
    const waits: number[] = [];
    const sent: string[][] = [];
    const throttled = (id: string, seconds: string) => ({
      id,
      status: 429,
      headers: { 'Retry-After': seconds },
      body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } },
    });
    const { t } = transport(
      (req, n) => {
        const ids = (JSON.parse(req.body!) as { requests: Array<{ id: string }> }).requests.map((r) => r.id);
        sent.push(ids);
        const ok = (id: string) => ({ id, status: 200, headers: {}, body: { id } });
        if (n === 0) return json(200, JSON.stringify({ responses: [ok('a'), throttled('b', '1'), throttled('c', '5')] }));
        return json(200, JSON.stringify({ responses: ids.map(ok) }));
      },
      { waits },
    );
    const members = ['a', 'b', 'c'].map((id) => ({ id, method: 'GET' as const, url: `/users/${id}/calendarView/delta` }));
    const results = await t.batch(members, 'calendarViewDelta');
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sent).toEqual([['a', 'b', 'c'], ['b'], ['c']]);
    // b after its 1 s (+ jitter), c 5 s after the first answer: 4 s after b.
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThan(1250);
    expect(waits[0] + waits[1]).toBeGreaterThanOrEqual(5000);
    expect(waits[0] + waits[1]).toBeLessThan(5250);
  });

  it('splits more than 20 members into several $batch requests', async () => {
    const { t, requests } = transport((req) => {
      const members = (JSON.parse(req.body!) as { requests: Array<{ id: string }> }).requests;
      return json(200, JSON.stringify({ responses: members.map((m) => ({ id: m.id, status: 200, headers: {}, body: {} })) }));
    });
    const members = Array.from({ length: 45 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: `/users/a/events/${i}` }));
    expect((await t.batch(members, 'x')).every((r) => r.status === 200)).toBe(true);
    expect(requests.map((r) => (JSON.parse(r.body!) as { requests: unknown[] }).requests.length)).toEqual([20, 20, 5]);
    expect(requests[0].url).toBe('https://graph.microsoft.com/v1.0/$batch');
  });

  it('never runs more than 4 requests at once for one mailbox, but lets other mailboxes through', async () => {
    const release: Array<() => void> = [];
    const { t } = transport(() => new Promise<HttpResponse>((r) => release.push(() => r(json(200, '{}')))));
    const calls = [
      ...Array.from({ length: 6 }, () =>
        t.send({ method: 'GET', url: '/users/a/calendar', operation: 'calendar', mailbox: 'a@contoso.com' }),
      ),
      t.send({ method: 'GET', url: '/users/b/calendar', operation: 'calendar', mailbox: 'b@contoso.com' }),
    ];
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(release).toHaveLength(5);
    while (release.length) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(calls);
    expect(t.peak.get('a@contoso.com')).toBe(4);
  });
});
