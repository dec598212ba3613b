// Authentication, TLS trust and reachability against the simulator, seen through test() and real calls.
import * as net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTextParam } from '../../../../src/shared/i18n/engine-texts.js';
import { calpumpFailure as failure } from '../../../support/calpump-failure.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';
import { stepError } from '../../../support/rendered.js';
import { renderStep } from '../../../../src/shared/i18n/steps.js';

const day = (sim: RunningSimulator, n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);

describe('EWS authentication and TLS against the simulator', () => {
  let sim: RunningSimulator;
  const schema = recordEwsRequestsForSchema();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, anchor: ANCHOR });
  });
  afterAll(async () => sim?.stop());
  const opts = () => ({ recorder: schema.recorder });

  it('Basic: test() passes every step and shows URL, proxy and TLS trust in evidence', async () => {
    const { connector } = simConnector(sim, {}, opts());
    const steps = await connector.test('anna.schmidt@contoso.com');
    expect(steps.map((s) => [s.id, s.status])).toEqual([
      ['ews.url', 'pass'],
      ['net.connect', 'pass'],
      ['ews.auth', 'pass'],
      ['ews.serverVersion', 'pass'],
      ['ews.mailboxAccess', 'pass'],
      ['ews.calendarFolder', 'pass'],
      ['ews.calendarView', 'pass'],
    ]);
    const detail = (i: number) => renderStep(steps[i], steps, 'en').detail;
    expect(detail(0)).toContain(sim.ewsUrl);
    expect(renderTextParam(steps[1].detail!, 'de')).toBe('Weg: direkt (Proxy im Profil: keiner).');
    expect(steps[1].evidence).toContain(sim.caFile!);
    expect(detail(3)).toMatch(/^Exchange 15\./);
    expect(detail(5)).toContain('"Kalender"');
    const d = await connector.describe();
    expect(d).toMatchObject({ ewsUrl: sim.ewsUrl, auth: 'Basic', access: 'impersonation' });
    expect(renderTextParam(d.proxy, 'en')).toBe('direct (profile proxy: none)');
    await connector.close();
  });

  it('NTLM with a down-level logon name reads a calendar', async () => {
    const { connector } = simConnector(sim, { auth: 'ntlm', username: 'CONTOSO\\svc-calpump' }, opts());
    const events = await collect(connector.calendarView('jan.devries@contoso.com', 'calendar', day(sim, 0), day(sim, 7)));
    expect(events.length).toBeGreaterThan(5);
    expect((await connector.test('jan.devries@contoso.com')).every((s) => s.status === 'pass')).toBe(true);
    await connector.close();
  });

  it('a wrong password fails the authentication step with ews.auth.unauthorized (Basic and NTLM)', async () => {
    for (const auth of ['basic', 'ntlm'] as const) {
      const { connector, logger } = simConnector(sim, { auth }, opts(), 'wrong-password');
      const steps = await connector.test('anna.schmidt@contoso.com');
      const authStep = steps.find((s) => s.id === 'ews.auth')!;
      expect(authStep.status).toBe('fail');
      expect(authStep.error?.id).toBe('ews.auth.unauthorized');
      expect(steps.find((s) => s.id === 'net.connect')!.status).toBe('pass');
      expect(authStep.error?.params.username).toBeTruthy();
      expect(stepError(authStep).message).toContain(authStep.error?.params.username as string);
      // Only the first failure is reported: every later step is skipped, none fails again.
      expect(steps.filter((s) => s.status === 'fail')).toHaveLength(1);
      expect(steps.find((s) => s.id === 'ews.mailboxAccess')!.status).toBe('skipped');
      expect(steps.at(-1)!.status).toBe('skipped');
      expect(logger.text()).not.toContain('wrong-password');
      await connector.close();
    }
  });

  it('never logs the password or the Authorization header value, even at trace level', async () => {
    const { connector, logger } = simConnector(sim, {}, opts());
    await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(sim, 0), day(sim, 1)));
    expect(logger.records.some((r) => r.level === 'trace' && r.event === 'ews.request')).toBe(true);
    const basic = Buffer.from('svc-calpump@contoso.com:Passw0rd!').toString('base64');
    expect(logger.text()).not.toContain('Passw0rd!');
    expect(logger.text()).not.toContain(basic);
    await connector.close();
  });

  it('a scheme the server does not offer → ews.auth.schemeNotOffered naming what is offered', async () => {
    const { connector } = simConnector(sim, {}, opts());
    sim.faults.stage({ kind: 'wrongAuthSchemes', match: '/EWS/' });
    const err = await failure(connector.folderTree('anna.schmidt@contoso.com'));
    expect(err.id).toBe('ews.auth.schemeNotOffered');
    expect(err.params).toMatchObject({ wanted: 'Basic', offered: 'Negotiate' });
    sim.faults.clear();
    await connector.close();
  });

  it('an OWA forms login page instead of EWS → ews.auth.formsLogin', async () => {
    const { connector } = simConnector(sim, {}, opts());
    sim.faults.stage({ kind: 'formsLogin', match: '/EWS/' });
    const err = await failure(connector.folderTree('anna.schmidt@contoso.com'));
    expect(err.id).toBe('ews.auth.formsLogin');
    sim.faults.clear();
    await connector.close();
  });

  it('untrusted certificate without caFile → net.tls.unknownCa with the fingerprint; pinning accepts it', async () => {
    const untrusted = simConnector(sim, { tls: {} }, opts()).connector;
    const steps = await untrusted.test('anna.schmidt@contoso.com');
    const connect = steps.find((s) => s.id === 'net.connect')!;
    expect(connect.error?.id).toBe('net.tls.unknownCa');
    expect(connect.evidence).toContain(sim.certSha256!);
    await untrusted.close();

    const pinned = simConnector(sim, { tls: { pinnedSha256: sim.certSha256! } }, opts()).connector;
    expect((await pinned.test('anna.schmidt@contoso.com')).every((s) => s.status === 'pass')).toBe(true);
    expect((await pinned.describe()).tls).toContain('pinned');
    await pinned.close();

    const wrongPin = simConnector(sim, { tls: { pinnedSha256: 'AB'.repeat(32) } }, opts()).connector;
    const err = await failure(wrongPin.folderTree('anna.schmidt@contoso.com'));
    expect(err.id).toBe('net.tls.pinMismatch');
    expect(err.params.fingerprint).toBe(sim.certSha256);
    await wrongPin.close();
  });

  it('an unusable CA file is a failed step of test(), not an exception', async () => {
    const { connector } = simConnector(sim, { tls: { caFile: '/nonexistent/ca.pem' } }, opts());
    const steps = await connector.test('anna.schmidt@contoso.com');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ id: 'net.tls', status: 'fail', error: { id: 'net.tls.caFile' } });
    expect(stepError(steps[0]).message).toContain('/nonexistent/ca.pem');
    expect((await connector.describe()).tls).toContain('/nonexistent/ca.pem');
    await connector.close();
  });

  it('a closed port fails the connect step with net.refused naming host and port', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const { connector } = simConnector(sim, { url: `https://127.0.0.1:${port}/EWS/Exchange.asmx` }, opts());
    const steps = await connector.test('anna.schmidt@contoso.com');
    const connect = steps.find((s) => s.id === 'net.connect')!;
    expect(connect.status).toBe('fail');
    expect(connect.error?.id).toBe('net.refused');
    expect(stepError(connect).message).toContain(`127.0.0.1 refused the connection on port ${port}`);
    await connector.close();
  });
});
