// Kerberos and NTLM judged by code nobody here wrote: an MIT Kerberos realm (krb5kdc) and Apache httpd with
// mod_auth_gssapi + gss-ntlmssp in front of the simulator (test/peers/kerberos-front.ts). Both sign-ins reach
// EWS and export exactly what Basic exports straight from the simulator; each Kerberos failure an administrator
// meets (wrong password, unknown account, clocks more than 5 minutes apart, no SPN for the host) comes back as
// its own catalogue entry, from the connector and from the doctor.
//
// This acceptor does not check channel bindings (mod_auth_gssapi passes none to GSSAPI, so gss-ntlmssp takes
// any MsvAvChannelBindings): Extended Protection is tested against the simulator in extended-protection.test.ts.
// gss-ntlmssp does check the rest of what Calpump sends: the 40-byte NEGOTIATE, NTLMv2 and the MIC.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../../../src/core/connectors/ews/index.js';
import { NtlmClient } from '../../../../../src/core/connectors/ews/transport/ntlm/ntlm-client.js';
import { HttpClient } from '../../../../../src/core/net/http-client.js';
import { runDoctor } from '../../../../../src/core/doctor/run-doctor.js';
import { nullLogger } from '../../../../../src/core/log/logger.js';
import { runAdhocExport } from '../../../../../src/core/sync/adhoc-export.js';
import { ewsProfileSchema, secretKey, type EwsProfile } from '../../../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../../../src/sim/index.js';
import { calpumpFailure } from '../../../../support/calpump-failure.js';
import { userKeytab } from '../../../../peers/krb5.js';
import { REALM, SERVICE_PASSWORD, SERVICE_USER, startKerberosFront, type KerberosFront } from '../../../../peers/kerberos-front.js';
import { loopbackResolver } from '../../../doctor/doctor-support.js';
import { memorySecrets } from '../../../net/fakes.js';

const ANCHOR = new Date('2026-03-25T12:00:00Z');
const FROM = new Date('2026-03-23T00:00:00Z');
const TO = new Date('2026-03-30T00:00:00Z');

let front: KerberosFront;
let direct: RunningSimulator;
let keytab: string;
let out: string;
const savedConfig = process.env.KRB5_CONFIG;

beforeAll(async () => {
  // The same seeded world twice: behind the front, and straight (Basic) for the reference export.
  front = await startKerberosFront({ seed: 42, anchor: ANCHOR, eventsPerMailbox: 6 });
  direct = await startSimulator({ seed: 42, anchor: ANCHOR, eventsPerMailbox: 6 });
  // GSSAPI and kinit in this process find the test realm through KRB5_CONFIG, as an admin's krb5.conf.
  process.env.KRB5_CONFIG = front.kdc.env.KRB5_CONFIG;
  out = await mkdtemp(join(tmpdir(), 'calpump-front-'));
  keytab = await userKeytab(front.kdc, `${SERVICE_USER}@${REALM}`, join(out, 'svc.keytab'));
}, 60_000);

afterAll(async () => {
  if (savedConfig === undefined) delete process.env.KRB5_CONFIG;
  else process.env.KRB5_CONFIG = savedConfig;
  await front?.stop();
  await direct?.stop();
  if (out) await rm(out, { recursive: true, force: true });
});

function profile(over: Partial<EwsProfile> & Record<string, unknown>): EwsProfile {
  return ewsProfileSchema.parse({
    id: 'front',
    name: 'front',
    kind: 'ews',
    url: front.ewsUrl(),
    username: `${SERVICE_USER}@contoso.com`,
    auth: 'kerberos',
    access: 'impersonation',
    proxy: { mode: 'none' },
    tls: { caFile: front.caFile },
    testMailbox: 'anna.schmidt@contoso.com',
    ...over,
  });
}

function deps(p: EwsProfile, password = SERVICE_PASSWORD) {
  return { secrets: memorySecrets({ [secretKey(p.id, 'password')]: password }), logger: nullLogger, env: {}, fetchTimeoutMs: 20_000 };
}

const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com'];

/** Exports the week of MAILBOXES as JSON through `p` and returns file name → content. */
async function exportWith(p: EwsProfile, password?: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(out, 'export-'));
  const connector = createEwsConnector(p, deps(p, password));
  try {
    const report = await runAdhocExport(
      { mailboxes: MAILBOXES, folder: 'calendar', from: FROM, to: TO, format: 'json', outDir: dir, profileName: 'front' },
      { connector, logger: nullLogger },
    );
    expect(report.mailboxes.map((m) => [m.mailbox, m.ok])).toEqual(MAILBOXES.map((m) => [m, true]));
  } finally {
    await connector.close();
  }
  const files: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) files[f] = await readFile(join(dir, f), 'utf8');
  return files;
}

