// The Kerberos ticket sources with a typed fake of the native binding: what Windows (SSPI) is asked for — the
// logged-on user, or the account and password — and what Linux (GSSAPI) runs under: the credential cache and
// client keytab set around each call, kinit once for a password and again when the ticket expired. The real
// GSSAPI path is tested against MIT Kerberos in kerberos-ntlm-front.test.ts; the SSPI path only on Windows (see
// docs/auth-kerberos-ntlm.md, "Manual checks on Windows").
import { describe, expect, it } from 'vitest';
import type { GssBinding, GssInitOptions } from '../../../../src/core/auth/kerberos/gss-binding.js';
import { kerberosError } from '../../../../src/core/auth/kerberos/kerberos-errors.js';
import { defaultSpn, gssServiceName, kerberosAccount } from '../../../../src/core/auth/kerberos/kerberos-names.js';
import { createNegotiateSource } from '../../../../src/core/auth/kerberos/negotiate-source.js';
import { ewsProfileSchema, secretKey, type EwsProfile } from '../../../../src/shared/profile.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';
import { memorySecrets } from '../../net/fakes.js';

interface Call {
  service: string;
  opts: GssInitOptions;
  env: { ccache?: string; keytab?: string };
}

function fakeBinding(kind: 'gssapi' | 'sspi', fail?: (call: Call) => string | undefined): GssBinding & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    kind,
    calls,
    async initializeClient(service, opts) {
      const call = { service, opts, env: { ccache: process.env.KRB5CCNAME, keytab: process.env.KRB5_CLIENT_KTNAME } };
      calls.push(call);
      return {
        async step() {
          const why = fail?.(call);
          if (why) throw new Error(why);
          return 'YIIC-token';
        },
      };
    },
  };
}

function profile(kerberos: Record<string, unknown>, over: Record<string, unknown> = {}): EwsProfile {
  return ewsProfileSchema.parse({
    id: 'k',
    name: 'k',
    kind: 'ews',
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    username: 'svc-calpump@contoso.com',
    auth: 'kerberos',
    kerberos,
    ...over,
  });
}
const secrets = (p: EwsProfile) => memorySecrets({ [secretKey(p.id, 'password')]: 'Passw0rd!' });

describe('Kerberos names', () => {
  it('takes the realm from the UPN suffix, or the realm setting', () => {
    expect(kerberosAccount('svc@contoso.com')).toMatchObject({ principal: 'svc@CONTOSO.COM', realm: 'CONTOSO.COM' });
    expect(kerberosAccount('svc@contoso.com', 'corp.contoso.local')).toMatchObject({ principal: 'svc@CORP.CONTOSO.LOCAL' });
    expect(kerberosAccount('CONTOSO\\svc')).toMatchObject({ principal: 'svc', realm: '', user: 'svc', domain: 'CONTOSO' });
    expect(kerberosAccount('CONTOSO\\svc', 'contoso.com')).toMatchObject({ principal: 'svc@CONTOSO.COM' });
  });

  it('forms the SPN from the host as Windows does, and the GSSAPI service name from it', () => {
    expect(defaultSpn('https://Mail.Contoso.com:8443/EWS/Exchange.asmx')).toBe('HTTP/mail.contoso.com');
    expect(gssServiceName('HTTP/mail.contoso.com')).toBe('HTTP@mail.contoso.com');
  });

  it('uses the profile SPN for the EWS host only; autodiscover hosts get their own', () => {
    const p = profile({ credential: 'logon', spn: 'HTTP/exch-lb.contoso.com' });
    const s = createNegotiateSource(p, { secrets: secrets(p), gss: fakeBinding('sspi') });
    expect(s.spnFor('https://mail.contoso.com/EWS/Exchange.asmx')).toBe('HTTP/exch-lb.contoso.com');
    expect(s.spnFor('https://autodiscover.contoso.com/autodiscover/autodiscover.xml')).toBe('HTTP/autodiscover.contoso.com');
  });
});

