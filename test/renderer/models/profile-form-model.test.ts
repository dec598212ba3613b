import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formFromProfile,
  isLegacyOnlineEws,
  validateProfileForm,
  type ProfileFormState,
} from '../../../src/renderer/models/profile-form-model.js';

function ews(patch: Partial<ProfileFormState> = {}): ProfileFormState {
  return {
    ...emptyForm('ews'),
    id: 'p1',
    name: 'Contoso onprem',
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    username: 'CONTOSO\\svc-calpump',
    password: 'Passw0rd!',
    ...patch,
  };
}
function graph(patch: Partial<ProfileFormState> = {}): ProfileFormState {
  return {
    ...emptyForm('graph'),
    id: 'p2',
    name: 'Contoso 365',
    tenantId: 'contoso.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
    clientSecret: 's3cret',
    ...patch,
  };
}
const errorsOf = (f: ProfileFormState, stored: Parameters<typeof validateProfileForm>[1] = []) => {
  const r = validateProfileForm(f, stored);
  return r.ok ? {} : r.errors;
};

describe('profile form validation', () => {
  it('accepts a complete EWS profile and keeps the password out of the profile', () => {
    const r = validateProfileForm(ews());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.profile).toMatchObject({
      kind: 'ews',
      url: 'https://mail.contoso.com/EWS/Exchange.asmx',
      username: 'CONTOSO\\svc-calpump',
      auth: 'ntlm',
    });
    expect(JSON.stringify(r.value.profile)).not.toContain('Passw0rd!');
    expect(r.value.secrets).toEqual({ password: 'Passw0rd!' });
  });

  it('maps schema issues to the fields that show them', () => {
    expect(errorsOf(ews({ url: 'mail.contoso.com' }))).toEqual({ url: 'validation.ewsUrl' });
    expect(errorsOf(ews({ username: 'svc calpump' }))).toEqual({ username: 'validation.account' });
    expect(errorsOf(ews({ name: '' }))).toEqual({ name: 'validation.required' });
    expect(errorsOf(ews({ mailDomain: 'contoso' }))).toEqual({ mailDomain: 'validation.mailDomain' });
    expect(errorsOf(ews({ proxyMode: 'url', proxyUrl: 'ftp://proxy' }))).toEqual({ proxyUrl: 'validation.proxyUrl' });
    expect(errorsOf(ews({ tlsMode: 'pinned', pinnedSha256: 'abc' }))).toEqual({ pinnedSha256: 'validation.sha256' });
    expect(errorsOf(graph({ tenantId: 'not a tenant' }))).toEqual({ tenantId: 'validation.tenant' });
    expect(errorsOf(graph({ clientId: '1234' }))).toEqual({ clientId: 'validation.clientId' });
    expect(errorsOf(graph({ flow: 'interactive', redirectUri: 'https://app.contoso.com/cb' }))).toEqual({
      redirectUri: 'validation.redirectUri',
    });
    expect(errorsOf(graph({ graphHost: 'http://graph.microsoft.com' }))).toEqual({ graphHost: 'validation.httpsUrl' });
  });

  it('asks for the URL or the autodiscover address on whichever input is shown', () => {
    expect(errorsOf(ews({ url: '' }))).toEqual({ url: 'validation.urlOrAutodiscover' });
    expect(errorsOf(ews({ endpointMode: 'autodiscover', autodiscoverEmail: '' }))).toEqual({
      autodiscoverEmail: 'validation.urlOrAutodiscover',
    });
    expect(errorsOf(ews({ endpointMode: 'autodiscover', autodiscoverEmail: 'nope' }))).toEqual({ autodiscoverEmail: 'validation.email' });
    expect(validateProfileForm(ews({ endpointMode: 'autodiscover', autodiscoverEmail: 'svc-calpump@contoso.com' })).ok).toBe(true);
  });

  it('requires a secret unless one is stored, and sends only secrets typed now', () => {
    expect(errorsOf(ews({ password: '' }))).toEqual({ password: 'validation.secretRequired' });
    const r = validateProfileForm(ews({ password: '' }), ['password']);
    expect(r.ok && r.value.secrets).toEqual({});
    expect(errorsOf(graph({ clientSecret: '' }))).toEqual({ clientSecret: 'validation.secretRequired' });
    expect(errorsOf(graph({ credential: 'certificate', clientSecret: '' }))).toEqual({ certificate: 'validation.secretRequired' });
    expect(errorsOf(ews({ proxyMode: 'url', proxyUrl: 'http://proxy:8080', proxyUsername: 'px' }))).toEqual({
      proxyPassword: 'validation.secretRequired',
    });
  });

  it('PAC file and proxy account: checked, kept through a round trip, password asked for any proxy mode but none', () => {
    expect(errorsOf(ews({ proxyMode: 'pac', proxyPacUrl: 'ftp://pac/proxy.pac' }))).toEqual({ proxyPacUrl: 'validation.proxyPacUrl' });
    expect(errorsOf(ews({ proxyMode: 'pac', proxyPacUrl: '' }))).toEqual({ proxyPacUrl: 'validation.required' });
    expect(errorsOf(ews({ proxyMode: 'system', proxyUsername: 'CONTOSO\\px' }))).toEqual({ proxyPassword: 'validation.secretRequired' });
    expect(errorsOf(ews({ proxyMode: 'none', proxyUsername: 'left-over' }))).toEqual({});
    const r = validateProfileForm(
      ews({ proxyMode: 'pac', proxyPacUrl: 'http://wpad.contoso.com/proxy.pac', proxyUsername: 'CONTOSO\\px', proxyPassword: 'pw' }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.profile.proxy).toEqual({ mode: 'pac', pacUrl: 'http://wpad.contoso.com/proxy.pac', username: 'CONTOSO\\px' });
    expect(r.value.secrets).toEqual({ password: 'Passw0rd!', proxyPassword: 'pw' });
    expect(formFromProfile(r.value.profile)).toMatchObject({
      proxyMode: 'pac',
      proxyPacUrl: 'http://wpad.contoso.com/proxy.pac',
      proxyUsername: 'CONTOSO\\px',
      proxyPassword: '',
    });
  });

  it('does not send a secret the current settings do not use', () => {
    const r = validateProfileForm(graph({ flow: 'deviceCode', clientSecret: 'left-over' }));
    expect(r.ok && r.value.secrets).toEqual({});
  });

  it('round-trips a stored profile through the form', () => {
    const r = validateProfileForm(
      ews({
        access: 'delegate',
        mailDomain: 'contoso.com',
        exchangeVersion: 'Exchange2016',
        proxyMode: 'none',
        tlsMode: 'caFile',
        caFile: '/etc/ca.pem',
        testMailbox: 'alice.smith@contoso.com',
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const back = formFromProfile(r.value.profile);
    expect(back).toMatchObject({
      access: 'delegate',
      mailDomain: 'contoso.com',
      exchangeVersion: 'Exchange2016',
      proxyMode: 'none',
      tlsMode: 'caFile',
      caFile: '/etc/ca.pem',
      password: '',
    });
    expect(validateProfileForm(back, ['password'])).toMatchObject({ ok: true, value: { profile: r.value.profile } });
  });

  it('asks legacy EWS on Microsoft 365 for the app, not a password', () => {
    const legacy = ews({
      url: 'https://outlook.office365.com/EWS/Exchange.asmx',
      legacyOnline: true,
      password: '',
      legacyTenantId: 'contoso.onmicrosoft.com',
      legacyClientId: '11111111-2222-3333-4444-555555555555',
    });
    expect(errorsOf(legacy)).toEqual({ clientSecret: 'validation.secretRequired' });
    expect(errorsOf({ ...legacy, clientSecret: 's', legacyTenantId: 'not a tenant', legacyClientId: 'abc' })).toEqual({
      legacyTenantId: 'validation.tenant',
      legacyClientId: 'validation.clientId',
    });
    const ok = validateProfileForm({ ...legacy, clientSecret: 's3cret', password: 'left-over' });
    expect(ok.ok && ok.value.secrets).toEqual({ clientSecret: 's3cret' });
    expect(ok.ok && ok.value.profile).toMatchObject({
      legacyOnline: { tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555' },
    });
    if (!ok.ok) return;
    expect(formFromProfile(ok.value.profile, ['certificate']).credential).toBe('certificate');
    expect(validateProfileForm(formFromProfile(ok.value.profile, ['certificate']), ['certificate']).ok).toBe(true);
  });

  it('Kerberos: no password for the logged-on user or a keytab; keytab, SPN and realm checked and round-tripped', () => {
    const logon = ews({ auth: 'kerberos', kerberosCredential: 'logon', password: '' });
    const ok = validateProfileForm(logon);
    expect(ok).toMatchObject({ ok: true, value: { secrets: {}, profile: { auth: 'kerberos', kerberos: { credential: 'logon' } } } });
    expect(errorsOf(ews({ auth: 'kerberos', kerberosCredential: 'password', password: '' }))).toEqual({
      password: 'validation.secretRequired',
    });
    expect(errorsOf(ews({ auth: 'kerberos', kerberosCredential: 'keytab', password: '' }))).toEqual({
      kerberosKeytab: 'validation.required',
    });
    expect(errorsOf(ews({ auth: 'kerberos', kerberosSpn: 'mail.contoso.com', kerberosRealm: 'CONTOSO COM' }))).toEqual({
      kerberosSpn: 'validation.spn',
      kerberosRealm: 'validation.realm',
    });
    const full = validateProfileForm(
      ews({
        auth: 'kerberos',
        kerberosCredential: 'keytab',
        kerberosKeytab: '/etc/calpump/svc.keytab',
        kerberosSpn: 'HTTP/exch-lb.contoso.com',
        kerberosRealm: 'CORP.CONTOSO.LOCAL',
        password: '',
      }),
    );
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(full.value.profile).toMatchObject({
      kerberos: { credential: 'keytab', keytab: '/etc/calpump/svc.keytab', spn: 'HTTP/exch-lb.contoso.com', realm: 'CORP.CONTOSO.LOCAL' },
    });
    expect(formFromProfile(full.value.profile)).toMatchObject({
      auth: 'kerberos',
      kerberosCredential: 'keytab',
      kerberosSpn: 'HTTP/exch-lb.contoso.com',
    });
    // Switching back to NTLM drops the Kerberos block.
    expect(validateProfileForm(ews({ kerberosSpn: 'HTTP/x.contoso.com' }))).toMatchObject({
      ok: true,
      value: { profile: { auth: 'ntlm' } },
    });
    const ntlm = validateProfileForm(ews());
    expect(ntlm.ok && 'kerberos' in ntlm.value.profile && ntlm.value.profile.kerberos).toBeFalsy();
  });

  it('flags EWS against Microsoft 365 as legacy', () => {
    expect(isLegacyOnlineEws(ews({ url: 'https://outlook.office365.com/EWS/Exchange.asmx' }))).toBe(true);
    expect(isLegacyOnlineEws(ews({ legacyOnline: true }))).toBe(true);
    expect(isLegacyOnlineEws(ews())).toBe(false);
    expect(isLegacyOnlineEws(graph())).toBe(false);
  });
});
