// Proxy acceptance: EWS traffic of a profile goes through the configured forward proxy (profile URL or the
// system HTTPS_PROXY given through deps.env), NO_PROXY bypasses it, and proxy credentials come from the
// SecretStore as Proxy-Authorization without ever being logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTextParam } from '../../../../src/shared/i18n/engine-texts.js';
import { createEwsConnector } from '../../../../src/core/connectors/ews/index.js';
import { secretKey } from '../../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { startForwardProxy, type ForwardProxy } from '../../../support/forward-proxy.js';
import { memorySecrets, recordingLogger } from '../../net/fakes.js';
import { ANCHOR, collect, PASSWORD, simConnector, simProfile } from './sim-helpers.js';

describe('EWS through a forward proxy', () => {
  let sim: RunningSimulator;
  let proxy: ForwardProxy;
  let authProxy: ForwardProxy;
  const schema = recordEwsRequestsForSchema();
  const host = () => new URL(sim.ewsUrl).host;
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR });
    proxy = await startForwardProxy();
    authProxy = await startForwardProxy({ credentials: { username: 'svc-proxy', password: 'Pr0xy-Secret!' } });
  });
  afterAll(async () => {
    await sim?.stop();
    await proxy?.close();
    await authProxy?.close();
  });
  const opts = () => ({ recorder: schema.recorder });

  it('profile proxy URL: every connection to Exchange is a CONNECT through the proxy, shown in test() and describe()', async () => {
    const { connector } = simConnector(sim, { proxy: { mode: 'url', url: proxy.url } }, opts());
    const before = proxy.countFor(host());
    const steps = await connector.test('anna.schmidt@contoso.com');
    expect(steps.every((s) => s.status === 'pass')).toBe(true);
    expect(renderTextParam(steps.find((s) => s.id === 'net.connect')!.detail!, 'en')).toBe(
      `Route: proxy http://127.0.0.1:${proxy.port} (from profile).`,
    );
    expect(proxy.countFor(host())).toBeGreaterThan(before);
    expect(proxy.requests.filter((r) => r.target === host()).every((r) => r.method === 'CONNECT')).toBe(true);
    expect(renderTextParam((await connector.describe()).proxy, 'en')).toBe(`proxy http://127.0.0.1:${proxy.port} (from profile)`);
    await connector.close();
  });

  it('NTLM handshakes run on one tunnelled connection through the proxy', async () => {
    const { connector } = simConnector(
      sim,
      { auth: 'ntlm', username: 'CONTOSO\\svc-calpump', proxy: { mode: 'url', url: proxy.url } },
      opts(),
    );
    const before = proxy.countFor(host());
    const events = await collect(connector.calendarView('alice.smith@contoso.com', 'calendar', day(0), day(3)));
    expect(events.length).toBeGreaterThan(0);
    expect(proxy.countFor(host())).toBeGreaterThan(before);
    await connector.close();
  });

  it('system proxy: HTTPS_PROXY from deps.env carries the traffic; NO_PROXY bypasses it', async () => {
    const viaEnv = simConnector(sim, { proxy: { mode: 'system' } }, opts(), PASSWORD, { HTTPS_PROXY: proxy.url }).connector;
    const before = proxy.countFor(host());
    const events = await collect(viaEnv.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(events.length).toBeGreaterThan(0);
    const through = proxy.countFor(host());
    expect(through).toBeGreaterThan(before);
    expect(renderTextParam((await viaEnv.describe()).proxy, 'en')).toBe(`proxy http://127.0.0.1:${proxy.port} (from HTTPS_PROXY)`);
    await viaEnv.close();

    const bypass = simConnector(sim, { proxy: { mode: 'system' } }, opts(), PASSWORD, {
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'localhost,127.0.0.1',
    }).connector;
    await collect(bypass.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(proxy.countFor(host())).toBe(through);
    expect(renderTextParam((await bypass.describe()).proxy, 'en')).toBe('direct (host in NO_PROXY)');
    expect(renderTextParam((await bypass.describe()).proxy, 'de')).toBe('direkt (Host in NO_PROXY)');
    await bypass.close();
  });

  it('proxy credentials: from the SecretStore, sent as Proxy-Authorization, never logged; missing → net.proxy.authFailed', async () => {
    const profile = simProfile(sim, { proxy: { mode: 'url', url: authProxy.url, username: 'svc-proxy' } });
    const logger = recordingLogger();
    const secrets = memorySecrets({
      [secretKey(profile.id, 'password')]: PASSWORD,
      [secretKey(profile.id, 'proxyPassword')]: 'Pr0xy-Secret!',
    });
    const connector = createEwsConnector(profile, { secrets, logger, env: {} }, { recorder: schema.recorder });
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(events.length).toBeGreaterThan(0);
    const seen = authProxy.requests.filter((r) => r.target === host());
    expect(seen.length).toBeGreaterThan(0);
    // Asked once (407), then Basic on every tunnel: sent first once the proxy has said it takes Basic.
    expect(seen[0].proxyAuthorization).toBeUndefined();
    const basic = 'Basic ' + Buffer.from('svc-proxy:Pr0xy-Secret!').toString('base64');
    expect(seen.slice(1).every((r) => r.proxyAuthorization === basic)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(logger.records.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain('Pr0xy-Secret!');
    expect(logger.text()).not.toContain(Buffer.from('svc-proxy:Pr0xy-Secret!').toString('base64'));
    expect(renderTextParam((await connector.describe()).proxy, 'en')).toBe(
      `proxy http://127.0.0.1:${authProxy.port} as svc-proxy (from profile)`,
    );
    await connector.close();

    const noSecret = createEwsConnector(
      profile,
      { secrets: memorySecrets({ [secretKey(profile.id, 'password')]: PASSWORD }), logger, env: {} },
      { recorder: schema.recorder },
    );
    const steps = await noSecret.test('anna.schmidt@contoso.com');
    const connect = steps.find((s) => s.id === 'net.connect')!;
    expect(connect).toMatchObject({ status: 'fail', error: { id: 'net.proxy.authFailed' } });
    expect(connect.evidence).toContain('407');
    await noSecret.close();
  });
});
