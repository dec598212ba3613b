// Extended Protection = Require on the simulator's EWS (as Exchange 2019 CU14+ sets it): NTLM with the channel
// binding Calpump now sends works. Through a TLS-terminating relay (another certificate: what a TLS-inspecting
// proxy or SSL offloading does) the binding no longer matches, the sign-in is refused, and the doctor names
// Extended Protection — proven when Basic or an unbound sign-in shows the password is right, otherwise as
// "wrong password or Extended Protection" with how to tell them apart.
// (Apache + mod_auth_gssapi cannot check channel bindings, so this is judged by the simulator; its check is
// itself tested against Python's requests_ntlm in test/sim/auth/extended-protection.test.ts.)
import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../../../../src/core/doctor/run-doctor.js';
import { startSimulator, type RunningSimulator } from '../../../../../src/sim/index.js';
import { calpumpFailure } from '../../../../support/calpump-failure.js';
import { stepError } from '../../../../support/rendered.js';
import { readFixture } from '../../../../support/local-tls-server.js';
import { startTlsRelay, type TlsRelay } from '../../../../support/tls-relay.js';
import { doctorDeps, ewsProfile, noConnector } from '../../../doctor/doctor-support.js';
import { ANCHOR, collect, PASSWORD, simConnector } from '../sim-helpers.js';

let sim: RunningSimulator;
let relay: TlsRelay;
const RELAY_THUMBPRINT = createHash('sha1')
  .update(new X509Certificate(readFixture('server.pem')).raw)
  .digest('hex')
  .toUpperCase();

beforeAll(async () => {
  sim = await startSimulator({ seed: 42, anchor: ANCHOR, extendedProtection: 'Require', authSchemes: ['Negotiate', 'NTLM'] });
  relay = await startTlsRelay({ host: '127.0.0.1', port: sim.port });
});
afterAll(async () => {
  await relay?.close();
  await sim?.stop();
});

const ntlm = { auth: 'ntlm' as const, username: 'CONTOSO\\svc-calpump' };
const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
const viaRelay = () => ({ ...ntlm, url: `${relay.url}/EWS/Exchange.asmx`, tls: { caFile: relay.caFile } });

async function doctor(over: Record<string, unknown>, password = PASSWORD) {
  const p = ewsProfile(
    typeof over.url === 'string' ? over.url : sim.ewsUrl,
    (over.tls as { caFile?: string } | undefined)?.caFile ?? sim.caFile,
    {
      ...over,
      testMailbox: 'anna.schmidt@contoso.com',
    },
  );
  const r = await runDoctor(p, doctorDeps(p, password, noConnector));
  return r.steps.find((s) => s.id === 'auth.credentials')!;
}

describe('Extended Protection = Require', () => {
  it('NTLM with channel binding reads a calendar', async () => {
    const { connector } = simConnector(sim, ntlm, {});
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(7)));
    expect(events.length).toBeGreaterThan(0);
    await connector.close();
  });

  it('the same sign-in through a TLS-terminating relay (another certificate) is refused', async () => {
    const { connector } = simConnector(sim, viaRelay(), {});
    const err = await calpumpFailure(collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', day(0), day(1))));
    expect(err.id).toBe('ews.auth.unauthorized');
    // The connector cannot tell it from a wrong password; its entry points at the doctor for that.
    expect(err.render().message).toContain('401');
    await connector.close();
  });

  it('the doctor names Extended Protection and the certificate it saw (no Basic to prove the password)', async () => {
    const step = await doctor(viaRelay());
    expect(step).toMatchObject({ status: 'fail', error: { id: 'ews.auth.ntlmRefused' } });
    expect(step.title).toBeTruthy();
    expect(stepError(step).message).toContain(RELAY_THUMBPRINT);
    expect(stepError(step).fix).toMatch(/SEC_E_BAD_BINDINGS/);
    expect(step.evidence).toContain('NTLM channel-binding=tls-server-end-point:SHA-256 → HTTP 401');
  });

  it('with Basic offered, the doctor proves the password right and says Extended Protection refused', async () => {
    sim.faults.authSchemes = ['Negotiate', 'NTLM', 'Basic'];
    try {
      const step = await doctor(viaRelay());
      expect(step).toMatchObject({ status: 'fail', error: { id: 'ews.auth.extendedProtection' } });
      expect(step.evidence).toContain('Basic → HTTP 200');
      // A wrong password is still a wrong password: Basic is refused too.
      expect(await doctor(viaRelay(), 'wrong-password')).toMatchObject({ error: { id: 'ews.auth.unauthorized' } });
    } finally {
      sim.faults.authSchemes = ['Negotiate', 'NTLM'];
    }
  });

  it('with token checking Allow, an unbound sign-in getting in proves the binding was the problem', async () => {
    sim.faults.extendedProtection = 'Allow';
    try {
      const step = await doctor(viaRelay());
      expect(step).toMatchObject({ status: 'fail', error: { id: 'ews.auth.extendedProtection' } });
      expect(step.evidence).toContain('NTLM channel-binding=none → HTTP 200');
    } finally {
      sim.faults.extendedProtection = 'Require';
    }
  });

  it('straight to the server the doctor passes the NTLM sign-in', async () => {
    expect(await doctor(ntlm)).toMatchObject({ status: 'pass' });
  });
});
