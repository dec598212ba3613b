// The Graph doctor against a stand-in for Entra ID + Graph: the healthy profile passes every step, and each
// staged problem fails first at the step and with the catalogue id an administrator needs to see.
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runDoctor, type DoctorReport } from '../../../src/core/doctor/run-doctor.js';
import { graphProfileSchema, secretKey, type GraphProfile } from '../../../src/shared/profile.js';
import { loopbackResolver, memorySecrets, noConnector } from './doctor-support.js';
import { GOOD_SECRET, startFakeM365, type FakeM365 } from './fake-m365.js';
import { tlsDir } from '../../support/local-tls-server.js';
import { stepDetail, stepError } from '../../support/rendered.js';

let m365: FakeM365;
beforeAll(async () => {
  m365 = await startFakeM365();
});
afterAll(async () => m365.close());
beforeEach(() => {
  Object.assign(m365.state, { roles: ['Calendars.Read', 'User.Read.All'], consent: true, blocked: [], throttle: false });
});

function profile(over: Partial<GraphProfile> = {}): GraphProfile {
  return graphProfileSchema.parse({
    id: 'g1',
    name: 'm365',
    kind: 'graph',
    tenantId: 'contoso.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
    flow: 'clientCredentials',
    credential: 'secret',
    authorityHost: m365.url,
    graphHost: m365.url,
    proxy: { mode: 'none' },
    tls: { caFile: path.join(tlsDir, 'ca.pem') },
    testMailbox: 'alice.smith@contoso.com',
    ...over,
  });
}

async function doctor(p: GraphProfile, secret = GOOD_SECRET): Promise<DoctorReport> {
  return runDoctor(p, {
    secrets: memorySecrets({ [secretKey(p.id, 'clientSecret')]: secret }),
    logger: nullLogger,
    env: {},
    resolver: loopbackResolver(),
    createConnector: noConnector,
  });
}

const firstFailure = (r: DoctorReport) => {
  const f = r.steps.find((s) => s.status !== 'pass');
  // Every placeholder of the entry is filled: an administrator never sees "{mailbox}".
  for (const text of [stepError(f).message, stepError(f).fix, ...(stepError(f).causes ?? [])]) expect(text ?? '').not.toMatch(/\{\w+\}/);
  return { step: f?.id ?? 'none', errorId: f?.error?.id };
};

describe('Graph doctor', () => {
  it('passes every step for a healthy app-only profile', async () => {
    const r = await doctor(profile());
    expect(r.steps.filter((s) => s.status !== 'pass')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => s.id)).toEqual([
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
      'mailbox.read',
      'calendar.view',
    ]);
    expect(r.steps.find((s) => s.id === 'token.permissions')?.evidence).toBe('roles: Calendars.Read, User.Read.All');
    expect(stepDetail(r.steps.find((s) => s.id === 'calendar.view'))).toMatch(/^2 events on \d{4}-\d\d-\d\d\.$/);
  });

  it('bad client secret → token / auth.secret.invalid', async () => {
    const r = await doctor(profile(), 'wrong-secret');
    expect(firstFailure(r)).toEqual({ step: 'token', errorId: 'auth.secret.invalid' });
    expect(r.steps.find((s) => s.id === 'token')?.evidence).toContain('AADSTS7000215');
    expect(JSON.stringify(r)).not.toContain('wrong-secret');
  });

  it('consent missing → token / auth.consent.missing, with the delay note', async () => {
    m365.state.consent = false;
    const r = await doctor(profile());
    expect(firstFailure(r)).toEqual({ step: 'token', errorId: 'auth.consent.missing' });
    expect(stepError(r.steps.find((s) => s.id === 'token')).delay).toBeTruthy();
  });

  it('a token without User.Read.All → token.permissions / doctor.graph.tokenLacksPermission', async () => {
    m365.state.roles = ['Calendars.Read'];
    const r = await doctor(profile());
    expect(firstFailure(r)).toEqual({ step: 'token.permissions', errorId: 'doctor.graph.tokenLacksPermission' });
    const step = r.steps.find((s) => s.id === 'token.permissions')!;
    expect(stepError(step).message).toContain('User.Read.All');
    expect(stepError(step).fix).toContain('Add User.Read.All as an Application permission of Microsoft Graph');
    expect(stepError(step, 'de').fix).toContain('Fügen Sie User.Read.All als Anwendungsberechtigung von Microsoft Graph');
  });

  it('app not allowed for the mailbox → mailbox.read / graph.mailbox.accessDenied', async () => {
    m365.state.blocked = ['alice.smith@contoso.com'];
    const r = await doctor(profile());
    expect(firstFailure(r)).toEqual({ step: 'mailbox.read', errorId: 'graph.mailbox.accessDenied' });
    expect(stepError(r.steps.find((s) => s.id === 'mailbox.read')).fix).toContain('Test-ApplicationAccessPolicy');
    expect(r.steps.find((s) => s.id === 'calendar.view')?.status).toBe('skipped');
  });

  it('throttled → mailbox.read / graph.throttled', async () => {
    m365.state.throttle = true;
    const r = await doctor(profile());
    expect(firstFailure(r)).toEqual({ step: 'mailbox.read', errorId: 'graph.throttled' });
    expect(stepError(r.steps.find((s) => s.id === 'mailbox.read')).message).toContain('7 s');
  });

  it('unknown tenant → authority / auth.tenant.notFound', async () => {
    const r = await doctor(profile({ tenantId: 'fabrikam.onmicrosoft.com' }));
    expect(firstFailure(r)).toEqual({ step: 'authority', errorId: 'auth.tenant.notFound' });
  });

  it('unknown mailbox → mailbox.read / graph.mailbox.notFound', async () => {
    const r = await doctor(profile({ testMailbox: 'nobody@fabrikam.com' }));
    expect(firstFailure(r)).toEqual({ step: 'mailbox.read', errorId: 'graph.mailbox.notFound' });
  });
});
