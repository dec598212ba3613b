// A standards OpenID provider (the `oidc-provider` package) over HTTPS for sign-in tests: one public native
// client that must use PKCE (S256), its dev login/consent pages driven by the test browser.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { simCertificates } from '../../../../src/sim/tls/certs.js';

export interface OidcTestProvider {
  issuer: string;
  authorityHost: string;
  tenant: string;
  clientId: string;
  caFile: string;
  ca: string;
  stop(): Promise<void>;
}

export async function startOidcProvider(redirectUri: string): Promise<OidcTestProvider> {
  const certs = await simCertificates('trusted');
  const tenant = 'oidc-test';
  const clientId = '00000000-0000-4000-8000-0000000000aa';
  // Set once the provider exists; the server (created first, for its address) routes to it from then on.
  const route: { callback?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void } = {};
  const server: Server = createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    const prefix = `/${tenant}`;
    if (!route.callback || !req.url?.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    (req as { originalUrl?: string }).originalUrl = req.url;
    req.url = req.url.slice(prefix.length) || '/';
    route.callback(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const authorityHost = `https://127.0.0.1:${port}`;
  const issuer = `${authorityHost}/${tenant}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username'] },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, preferred_username: id, name: id }),
    }),
    cookies: { keys: ['calpump-test-cookie-key'] },
    // Put profile claims (preferred_username) into the ID token, where MSAL reads the account name.
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600, RefreshToken: 86400, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
  });
  provider.proxy = false;
  route.callback = provider.callback();
  return {
    issuer,
    authorityHost,
    tenant,
    clientId,
    caFile: certs.caFile,
    ca: certs.ca,
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
