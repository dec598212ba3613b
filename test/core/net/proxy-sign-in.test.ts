// Which sign-in a proxy's 407 gets, with a typed fake of the Kerberos binding (SSPI, so nothing is spawned): the
// logged-on user's ticket without a proxy user, Kerberos from the password for a UPN, NTLM for DOMAIN\user
// (raw under Negotiate when that is all the proxy offers), Basic last; refusals and impossible asks as
// net.proxy.authFailed; the scheme that worked sent first next time. The real proxies (Apache with
// mod_auth_gssapi, NTLM and Kerberos) judge the messages in test/headless/cli/proxy-pac.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { GssBinding, GssInitOptions } from '../../../src/core/auth/kerberos/gss-binding.js';
import { ProxySignIn } from '../../../src/core/net/proxy-sign-in.js';
import type { ProxyRoute } from '../../../src/core/net/proxy-resolution.js';
import { NTLM_FLAG } from '../../../src/core/connectors/ews/transport/ntlm/ntlm-messages.js';
import { calpumpFailure } from '../../support/calpump-failure.js';
import type { TextRef } from '../../../src/shared/errors.js';
import { renderEngineText } from '../../../src/shared/i18n/engine-texts.js';

/** A failure's reason as an English reader sees it (the engine returns a text key). */
const english = (reason: unknown) => renderEngineText(reason as TextRef, 'en');

function sspi(fail?: string): GssBinding & { calls: Array<{ service: string; opts: GssInitOptions }> } {
  const calls: Array<{ service: string; opts: GssInitOptions }> = [];
  return {
    kind: 'sspi',
    calls,
    async initializeClient(service, opts) {
      calls.push({ service, opts });
      return {
        async step(token: string) {
          if (fail) throw new Error(fail);
          if (token) throw new Error('KRB_AP_ERR_MODIFIED: the ticket was not accepted');
          return 'YIIC-kerberos';
        },
      };
    },
  };
}

function route(username?: string, password?: string): ProxyRoute {
  return {
    kind: 'proxy',
    proxyUrl: new URL('http://proxy.contoso.com:8080'),
    username,
    password,
    why: 'pac',
    source: { key: 'proxy.source.profilePac', params: { location: 'http://pac/proxy.pac' } },
  };
}

const LINE = 'CONNECT mail.contoso.com:443 → HTTP/1.1 407 Proxy Authentication Required';

/** A CHALLENGE message as a proxy sends it (no target information: enough for the client to answer). */
function challenge(): string {
  const m = Buffer.alloc(48);
  m.write('NTLMSSP\0', 0, 'latin1');
  m.writeUInt32LE(2, 8);
  m.writeUInt32LE((NTLM_FLAG.UNICODE | NTLM_FLAG.NTLM) >>> 0, 20);
  Buffer.from('0123456789abcdef', 'hex').copy(m, 24);
  m.writeUInt16LE(0, 40);
  m.writeUInt32LE(48, 44);
  return m.toString('base64');
}

const ntlmType = (header: string) => Buffer.from(header.split(' ')[1], 'base64').readUInt32LE(8);

