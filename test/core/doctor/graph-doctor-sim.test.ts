// The Graph doctor's sign-in steps against the simulator's Entra ID endpoints (src/sim/oauth).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runDoctor, type DoctorReport } from '../../../src/core/doctor/run-doctor.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_APP_NO_CONSENT, SIM_APP_NO_CONSENT_SECRET, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { graphProfileSchema, secretKey, type GraphProfile } from '../../../src/shared/profile.js';
import { loopbackResolver, memorySecrets, noConnector } from './doctor-support.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mailboxes: 3, eventsPerMailbox: 1 });
});
afterAll(async () => sim.stop());

function profile(clientId: string, over: Partial<GraphProfile> = {}): GraphProfile {
  return graphProfileSchema.parse({
    id: 'gs1',
    name: 'sim-m365',
    kind: 'graph',
    tenantId: SIM_TENANT_ID,
    clientId,
    flow: 'clientCredentials',
    credential: 'secret',
    authorityHost: sim.url,
    graphHost: sim.url,
    proxy: { mode: 'none' },
    tls: { caFile: sim.caFile },
    testMailbox: 'alice.smith@contoso.com',
    ...over,
  });
}

async function doctor(p: GraphProfile, secret: string): Promise<DoctorReport> {
  return runDoctor(p, { secrets: memorySecrets({ [secretKey(p.id, 'clientSecret')]: secret }), logger: nullLogger, env: {}, resolver: loopbackResolver(), createConnector: noConnector });
}

const status = (r: DoctorReport, id: string) => r.steps.find((s) => s.id === id)?.status;
const firstFailure = (r: DoctorReport) => {
  const f = r.steps.find((s) => s.status !== 'pass');
  return { step: f?.id ?? 'none', errorId: f?.errorId };
};

describe('Graph doctor against the simulated Entra ID', () => {
  it('reaches the authority, gets a token and finds Calendars.Read and User.Read.All in its roles', async () => {
    const r = await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET);
    for (const id of ['proxy', 'dns.authority', 'tcp', 'tls.handshake', 'tls.validity', 'tls.trust', 'tls.hostname', 'authority', 'token', 'token.permissions']) expect(status(r, id), id).toBe('pass');
    expect(r.steps.find((s) => s.id === 'token.permissions')?.evidence).toMatch(/^roles: .*Calendars\.Read.*User\.Read\.All/);
  });

  it('bad client secret → token / auth.secret.invalid', async () => {
    const r = await doctor(profile(SIM_APP_DAEMON), 'not-the-secret');
    expect(firstFailure(r)).toEqual({ step: 'token', errorId: 'auth.secret.invalid' });
    expect(r.steps.find((s) => s.id === 'token')?.evidence).toMatch(/AADSTS7000215/);
    expect(JSON.stringify(r)).not.toContain('not-the-secret');
  });

  it('consent missing (app-only: a token without roles) → token.permissions / doctor.graph.tokenLacksPermission', async () => {
    const r = await doctor(profile(SIM_APP_NO_CONSENT), SIM_APP_NO_CONSENT_SECRET);
    expect(firstFailure(r)).toEqual({ step: 'token.permissions', errorId: 'doctor.graph.tokenLacksPermission' });
    const step = r.steps.find((s) => s.id === 'token.permissions')!;
    expect(step.message).toContain('Calendars.Read, User.Read.All');
    expect(step.delay).toMatch(/few minutes/);
    expect(status(r, 'mailbox.read')).toBe('skipped');
  });
});
