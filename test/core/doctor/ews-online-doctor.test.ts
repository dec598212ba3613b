// Legacy EWS on Microsoft 365: the doctor signs in with an app-only token from the (simulated) Entra ID and
// impersonates the test mailbox, and warns that EWS in Exchange Online retires on 2027-04-01.
import { renderError } from '../../../src/shared/i18n/catalogue.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runDoctor, type DoctorReport } from '../../../src/core/doctor/run-doctor.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { secretKey, type EwsProfile } from '../../../src/shared/profile.js';
import { ewsProfile, loopbackResolver, memorySecrets, noConnector } from './doctor-support.js';
import { stepDetail } from '../../support/rendered.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mailboxes: 3, eventsPerMailbox: 1, authSchemes: ['Negotiate', 'NTLM', 'Basic', 'Bearer'] });
});
afterAll(async () => sim.stop());

const profile = (): EwsProfile =>
  ewsProfile(sim.ewsUrl, sim.caFile, {
    username: 'svc-calpump@contoso.com',
    legacyOnline: { tenantId: SIM_TENANT_ID, clientId: SIM_APP_DAEMON, authorityHost: sim.url },
  });

async function doctor(p: EwsProfile, secret: string): Promise<DoctorReport> {
  return runDoctor(p, {
    secrets: memorySecrets({ [secretKey(p.id, 'clientSecret')]: secret }),
    logger: nullLogger,
    env: {},
    resolver: loopbackResolver(),
    createConnector: noConnector,
  });
}

describe('EWS doctor for legacy EWS on Microsoft 365', () => {
  it('signs in with the app token and reaches the test mailbox by impersonation', async () => {
    const r = await doctor(profile(), SIM_APP_DAEMON_SECRET);
    for (const id of ['auth.schemes', 'auth.credentials', 'ews.version', 'mailbox.access'])
      expect(r.steps.find((s) => s.id === id)?.status, id).toBe('pass');
    expect(stepDetail(r.steps.find((s) => s.id === 'auth.credentials'))).toContain(
      `The OAuth app ${SIM_APP_DAEMON} signed in with Bearer (OAuth)`,
    );
    expect(r.warnings.map((w) => renderError(w, 'en').message).join(' ')).toContain('2027-04-01');
  });

  it('a bad client secret fails at auth.credentials with the decoded AADSTS entry', async () => {
    const r = await doctor(profile(), 'nope');
    const f = r.steps.find((s) => s.status !== 'pass');
    expect({ step: f?.id, errorId: f?.error?.id }).toEqual({ step: 'auth.credentials', errorId: 'auth.secret.invalid' });
  });
});
