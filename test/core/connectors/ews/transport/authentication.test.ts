import { describe, expect, it } from 'vitest';
import { parseAuthSchemes } from '../../../../../src/core/connectors/ews/transport/auth-challenge.js';
import { splitAccount } from '../../../../../src/core/connectors/ews/transport/ntlm-handshake.js';
import { basicAuthorization, passwordPost } from '../../../../../src/core/connectors/ews/transport/password-post.js';
import type { HttpRequest } from '../../../../../src/core/net/http-client.js';

describe('parseAuthSchemes', () => {
  it('reads repeated WWW-Authenticate headers as Node joins them', () => {
    expect(parseAuthSchemes('Negotiate, NTLM, Basic realm="mail.contoso.com"')).toEqual(['Negotiate', 'NTLM', 'Basic']);
  });
  it('does not take auth-params or quoted commas for schemes', () => {
    expect(parseAuthSchemes('Basic realm="a, b", charset="UTF-8", Bearer authorization_uri="https://x", error="invalid_token"')).toEqual([
      'Basic',
      'Bearer',
    ]);
  });
  it('reads a challenge with a token68', () => {
    expect(parseAuthSchemes(['NTLM TlRMTVNTUAACAAAA', 'Negotiate'])).toEqual(['NTLM', 'Negotiate']);
  });
  it('is empty without a header', () => expect(parseAuthSchemes(undefined)).toEqual([]));
});

describe('splitAccount', () => {
  it('splits DOMAIN\\user', () => expect(splitAccount('CONTOSO\\svc-calpump')).toEqual({ domain: 'CONTOSO', user: 'svc-calpump' }));
  it('upper-cases the NetBIOS domain as NTLM sends it', () =>
    expect(splitAccount('contoso\\svc-calpump')).toEqual({ domain: 'CONTOSO', user: 'svc-calpump' }));
  it('keeps a UPN whole', () => expect(splitAccount('svc-calpump@contoso.com')).toEqual({ domain: '', user: 'svc-calpump@contoso.com' }));
});

describe('passwordPost', () => {
  it('sends Basic on the request itself, with the SOAP headers kept', async () => {
    const sent: HttpRequest[] = [];
    const http = {
      request: async (req: HttpRequest) => (
        sent.push(req),
        { status: 200, headers: {}, body: 'ok', route: { key: 'proxy.source.noVariable' }, via: 'DIRECT' }
      ),
      newAgent: async () => undefined,
      describeRoute: async () => ({ key: 'proxy.source.noVariable' }),
    };
    const res = await passwordPost(
      http,
      { url: 'https://mail/EWS/Exchange.asmx', headers: { 'Content-Type': 'text/xml' }, body: '<x/>' },
      { auth: 'basic', username: 'CONTOSO\\svc', password: 'Passw0rd!' },
    );
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0].headers).toEqual({ 'Content-Type': 'text/xml', Authorization: basicAuthorization('CONTOSO\\svc', 'Passw0rd!') });
    expect(Buffer.from(basicAuthorization('CONTOSO\\svc', 'Passw0rd!').slice(6), 'base64').toString()).toBe('CONTOSO\\svc:Passw0rd!');
  });
});
