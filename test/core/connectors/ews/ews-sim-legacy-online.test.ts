// Legacy "EWS on Microsoft 365": an EWS profile with legacyOnline signs in with an app-only token (client
// credentials at the simulator's Entra ID) instead of Basic/NTLM, impersonates, and retries a rejected token once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector, type EwsConnectorOptions } from '../../../../src/core/connectors/ews/index.js';
import type { HttpSender } from '../../../../src/core/connectors/ews/transport/http-sender.js';
import { HttpClient } from '../../../../src/core/net/http-client.js';
import { secretKey, type EwsProfile } from '../../../../src/shared/profile.js';
import { comparableEvent, expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../../src/sim/oauth/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { memorySecrets, recordingLogger } from '../../net/fakes.js';
import { ANCHOR, collect, simProfile } from './sim-helpers.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const byStart = (a: { start: string; subject: string }, b: { start: string; subject: string }) =>
  (a.start + a.subject).localeCompare(b.start + b.subject);
const ANNA = 'anna.schmidt@contoso.com';

describe('EWS connector: legacy EWS on Microsoft 365 (OAuth bearer)', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, anchor: ANCHOR });
  });
  afterAll(async () => sim?.stop());

  function onlineProfile(over: Partial<EwsProfile> = {}): EwsProfile {
    // access 'delegate' on purpose: app-only tokens must impersonate whatever the profile says.
    return simProfile(sim, {
      id: 'exo',
      name: 'exo-legacy',
      access: 'delegate',
      legacyOnline: { tenantId: SIM_TENANT_ID, clientId: SIM_APP_DAEMON, authorityHost: sim.url },
      ...over,
    });
  }

  function connectorFor(profile: EwsProfile, options: EwsConnectorOptions = {}) {
    // No password stored: Basic/NTLM would fail with secrets.missing, so success proves the bearer was used.
    const secrets = memorySecrets({ [secretKey(profile.id, 'clientSecret')]: SIM_APP_DAEMON_SECRET });
    const logger = recordingLogger();
    const connector = createEwsConnector(
      profile,
      { secrets, logger, env: {}, fetchTimeoutMs: 20_000 },
      { sleep: async () => {}, recorder: schema.recorder, ...options },
    );
    return { connector, logger };
  }

  /** A sender over a real client that spoils the bearer token of the first `spoil` EWS requests. */
  async function spoilingSender(profile: EwsProfile, spoil: number) {
    const client = await HttpClient.create({
      profileId: profile.id,
      tls: profile.tls,
      proxy: { mode: 'none' },
      secrets: memorySecrets(),
      timeoutMs: 20_000,
    });
    const authHeaders: string[] = [];
    const anchors: string[] = [];
    let left = spoil;
    const sender: HttpSender = {
      newAgent: (u) => client.newAgent(u),
      describeRoute: (u) => client.describeRoute(u),
      request: (req) => {
        const auth = req.headers?.Authorization;
        if (auth && req.url === sim.ewsUrl) {
          authHeaders.push(auth);
          anchors.push(req.headers?.['X-AnchorMailbox'] ?? '');
          if (left > 0) {
            left--;
            return client.request({ ...req, headers: { ...req.headers, Authorization: 'Bearer not.a.valid.token' } });
          }
        }
        return client.request(req);
      },
    };
    return { sender, authHeaders, anchors, close: () => client.close() };
  }

  it("reads anna's calendar with an app-only token, impersonating, equal to the truth", async () => {
    const before = schema.requests.length;
    const { connector, logger } = connectorFor(onlineProfile({ testMailbox: 'alice.smith@contoso.com' }));
    sim.counters.reset();
    const got = await collect(connector.calendarView(ANNA, 'calendar', day(-14), day(21)));
    const want = expectedEvents(sim.world, ANNA, 'calendar', day(-14), day(21));
    expect(want.length).toBeGreaterThan(5);
    expect(got.map(comparableEvent).sort(byStart)).toEqual(want.map(comparableEvent).sort(byStart));
    const tree = await connector.folderTree(ANNA);
    expect(tree[0]).toMatchObject({ name: 'Kalender', distinguishedId: 'calendar' });
    expect(sim.counters.operation('OAuth:token')).toBe(1); // cached between calls

    // Directory lookups act for no mailbox: app-only tokens still impersonate (the profile's test mailbox).
    const page = await connector.listMailboxes('anna');
    expect(page.items.map((m) => m.smtp)).toContain(ANNA);
    const d = await connector.describe();
    expect(d.auth).toBe('OAuth (legacy EWS on Microsoft 365, retiring 2027-04-01)');
    expect(d.access).toBe('impersonation');
    await connector.close();

    const log = logger.text();
    expect(logger.records.filter((r) => r.event === 'auth.ewsOnline.retiring')).toHaveLength(1);
    expect(log).toContain('2027-04-01');
    expect(log).not.toContain(SIM_APP_DAEMON_SECRET);
    expect(log).not.toMatch(/Bearer\s+ey/);
    // Every request impersonated someone (app-only tokens have no mailbox of their own).
    const mine = schema.requests.slice(before);
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((r) => /ExchangeImpersonation>.*(anna\.schmidt|alice\.smith)@contoso\.com/s.test(r.body))).toBe(true);
  });

  it('sends Bearer and X-AnchorMailbox, never Basic or NTLM; a rejected token is refreshed once and the call succeeds', async () => {
    const profile = onlineProfile();
    const spoiled = await spoilingSender(profile, 1);
    const { connector } = connectorFor(profile, { http: spoiled.sender });
    sim.counters.reset();
    const got = await collect(connector.calendarView(ANNA, 'calendar', day(0), day(7)));
    expect(got.length).toBe(expectedEvents(sim.world, ANNA, 'calendar', day(0), day(7)).length);
    expect(sim.counters.operation('OAuth:token')).toBe(2); // first token, then the forced refresh after the 401
    expect(spoiled.authHeaders.length).toBeGreaterThan(0);
    expect(spoiled.authHeaders.every((h) => h.startsWith('Bearer '))).toBe(true);
    expect(new Set(spoiled.anchors)).toEqual(new Set([ANNA]));
    await connector.close();
    spoiled.close();
  });

  it('a token rejected even after the refresh fails with ews.auth.unauthorized naming the Exchange diagnostics', async () => {
    const profile = onlineProfile();
    const spoiled = await spoilingSender(profile, 99);
    const { connector, logger } = connectorFor(profile, { http: spoiled.sender });
    const err = await calpumpFailure(collect(connector.calendarView(ANNA, 'calendar', day(0), day(7))));
    expect(err.id).toBe('ews.auth.unauthorized');
    expect(err.evidence).toMatch(/HTTP 401 ×2 \(Bearer; forceRefresh\).*x-ms-diagnostics: 2000001/);
    expect(spoiled.authHeaders).toHaveLength(2); // one retry, not a loop
    expect(logger.text()).not.toContain(SIM_APP_DAEMON_SECRET);
    await connector.close();
    spoiled.close();
  });

  it('without a stored app credential the call fails with auth.credential.missing, not a password prompt', async () => {
    const profile = onlineProfile({ id: 'exo-nocred' });
    const logger = recordingLogger();
    const connector = createEwsConnector(profile, { secrets: memorySecrets(), logger, env: {} }, { recorder: schema.recorder });
    const err = await calpumpFailure(collect(connector.calendarView(ANNA, 'calendar', day(0), day(1))));
    expect(err).toMatchObject({ id: 'auth.credential.missing' });
    await connector.close();
  });
});