describe('Windows (SSPI)', () => {
  it('as the logged-on user: only the SPN, no credentials', async () => {
    const gss = fakeBinding('sspi');
    const p = profile({ credential: 'logon' });
    const s = createNegotiateSource(p, { secrets: secrets(p), gss });
    expect((await s.start('HTTP/mail.contoso.com')).token).toBe('YIIC-token');
    expect(gss.calls).toEqual([expect.objectContaining({ service: 'HTTP/mail.contoso.com', opts: {} })]);
  });

  it('with the account password: user, domain and the stored password', async () => {
    const gss = fakeBinding('sspi');
    const p = profile({ credential: 'password' }, { username: 'CONTOSO\\svc-calpump' });
    await createNegotiateSource(p, { secrets: secrets(p), gss }).start('HTTP/mail.contoso.com');
    expect(gss.calls[0].opts).toEqual({ user: 'svc-calpump', domain: 'CONTOSO', password: 'Passw0rd!' });
  });

  it('refuses a keytab with its own entry, and maps SSPI errors to the catalogue', async () => {
    const p = profile({ credential: 'keytab', keytab: 'C:\\calpump.keytab' });
    const err = await calpumpFailure(createNegotiateSource(p, { secrets: secrets(p), gss: fakeBinding('sspi') }).start('HTTP/x'));
    expect(err.id).toBe('kerberos.keytab.windows');
    const gss = fakeBinding('sspi', () => 'InitializeSecurityContext: The specified target is unknown or unreachable (0x80090303)');
    const q = profile({ credential: 'logon' });
    const e2 = await calpumpFailure(createNegotiateSource(q, { secrets: secrets(q), gss }).start('HTTP/mail.contoso.com'));
    expect(e2).toMatchObject({ id: 'kerberos.spn.missing', params: { spn: 'HTTP/mail.contoso.com' } });
  });
});

describe('Linux (GSSAPI)', () => {
  it('a keytab: client keytab and an in-memory credential cache set only around the call', async () => {
    const gss = fakeBinding('gssapi');
    const p = profile({ credential: 'keytab', keytab: '/etc/calpump/svc.keytab' });
    const before = process.env.KRB5CCNAME;
    await createNegotiateSource(p, { secrets: secrets(p), gss }).start('HTTP/mail.contoso.com');
    expect(gss.calls[0]).toMatchObject({
      service: 'HTTP@mail.contoso.com',
      opts: { principal: 'svc-calpump@CONTOSO.COM' },
      env: { keytab: 'FILE:/etc/calpump/svc.keytab' },
    });
    expect(gss.calls[0].env.ccache).toMatch(/^MEMORY:calpump-/);
    expect(process.env.KRB5CCNAME).toBe(before);
  });

  it('a password: kinit once into a private cache, again after the ticket expired', async () => {
    let expired = false;
    const gss = fakeBinding('gssapi', () => (expired ? 'Ticket expired' : undefined));
    const kinits: Array<{ args: string[]; password: string }> = [];
    const kinit = async (args: string[], password: string) => {
      kinits.push({ args, password });
      expired = false;
    };
    const p = profile({ credential: 'password' });
    const s = createNegotiateSource(p, { secrets: secrets(p), gss, kinit });
    await s.start('HTTP/mail.contoso.com');
    await s.start('HTTP/mail.contoso.com');
    expect(kinits).toHaveLength(1);
    expect(kinits[0]).toMatchObject({
      args: ['-c', expect.stringMatching(/^FILE:.*calpump-krb5-.*\/ccache$/), 'svc-calpump@CONTOSO.COM'],
      password: 'Passw0rd!',
    });
    expect(gss.calls[0].env.ccache).toBe(kinits[0].args[1]);
    expired = true;
    await s.start('HTTP/mail.contoso.com');
    expect(kinits).toHaveLength(2);
    s.close();
  });

  it('kinit failures become catalogue entries; a missing kinit says what to install', async () => {
    const p = profile({ credential: 'password' });
    const wrong = createNegotiateSource(p, {
      secrets: secrets(p),
      gss: fakeBinding('gssapi'),
      kinit: async () => {
        throw new Error('Password incorrect while getting initial credentials');
      },
    });
    expect((await calpumpFailure(wrong.start('HTTP/x'))).id).toBe('kerberos.password.wrong');
    const missing = createNegotiateSource(p, {
      secrets: secrets(p),
      gss: fakeBinding('gssapi'),
      kinit: async () => {
        throw Object.assign(new Error('kinit could not start: spawn kinit ENOENT'), { code: 'ENOENT' });
      },
    });
    const unavailable = await calpumpFailure(missing.start('HTTP/x'), 'kerberos.unavailable');
    expect(unavailable.params.reason).toEqual({ key: 'problem.kerberos.noKinit' });
    expect(unavailable.evidence).toBe('kinit: ENOENT');
    expect(unavailable.render('de').message).toBe(
      'Calpump kann Kerberos hier nicht verwenden: kinit (MIT Kerberos, Paket krb5-user) ist nicht installiert.',
    );
  });

  it('a missing password is secrets.missing, before any Kerberos call', async () => {
    const p = profile({ credential: 'password' });
    const gss = fakeBinding('gssapi');
    const s = createNegotiateSource(p, { secrets: memorySecrets(), gss, kinit: async () => undefined });
    const e = await calpumpFailure(s.start('HTTP/x'), 'secrets.missing');
    expect(gss.calls).toEqual([]);
    // The secret is named by id; the reader sees it in their language.
    expect(e.params.secret).toBe('password');
    expect(e.render('de').message).toContain('hat kein gespeichertes Kennwort.');
    expect(e.render('nl').message).toContain('heeft geen opgeslagen wachtwoord.');
  });
});

