// The Graph doctor against the simulator's Entra ID (src/sim/oauth) and Graph (src/sim/graph) endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runDoctor, type DoctorReport } from '../../../src/core/doctor/run-doctor.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { stepError } from '../../support/rendered.js';
import {
  SIM_APP_DAEMON,
  SIM_APP_DAEMON_SECRET,
  SIM_APP_NO_CONSENT,
  SIM_APP_NO_CONSENT_SECRET,
  SIM_TENANT_ID,
  simTenant,
} from '../../../src/sim/oauth/index.js';
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

async function doctor(p: GraphProfile, secret: string, contents?: Array<'contacts' | 'tasks'>): Promise<DoctorReport> {
  return runDoctor(
    p,
    {
      secrets: memorySecrets({ [secretKey(p.id, 'clientSecret')]: secret }),
      logger: nullLogger,
      env: {},
      resolver: loopbackResolver(),
      createConnector: noConnector,
    },
    { contents },
  );
}

const status = (r: DoctorReport, id: string) => r.steps.find((s) => s.id === id)?.status;
const firstFailure = (r: DoctorReport) => {
  const f = r.steps.find((s) => s.status !== 'pass');
  return { step: f?.id ?? 'none', errorId: f?.error?.id };
};

describe('Graph doctor against the simulated Entra ID', () => {
  it('reaches the authority, gets a token and finds Calendars.Read and User.Read.All in its roles', async () => {
    const r = await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET);
    for (const id of [
      'proxy',
      'dns.authority',
      'tcp',
      'tls.handshake',
      'tls.validity',
      'tls.trust',
      'tls.hostname',
      'authority',
      'token',
      'token.permissions',
    ])
      expect(status(r, id), id).toBe('pass');
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
    expect(stepError(step).message).toContain('grants no permission; Calpump also needs Calendars.Read, User.Read.All');
    expect(stepError(step, 'nl').message).toContain('verleent geen machtiging');
    expect(stepError(step).delay).toMatch(/few minutes/);
    expect(status(r, 'mailbox.read')).toBe('skipped');
  });

  it("checks Contacts.Read and Tasks.Read.All when the profile's jobs export contacts and tasks", async () => {
    expect((await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET, ['contacts', 'tasks'])).ok).toBe(true);
    const app = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!;
    const roles = [...app.roles];
    app.roles = roles.filter((r) => r !== 'Tasks.Read.All');
    try {
      expect(status(await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET, ['contacts']), 'token.permissions')).toBe('pass');
      const r = await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET, ['contacts', 'tasks']);
      expect(firstFailure(r)).toEqual({ step: 'token.permissions', errorId: 'doctor.graph.tokenLacksPermission' });
      expect(r.steps.find((s) => s.id === 'token.permissions')?.error?.params.missing).toBe('Tasks.Read.All');
    } finally {
      app.roles = roles;
    }
  });

  it('a healthy app-only profile passes every step', async () => {
    const r = await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET);
    expect(r.steps.filter((s) => s.status !== 'pass').map((s) => `${s.id}: ${s.error?.id} ${s.evidence}`)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.steps.find((s) => s.id === 'mailbox.read')?.evidence).toContain('alice.smith@contoso.com');
  });

  it('app not allowed for the mailbox (access policy) → mailbox.read / graph.mailbox.accessDenied', async () => {
    const app = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!;
    app.mailboxScope = new Set(['anna.schmidt@contoso.com']);
    try {
      const r = await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET);
      expect(firstFailure(r)).toEqual({ step: 'mailbox.read', errorId: 'graph.mailbox.accessDenied' });
      expect(r.steps.find((s) => s.id === 'mailbox.read')?.evidence).toContain('AccessPolicy');
      expect(stepError(r.steps.find((s) => s.id === 'mailbox.read')).delay).toMatch(/30 minutes/);
    } finally {
      app.mailboxScope = undefined;
    }
  });

  it('throttled → mailbox.read / graph.throttled with the Retry-After', async () => {
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendar', times: 3, backOffMs: 7000 });
    const r = await doctor(profile(SIM_APP_DAEMON), SIM_APP_DAEMON_SECRET);
    sim.faults.clear();
    expect(firstFailure(r)).toEqual({ step: 'mailbox.read', errorId: 'graph.throttled' });
    expect(stepError(r.steps.find((s) => s.id === 'mailbox.read')).message).toContain('7 s');
  });

  it('unknown mailbox → mailbox.read / graph.mailbox.notFound', async () => {
    const r = await doctor(profile(SIM_APP_DAEMON, { testMailbox: 'nobody@contoso.com' }), SIM_APP_DAEMON_SECRET);
    expect(firstFailure(r)).toEqual({ step: 'mailbox.read', errorId: 'graph.mailbox.notFound' });
  });
});
