// The EWS doctor against the simulator: for each fault the simulator can stage, the FIRST failing step and its
// catalogue id; every step after it depends on it and is skipped with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { runDoctor, type DoctorReport } from '../../../src/core/doctor/run-doctor.js';
import type { EwsProfile } from '../../../src/shared/profile.js';
import { closedPort, doctorDeps, ewsProfile, loopbackResolver, noConnector } from './doctor-support.js';
import { startForwardProxy } from '../../support/forward-proxy.js';
import { secretKey } from '../../../src/shared/profile.js';
import { stepDetail, stepError } from '../../support/rendered.js';

const PASSWORD = 'Passw0rd!';

function firstFailure(r: DoctorReport): { step: string; errorId?: string } {
  const f = r.steps.find((s) => s.status !== 'pass');
  // Every placeholder of the entry is filled: an administrator never sees "{mailbox}".
  for (const text of [stepError(f).message, stepError(f).fix, ...(stepError(f).causes ?? [])]) expect(text ?? '').not.toMatch(/\{\w+\}/);
  return { step: f?.id ?? 'none', errorId: f?.error?.id };
}

function expectSkippedAfter(r: DoctorReport, stepId: string): void {
  const i = r.steps.findIndex((s) => s.id === stepId);
  const later = r.steps.slice(i + 1).filter((s) => s.status !== 'pass');
  for (const s of later) expect(s.status === 'skipped' || s.status === 'fail', s.id).toBe(true);
  expect(r.steps.slice(i + 1).some((s) => s.status === 'skipped')).toBe(true);
  expect(r.ok).toBe(false);
}

async function doctor(profile: EwsProfile, password = PASSWORD, resolver = loopbackResolver()): Promise<DoctorReport> {
  return runDoctor(profile, doctorDeps(profile, password, noConnector, resolver));
}