describe('Kerberos error texts', () => {
  const account = kerberosAccount('svc@contoso.com');
  it.each([
    ["Client 'nobody@CONTOSO.COM' not found in Kerberos database while getting initial credentials", 'kerberos.principal.unknown'],
    [
      'Unspecified GSS failure.  Minor code may provide more information: Server HTTP/127.0.0.1@CONTOSO.COM not found in Kerberos database',
      'kerberos.spn.missing',
    ],
    ['No credentials were supplied, or the credentials were unavailable or inaccessible: Clock skew too great', 'kerberos.clockSkew'],
    ['Cannot find KDC for realm "CONTOSO.COM" while getting initial credentials', 'kerberos.realm.unreachable'],
    [
      'No credentials were supplied, or the credentials were unavailable or inaccessible: No Kerberos credentials available (default cache: FILE:/tmp/krb5cc_0)',
      'kerberos.noTicket',
    ],
    [
      "No credentials were supplied, or the credentials were unavailable or inaccessible: Key table file '/x.keytab' not found",
      'kerberos.keytab.unusable',
    ],
    ['The logon attempt failed (0x8009030C)', 'kerberos.password.wrong'],
    ['something nobody expected', 'kerberos.failed'],
  ])('%s → %s', (text, id) => {
    const e = kerberosError(text, account, 'HTTP/mail.contoso.com');
    expect(e.id).toBe(id);
    expect(e.params).toMatchObject({ principal: 'svc@CONTOSO.COM', spn: 'HTTP/mail.contoso.com', realm: 'CONTOSO.COM' });
  });

  it("a down-level name without a realm setting names the default realm in the reader's language", () => {
    const e = kerberosError('Password incorrect while getting initial credentials', kerberosAccount('CONTOSO\\svc'), 'HTTP/x');
    expect(e.params.realm).toEqual({ key: 'problem.kerberos.defaultRealm' });
    expect(e.render('nl').message).toBe('De Kerberos-server (KDC) van (standaardrealm) heeft het wachtwoord van svc geweigerd.');
  });
});