describe('through Apache + mod_auth_gssapi + gss-ntlmssp', () => {
  let reference: Record<string, string>;
  beforeAll(async () => {
    const basic = ewsProfileSchema.parse({
      ...profile({}),
      url: direct.ewsUrl,
      auth: 'basic',
      tls: { caFile: direct.caFile },
    });
    reference = await exportWith(basic);
    expect(Object.keys(reference)).toHaveLength(MAILBOXES.length);
    // Something to compare: events in the week, with their subjects.
    expect(Object.values(reference).join('')).toMatch(/"subject"/);
  });

  it('Kerberos from a keytab reaches EWS and exports the same events as Basic', async () => {
    const before = front.sim.counters.total;
    expect(await exportWith(profile({ kerberos: { credential: 'keytab', keytab } }))).toEqual(reference);
    expect(front.sim.counters.total).toBeGreaterThan(before);
    expect(front.apache.errorLog()).not.toMatch(/GSS ERROR/);
  });

  it('Kerberos from the account password (kinit) exports the same events', async () => {
    expect(await exportWith(profile({ kerberos: { credential: 'password' } }))).toEqual(reference);
  });

  it('NTLM (40-byte NEGOTIATE, NTLMv2, MIC, target name and channel binding) exports the same events', async () => {
    const ntlm = profile({ auth: 'ntlm', username: `CONTOSO\\${SERVICE_USER}` });
    expect(await exportWith(ntlm)).toEqual(reference);
  });

  it('gss-ntlmssp checks the MIC Calpump computes: the same AUTHENTICATE with one MIC bit flipped is refused', async () => {
    const http = await HttpClient.create({
      profileId: 'mic',
      tls: { caFile: front.caFile },
      proxy: { mode: 'none' },
      secrets: memorySecrets(),
      timeoutMs: 10_000,
    });
    const statusWith = async (tamper: boolean) => {
      const agent = await http.newAgent(front.ewsUrl());
      try {
        const client = new NtlmClient({ username: `CONTOSO\\${SERVICE_USER}`, password: SERVICE_PASSWORD });
        const type1 = client.negotiateMessage().toString('base64');
        const first = await http.request({
          url: front.ewsUrl(),
          method: 'POST',
          headers: { Authorization: `NTLM ${type1}` },
          body: '',
          agent,
        });
        const challenge = /NTLM ([A-Za-z0-9+/=]+)/.exec(String(first.headers['www-authenticate']))![1];
        const type3 = client.authenticateMessage(Buffer.from(challenge, 'base64'), { targetName: 'HTTP/localhost' });
        if (tamper) type3[72] ^= 0x01; // first byte of the MIC
        const res = await http.request({
          url: front.ewsUrl(),
          method: 'POST',
          headers: { Authorization: `NTLM ${type3.toString('base64')}` },
          body: '',
          agent,
        });
        return res.status;
      } finally {
        agent.destroy();
      }
    };
    try {
      expect(await statusWith(false)).not.toBe(401);
      expect(await statusWith(true)).toBe(401);
    } finally {
      http.close();
    }
  });

  it('the doctor passes every step for a Kerberos profile, naming the ticket it got', async () => {
    const p = profile({ kerberos: { credential: 'keytab', keytab } });
    const r = await runDoctor(p, {
      ...deps(p),
      resolver: loopbackResolver(),
      createConnector: async (prof, d) => createEwsConnector(prof as EwsProfile, d),
    });
    expect(r.steps.filter((s) => s.status !== 'pass')).toEqual([]);
    expect(r.steps.find((s) => s.id === 'kerberos.ticket')?.evidence).toContain(`spn=HTTP/localhost; principal=${SERVICE_USER}@${REALM}`);
  });
});

describe('Kerberos failures name their cause', () => {
  const readOne = async (p: EwsProfile, password?: string) => {
    const c = createEwsConnector(p, deps(p, password));
    try {
      return await calpumpFailure(c.folderTree('anna.schmidt@contoso.com'));
    } finally {
      await c.close();
    }
  };
  const doctorFailure = async (p: EwsProfile, password?: string) => {
    const r = await runDoctor(p, { ...deps(p, password), resolver: loopbackResolver(), createConnector: undefined });
    return r.steps.find((s) => s.status === 'fail');
  };

  it('a wrong password is kerberos.password.wrong', async () => {
    const p = profile({ kerberos: { credential: 'password' } });
    expect((await readOne(p, 'not-the-password')).id).toBe('kerberos.password.wrong');
    expect(await doctorFailure(p, 'not-the-password')).toMatchObject({ id: 'kerberos.ticket', error: { id: 'kerberos.password.wrong' } });
  });

  it('an account the realm does not know is kerberos.principal.unknown', async () => {
    const p = profile({ username: 'nobody@contoso.com', kerberos: { credential: 'password' } });
    const err = await readOne(p);
    expect(err.id).toBe('kerberos.principal.unknown');
    expect(err.params.principal).toBe(`nobody@${REALM}`);
    expect(await doctorFailure(p)).toMatchObject({ id: 'kerberos.ticket', error: { id: 'kerberos.principal.unknown' } });
  });

  it('a host without SPN (the front by IP address: HTTP/127.0.0.1 is not registered) is kerberos.spn.missing', async () => {
    const p = profile({ url: front.ewsUrl('127.0.0.1'), kerberos: { credential: 'keytab', keytab } });
    const err = await readOne(p);
    expect(err.id).toBe('kerberos.spn.missing');
    expect(err.params.spn).toBe('HTTP/127.0.0.1');
    expect(await doctorFailure(p)).toMatchObject({ id: 'kerberos.ticket', error: { id: 'kerberos.spn.missing' } });
  });

  it('a domain controller whose clock is 10 minutes ahead is kerberos.clockSkew', async () => {
    const skewed = await front.kdc.skewedKdc('+10m');
    process.env.KRB5_CONFIG = skewed.env.KRB5_CONFIG;
    try {
      const p = profile({ kerberos: { credential: 'password' } });
      expect((await readOne(p)).id).toBe('kerberos.clockSkew');
      const k = profile({ kerberos: { credential: 'keytab', keytab } });
      expect((await readOne(k)).id).toBe('kerberos.clockSkew');
      expect(await doctorFailure(p)).toMatchObject({ id: 'kerberos.ticket', error: { id: 'kerberos.clockSkew' } });
    } finally {
      process.env.KRB5_CONFIG = front.kdc.env.KRB5_CONFIG;
      await skewed.stop();
    }
  });
});