describe('EWS doctor against the simulator (trusted certificate)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ mailboxes: 4, eventsPerMailbox: 5 });
  });
  afterAll(async () => sim.stop());
  const profile = (over: Partial<EwsProfile> = {}) => ewsProfile(sim.ewsUrl, sim.caFile, over);

  it('passes the transport and authentication steps and reports the certificate and version', async () => {
    const r = await runDoctor(profile({ testMailbox: undefined }), doctorDeps(profile(), PASSWORD, noConnector));
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s]));
    for (const id of [
      'proxy',
      'dns.host',
      'tcp',
      'tls.handshake',
      'tls.validity',
      'tls.trust',
      'tls.hostname',
      'http.endpoint',
      'auth.schemes',
      'auth.credentials',
      'ews.version',
    ]) {
      expect(byId[id]?.status, id).toBe('pass');
    }
    expect(byId.proxy.evidence).toContain('DIRECT');
    expect(byId.proxy.detail).toEqual({
      key: 'doctor.detail.proxy',
      params: { route: 'direct', proxy: 'DIRECT', why: 'none', source: { key: 'proxy.source.profileNone' } },
    });
    expect(stepDetail(byId['tls.hostname'])).toBe('127.0.0.1 is on the certificate (127.0.0.1, localhost).');
    expect(byId['tls.handshake'].data?.issuer).toContain('Calpump Simulator Test CA');
    expect(byId['http.endpoint'].evidence).toContain('NTLM');
    expect(byId['ews.version'].data?.serverVersion).toMatch(/^\S+ 15\.\d+\.\d+\.\d+$/);
    expect(firstFailure(r)).toEqual({ step: 'mailbox.access', errorId: 'doctor.noTestMailbox' });
    expect(r.steps.map((s) => s.durationMs).every((d) => d >= 0)).toBe(true);
  });

  it.each([
    ['basic', 'svc-calpump@contoso.com'],
    ['ntlm', 'svc-calpump@contoso.com'],
  ] as const)('signs in with %s as %s too', async (auth, username) => {
    const r = await doctor(profile({ auth, username, testMailbox: undefined }));
    expect(r.steps.find((s) => s.id === 'auth.credentials')?.status).toBe('pass');
  });

  it('wrong password → auth.credentials / ews.auth.unauthorized', async () => {
    const r = await doctor(profile(), 'not-the-password');
    expect(firstFailure(r)).toEqual({ step: 'auth.credentials', errorId: 'ews.auth.unauthorized' });
    expectSkippedAfter(r, 'auth.credentials');
  });

  it('forms authentication → http.endpoint / ews.auth.formsLogin', async () => {
    sim.faults.stage({ kind: 'formsLogin', times: 5 });
    const r = await doctor(profile());
    sim.faults.clear();
    expect(firstFailure(r)).toEqual({ step: 'http.endpoint', errorId: 'ews.auth.formsLogin' });
    expect(r.steps.find((s) => s.id === 'http.endpoint')?.evidence).toContain('/owa/auth/logon.aspx');
    expectSkippedAfter(r, 'http.endpoint');
  });

  it('Basic disabled on the server → auth.schemes / ews.auth.schemeNotOffered', async () => {
    sim.faults.stage({ kind: 'wrongAuthSchemes', times: 5 });
    const r = await doctor(profile({ auth: 'basic', username: 'svc-calpump@contoso.com' }));
    sim.faults.clear();
    expect(firstFailure(r)).toEqual({ step: 'auth.schemes', errorId: 'ews.auth.schemeNotOffered' });
    expect(stepError(r.steps.find((s) => s.id === 'auth.schemes')).message).toContain('Negotiate');
  });

  it('no impersonation right → mailbox.access / ews.impersonation.denied (with the 10-minute delay note)', async () => {
    const r = await doctor(profile({ username: 'CONTOSO\\svc-delegate' }));
    expect(firstFailure(r)).toEqual({ step: 'mailbox.access', errorId: 'ews.impersonation.denied' });
    const step = r.steps.find((s) => s.id === 'mailbox.access')!;
    expect(stepError(step).delay).toMatch(/10 minutes/);
    expect(stepError(step).fix).toContain('ApplicationImpersonation');
    expectSkippedAfter(r, 'mailbox.access');
  });

  it('unknown mailbox → mailbox.access / ews.mailbox.notFound', async () => {
    const r = await doctor(profile({ testMailbox: 'nobody@contoso.com' }));
    expect(firstFailure(r)).toEqual({ step: 'mailbox.access', errorId: 'ews.mailbox.notFound' });
    expect(r.steps.find((s) => s.id === 'mailbox.access')?.evidence).toContain('ErrorNonExistentMailbox');
  });

  it('UPN instead of the SMTP address → mailbox.access / doctor.ews.upnNotSmtp naming the SMTP address', async () => {
    const r = await doctor(profile({ testMailbox: 'b.jones@corp.contoso.local' }));
    expect(firstFailure(r)).toEqual({ step: 'mailbox.access', errorId: 'doctor.ews.upnNotSmtp' });
    const step = r.steps.find((s) => s.id === 'mailbox.access')!;
    expect(stepError(step).message).toBe(
      "b.jones@corp.contoso.local is a sign-in name (UPN); the mailbox's primary SMTP address is bob.jones@contoso.com.",
    );
    expect(stepError(step).fix).toContain('bob.jones@contoso.com');
  });

  it('throttled → ews.version / ews.server.busy', async () => {
    sim.faults.stage({ kind: 'serverBusy', match: 'GetFolder', times: 5, backOffMs: 30000 });
    const r = await doctor(profile());
    sim.faults.clear();
    expect(firstFailure(r)).toEqual({ step: 'ews.version', errorId: 'ews.server.busy' });
    expect(stepError(r.steps.find((s) => s.id === 'ews.version')).message).toContain('30000');
  });

  it('DNS failure (injected resolver) → dns.host / net.dns', async () => {
    const url = sim.ewsUrl.replace('127.0.0.1', 'mail.contoso.com');
    const r = await doctor(ewsProfile(url, sim.caFile), PASSWORD, loopbackResolver(['mail.contoso.com']));
    expect(firstFailure(r)).toEqual({ step: 'dns.host', errorId: 'net.dns' });
    expect(r.steps.find((s) => s.id === 'tcp')?.status).toBe('skipped');
  });

  it('refused port → tcp / net.refused', async () => {
    const port = await closedPort();
    const r = await doctor(ewsProfile(`https://127.0.0.1:${port}/EWS/Exchange.asmx`, sim.caFile));
    expect(firstFailure(r)).toEqual({ step: 'tcp', errorId: 'net.refused' });
    expect(r.steps.filter((s) => s.id.startsWith('tls.')).every((s) => s.status === 'skipped')).toBe(true);
  });

  it('a CA the profile does not trust → tls.trust / net.tls.unknownCa', async () => {
    const r = await doctor(profile({ tls: {} }));
    expect(firstFailure(r)).toEqual({ step: 'tls.trust', errorId: 'net.tls.unknownCa' });
  });

  it('autodiscover finds the EWS URL for a profile that gives only an address (following a redirectAddr)', async () => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, { url: undefined, autodiscoverEmail: 'moved.user@contoso.com', testMailbox: undefined });
    const r = await runDoctor(p, { ...doctorDeps(p, PASSWORD, noConnector), autodiscoverUrls: () => [sim.autodiscoverUrl] });
    expect(r.steps.slice(0, 3).map((s) => [s.id, s.status])).toEqual([
      ['dns.autodiscover', 'pass'],
      ['autodiscover', 'pass'],
      ['proxy', 'pass'],
    ]);
    expect(r.steps.find((s) => s.id === 'autodiscover')?.data?.ewsUrl).toBe(sim.ewsUrl);
    expect(firstFailure(r)).toEqual({ step: 'mailbox.access', errorId: 'doctor.noTestMailbox' });
  });

  it('autodiscover that finds nothing → autodiscover / ews.autodiscover.failed, naming what was tried', async () => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, { url: undefined, autodiscoverEmail: 'ghost@contoso.com' });
    const r = await runDoctor(p, { ...doctorDeps(p, PASSWORD, noConnector), autodiscoverUrls: () => [sim.autodiscoverUrl] });
    expect(firstFailure(r)).toEqual({ step: 'autodiscover', errorId: 'ews.autodiscover.failed' });
    expect(stepError(r.steps.find((s) => s.id === 'autodiscover')).message).toContain('ErrorCode 500');
    expect(r.steps.find((s) => s.id === 'tcp')?.status).toBe('skipped');
  });

  it('no DNS for autodiscover.<domain> → dns.autodiscover / net.dns', async () => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, { url: undefined, autodiscoverEmail: 'alice.smith@contoso.com' });
    const r = await doctor(p, PASSWORD, loopbackResolver(['autodiscover.contoso.com']));
    expect(firstFailure(r)).toEqual({ step: 'dns.autodiscover', errorId: 'net.dns' });
  });

  it("goes through the profile's proxy: TCP to the proxy, TLS through its CONNECT tunnel", async () => {
    const proxy = await startForwardProxy();
    try {
      const r = await doctor(profile({ proxy: { mode: 'url', url: proxy.url }, testMailbox: undefined }));
      const route = r.steps.find((s) => s.id === 'proxy');
      expect(route?.evidence).toContain(`→ http://127.0.0.1:${proxy.port} why=profile`);
      expect(stepDetail(route)).toBe(`Through the proxy http://127.0.0.1:${proxy.port}; decided by the profile's proxy address (profile).`);
      expect(stepDetail(route, 'de')).toBe(
        `Über den Proxy http://127.0.0.1:${proxy.port}; entschieden durch die Proxy-Adresse des Profils (Profil).`,
      );
      expect(r.steps.find((s) => s.id === 'tcp')?.evidence).toContain(`127.0.0.1:${proxy.port}`);
      expect(r.steps.find((s) => s.id === 'auth.credentials')?.status).toBe('pass');
      expect(proxy.countFor(`127.0.0.1:${sim.port}`)).toBeGreaterThan(1);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that refuses the stored proxy password → tls.handshake / net.proxy.authFailed', async () => {
    const proxy = await startForwardProxy({ credentials: { username: 'px', password: 'right-proxy-pw' } });
    try {
      const p = profile({ proxy: { mode: 'url', url: proxy.url, username: 'px' } });
      const deps = doctorDeps(p, PASSWORD, noConnector);
      await deps.secrets.set(secretKey(p.id, 'proxyPassword'), 'wrong-proxy-pw');
      const r = await runDoctor(p, deps);
      expect(firstFailure(r)).toEqual({ step: 'tls.handshake', errorId: 'net.proxy.authFailed' });
      const handshake = r.steps.find((s) => s.id === 'tls.handshake');
      expect(stepError(handshake).message).toContain('refused the user name or password of px');
      expect(handshake?.evidence).toContain('407');
      expect(JSON.stringify(r)).not.toContain('wrong-proxy-pw');
    } finally {
      await proxy.close();
    }
  });

  it('the pinned certificate is trusted without a CA file', async () => {
    const r = await doctor(profile({ tls: { pinnedSha256: sim.certSha256! }, testMailbox: undefined }));
    expect(r.steps.find((s) => s.id === 'tls.trust')?.status).toBe('pass');
    expect(r.steps.find((s) => s.id === 'auth.credentials')?.status).toBe('pass');
  });
});

describe.each([
  ['expired', 'tls.validity', 'net.tls.expired'],
  ['selfSigned', 'tls.trust', 'net.tls.selfSigned'],
  ['wrongHost', 'tls.hostname', 'net.tls.hostMismatch'],
] as const)('EWS doctor with a %s certificate', (tlsMode, step, errorId) => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ mailboxes: 2, eventsPerMailbox: 1, tlsMode });
  });
  afterAll(async () => sim.stop());

  it(`fails first at ${step} with ${errorId} and goes no further than TLS`, async () => {
    const r = await doctor(ewsProfile(sim.ewsUrl, sim.caFile));
    expect(firstFailure(r)).toEqual({ step, errorId });
    const failed = r.steps.find((s) => s.id === step)!;
    expect(stepError(failed).fix).toBeTruthy();
    expect(r.steps.find((s) => s.id === 'http.endpoint')?.status).toBe('skipped');
    expect(r.steps.find((s) => s.id === 'tls.handshake')?.data?.subject).toBeTruthy();
  });
});
