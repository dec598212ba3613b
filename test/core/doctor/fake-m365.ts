// A minimal Entra ID + Microsoft Graph stand-in for unit-level Graph doctor tests: it stages what is awkward
// to stage in the simulator (tokens with any set of roles, an unknown tenant) — OpenID metadata, the
// client-credentials token endpoint answering like Entra (AADSTS codes), and the two Graph reads the doctor makes.
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFixture } from '../../support/local-tls-server.js';

export const GOOD_SECRET = 'client-secret-4f1d';

export interface FakeM365 {
  url: string;
  /** What the next requests meet. */
  state: { roles: string[]; consent: boolean; blocked: string[]; throttle: boolean };
  close(): Promise<void>;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

export async function startFakeM365(): Promise<FakeM365> {
  const state: FakeM365['state'] = { roles: ['Calendars.Read', 'User.Read.All'], consent: true, blocked: [], throttle: false };
  let base = '';
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  const server = https.createServer({ key: readFixture('server.key'), cert: readFixture('server.pem') }, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const tenant = url.pathname.split('/')[1];
      if (url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
        if (tenant !== 'contoso.onmicrosoft.com')
          return json(res, 400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.` });
        return json(res, 200, {
          issuer: `${base}/${tenant}/v2.0`,
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ['code'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/token')) {
        const form = new URLSearchParams(body);
        if (form.get('client_secret') !== GOOD_SECRET) {
          return json(res, 401, {
            error: 'invalid_client',
            error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value. Trace ID: x Correlation ID: y`,
            error_codes: [7000215],
          });
        }
        if (!state.consent) {
          return json(res, 400, {
            error: 'invalid_grant',
            error_description:
              "AADSTS65001: The user or administrator has not consented to use the application with ID '11111111-2222-3333-4444-555555555555'.",
            error_codes: [65001],
          });
        }
        const now = Math.floor(Date.now() / 1000);
        const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: 'https://graph.microsoft.com', roles: state.roles, exp: now + 3600, iat: now })}.sig`;
        return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      }
      const m = /^\/v1\.0\/users\/([^/]+)\/(calendar|calendarView)$/.exec(url.pathname);
      if (m) {
        if (!/^Bearer .+\..+\..+$/.test(req.headers.authorization ?? ''))
          return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
        if (state.throttle)
          return json(
            res,
            429,
            { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } },
            { 'Retry-After': '7' },
          );
        const mailbox = decodeURIComponent(m[1]);
        if (state.blocked.includes(mailbox)) {
          return json(res, 403, {
            error: {
              code: 'ErrorAccessDenied',
              message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
            },
          });
        }
        if (!mailbox.endsWith('@contoso.com'))
          return json(res, 404, { error: { code: 'ErrorInvalidUser', message: `The requested user '${mailbox}' is invalid.` } });
        if (m[2] === 'calendar') return json(res, 200, { id: 'AAMk', name: 'Calendar' });
        return json(res, 200, { value: [{ id: 'e1' }, { id: 'e2' }] });
      }
      json(res, 404, { error: { code: 'NotFound', message: url.pathname } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    state,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