describe('proxy sign-in', () => {
  it('without a proxy user: Kerberos as the logged-on user, for HTTP/<proxy host>', async () => {
    const gss = sspi();
    const c = new ProxySignIn(route(), { gss: () => gss }).conversation();
    expect(await c.answer(['Negotiate', 'NTLM'], LINE)).toEqual({ header: 'Negotiate YIIC-kerberos', sameConnection: false });
    expect(gss.calls).toEqual([{ service: 'HTTP/proxy.contoso.com', opts: {} }]);
  });

  it('a UPN signs in with Kerberos from the proxy password; with no ticket to be had, NTLM', async () => {
    const gss = sspi();
    const c = new ProxySignIn(route('px@contoso.com', 'pw'), { gss: () => gss }).conversation();
    expect((await c.answer(['Negotiate', 'NTLM'], LINE)).header).toBe('Negotiate YIIC-kerberos');
    expect(gss.calls[0].opts).toEqual({ user: 'px', domain: 'CONTOSO.COM', password: 'pw' });

    const broken = new ProxySignIn(route('px@contoso.com', 'pw'), { gss: () => sspi('SEC_E_NO_AUTHENTICATING_AUTHORITY') });
    const step = await broken.conversation().answer(['Negotiate', 'NTLM'], LINE);
    expect(step.header).toMatch(/^NTLM /);
    expect(ntlmType(step.header)).toBe(1);
  });

  it('DOMAIN\\user: NTLM over the same connection (NEGOTIATE, then AUTHENTICATE); raw under Negotiate when only that is offered', async () => {
    const gss = sspi();
    const signIn = new ProxySignIn(route('CONTOSO\\px', 'pw'), { gss: () => gss });
    const c = signIn.conversation();
    const first = await c.answer(['Negotiate', 'NTLM'], LINE);
    expect(gss.calls).toEqual([]);
    expect(first.sameConnection).toBe(false);
    expect(ntlmType(first.header)).toBe(1);
    const second = await c.answer([`NTLM ${challenge()}`], LINE);
    expect(second.sameConnection).toBe(true);
    expect(second.header).toMatch(/^NTLM /);
    expect(ntlmType(second.header)).toBe(3);
    c.succeeded();
    // The next tunnel starts with NTLM's NEGOTIATE right away.
    expect(ntlmType((await signIn.conversation().first())!)).toBe(1);

    const onlyNegotiate = new ProxySignIn(route('CONTOSO\\px', 'pw'), { gss: () => gss }).conversation();
    const raw = await onlyNegotiate.answer(['Negotiate'], LINE);
    expect(raw.header).toMatch(/^Negotiate TlRMTVNTUA/);
    expect((await onlyNegotiate.answer([`Negotiate ${challenge()}`], LINE)).header).toMatch(/^Negotiate TlRMTVNTUA/);
  });

  it('Basic where the proxy takes only that; learned, it is sent first', async () => {
    const signIn = new ProxySignIn(route('px', 'pw'), { gss: () => sspi() });
    const c = signIn.conversation();
    expect(await c.first()).toBeUndefined();
    expect((await c.answer(['Basic realm="proxy"'], LINE)).header).toBe('Basic ' + Buffer.from('px:pw').toString('base64'));
    c.succeeded();
    expect(await signIn.conversation().first()).toBe('Basic ' + Buffer.from('px:pw').toString('base64'));
  });

  it('refusals and impossible asks are net.proxy.authFailed with the proxy, scheme and reason', async () => {
    const basic = new ProxySignIn(route('px', 'wrong'), { gss: () => sspi() }).conversation();
    await basic.answer(['Basic realm="proxy"'], LINE);
    const refused = await calpumpFailure(basic.answer(['Basic realm="proxy"'], LINE));
    expect(refused.id).toBe('net.proxy.authFailed');
    expect(refused.params).toEqual({
      proxy: { key: 'proxy.route.proxyAs', params: { proxy: 'http://proxy.contoso.com:8080', user: 'px', source: route().source } },
      scheme: 'Basic',
      reason: { key: 'problem.proxy.refusedPassword', params: { user: 'px' } },
    });
    expect(english(refused.params.reason)).toBe('the proxy refused the user name or password of px');
    expect(english(refused.params.proxy)).toBe('proxy http://proxy.contoso.com:8080 as px (from PAC file http://pac/proxy.pac)');
    expect(refused.evidence).toBe(LINE);

    const ntlm = new ProxySignIn(route('CONTOSO\\px', 'pw'), { gss: () => sspi() }).conversation();
    await ntlm.answer(['NTLM'], LINE);
    expect(english((await calpumpFailure(ntlm.answer(['NTLM'], LINE))).params.reason)).toBe('the proxy sent no NTLM challenge');

    const kerberos = new ProxySignIn(route(), { gss: () => sspi() }).conversation();
    await kerberos.answer(['Negotiate'], LINE);
    const ticket = await calpumpFailure(kerberos.answer(['Negotiate oYGzMIGwoAMKAQE='], LINE));
    expect(english(ticket.params.reason)).toBe(
      'the proxy refused the Kerberos ticket for HTTP/proxy.contoso.com: KRB_AP_ERR_MODIFIED: the ticket was not accepted',
    );

    const nobody = await calpumpFailure(new ProxySignIn(route(), { gss: () => sspi() }).conversation().answer(['NTLM', 'Basic'], LINE));
    expect(nobody.params.scheme).toBe('NTLM, Basic');
    expect(english(nobody.params.reason)).toBe('the proxy asks for NTLM, Basic; the profile has no proxy user');

    const noTicket = new ProxySignIn(route(), { gss: () => sspi('SEC_E_NO_CREDENTIALS') }).conversation();
    expect(english((await calpumpFailure(noTicket.answer(['Negotiate'], LINE))).params.reason)).toMatch(
      /^the proxy asks for Negotiate; no Kerberos ticket for HTTP\/proxy\.contoso\.com \(.*SEC_E_NO_CREDENTIALS.*\); the profile has no proxy user$/,
    );

    const noPassword = new ProxySignIn(route('px'), { gss: () => sspi() }).conversation();
    expect(english((await calpumpFailure(noPassword.answer(['Basic'], LINE))).params.reason)).toBe(
      'the proxy asks for Basic; no proxy password is stored for px',
    );
  });

  it('a remembered scheme the proxy now refuses is chosen again from what it offers', async () => {
    const signIn = new ProxySignIn(route('CONTOSO\\px', 'pw'), { gss: () => sspi() });
    signIn.learned = { kind: 'basic', wire: 'Basic' };
    const c = signIn.conversation();
    expect(await c.first()).toMatch(/^Basic /);
    const next = await c.answer(['NTLM'], LINE);
    expect(ntlmType(next.header)).toBe(1);
  });
});
