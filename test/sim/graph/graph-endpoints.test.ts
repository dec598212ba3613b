// Simulator Graph endpoints answered the way Microsoft Graph answers, for requests the connector never makes
// on purpose: missing ConsistencyLevel, oversized $batch, no token, no time window, delegated access rules.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { accessToken } from '../../../src/sim/oauth/issue.js';
import { SIM_APP_DAEMON, SIM_APP_PUBLIC, simTenant } from '../../../src/sim/oauth/index.js';
import { findAccount } from '../../../src/sim/world/world.js';
import { expandedItems } from '../../../src/sim/world/expected.js';

let sim: RunningSimulator;
let appToken: string;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 10 });
  const t = simTenant(sim.world);
  appToken = accessToken(t, { aud: sim.url, app: t.apps.get(SIM_APP_DAEMON)!, baseUrl: sim.url }).token;
});
afterAll(async () => sim?.stop());

/** Graph's error body: what most of these requests answer. */
interface GraphError {
  error: { code: string };
}

/** `T` is the body shape the caller expects; the assertions that follow check it. */
function call<T = GraphError>(
  path: string,
  opts: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: T }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, sim.url),
      {
        method: opts.method ?? 'GET',
        ca: readFileSync(sim.caFile!),
        headers: { ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), 'Content-Type': 'application/json', ...opts.headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: (data ? JSON.parse(data) : undefined) as T }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body));
  });
}

describe('simulated Microsoft Graph', () => {
  it('rejects a missing or forged token with 401 InvalidAuthenticationToken', async () => {
    expect((await call('/v1.0/users')).json.error.code).toBe('InvalidAuthenticationToken');
    const forged = `${appToken.split('.').slice(0, 2).join('.')}.AAAA`;
    const r = await call('/v1.0/users', { token: forged });
    expect(r.status).toBe(401);
  });

  it('wants ConsistencyLevel: eventual for $search, as Graph does', async () => {
    const q = `/v1.0/users?$search=${encodeURIComponent('"displayName:anna"')}`;
    const without = await call(q, { token: appToken });
    expect(without.status).toBe(400);
    expect(without.json.error.code).toBe('Request_UnsupportedQuery');
    const withIt = await call<{ value: { mail: string }[] }>(q, { token: appToken, headers: { ConsistencyLevel: 'eventual' } });
    expect(withIt.json.value.map((u) => u.mail).sort()).toEqual(['anna.schmidt@contoso.com', 'anna.schneider@contoso.com']);
  });

  it('refuses a $batch of more than 20 requests and answers members individually', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users/alice.smith@contoso.com/calendar',
    }));
    expect((await call('/v1.0/$batch', { token: appToken, method: 'POST', body: { requests } })).status).toBe(400);
    const r = await call<{ responses: { status: number }[] }>('/v1.0/$batch', {
      token: appToken,
      method: 'POST',
      body: { requests: [requests[0], { id: 'x', method: 'GET', url: '/users/nobody@contoso.com/calendar' }] },
    });
    expect(r.json.responses.map((m) => m.status)).toEqual([200, 404]);
  });

  it('needs a time window for calendarView and gives occurrences their own iCalUId', async () => {
    expect((await call('/v1.0/users/anna.schmidt@contoso.com/calendarView', { token: appToken })).json.error.code).toBe(
      'ErrorInvalidParameter',
    );
    const from = new Date(`${sim.world.anchor}T00:00:00Z`);
    const to = new Date(from.getTime() + 28 * 86_400_000);
    const occ = expandedItems(sim.world, 'anna.schmidt@contoso.com', 'calendar', from, to).find((x) => x.kind === 'Occurrence')!;
    const r = await call<{ value: { id: string; type: string; seriesMasterId: string; iCalUId: string }[] }>(
      `/v1.0/users/anna.schmidt@contoso.com/calendarView?startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}&$top=500`,
      { token: appToken, headers: { Prefer: 'outlook.timezone="UTC"' } },
    );
    expect(r.headers['preference-applied']).toBe('outlook.timezone="UTC"');
    const e = r.json.value.find((v) => v.id === occ.id);
    expect(e?.type).toBe('occurrence');
    expect(e?.seriesMasterId).toBe(occ.master.id);
    expect(e?.iCalUId).not.toBe(occ.master.iCalUId);
    const master = await call<{ iCalUId: string }>(
      `/v1.0/users/anna.schmidt@contoso.com/events/${encodeURIComponent(occ.master.id)}?$select=iCalUId`,
      {
        token: appToken,
      },
    );
    expect(master.json.iCalUId).toBe(occ.master.iCalUId);
  });

  it('lets a delegated user read their own calendar and calendars shared with Reviewer, nothing else', async () => {
    const t = simTenant(sim.world);
    const token = (upn: string) =>
      accessToken(t, { aud: sim.url, app: t.apps.get(SIM_APP_PUBLIC)!, user: findAccount(sim.world, upn)!, baseUrl: sim.url }).token;
    expect((await call('/v1.0/users/jan.devries@contoso.com/calendar', { token: token('jan.devries@contoso.com') })).status).toBe(200);
    expect((await call('/v1.0/users/alice.smith@contoso.com/calendar', { token: token('svc-delegate@contoso.com') })).status).toBe(200);
    const denied = await call('/v1.0/users/anna.schmidt@contoso.com/calendar', { token: token('jan.devries@contoso.com') });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('ErrorAccessDenied');
  });

  it('throttles with Retry-After in seconds when a fault is staged', async () => {
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendar', backOffMs: 4000 });
    const r = await call('/v1.0/users/alice.smith@contoso.com/calendar', { token: appToken });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('4');
    expect(r.json.error.code).toBe('ApplicationThrottled');
  });
});
