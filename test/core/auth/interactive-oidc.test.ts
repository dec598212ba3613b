// Interactive sign-in (authorization code + PKCE S256, loopback redirect) against a standards OpenID provider
// (oidc-provider) whose public client requires PKCE. The test plays the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../../src/core/auth/token-provider.js';
import type { TokenTarget } from '../../../src/core/auth/token-target.js';
import { secretKey } from '../../../src/shared/profile.js';
import { authHarness } from './support/auth-harness.js';
import { startOidcProvider, type OidcTestProvider } from './support/oidc-test-provider.js';
import { browse, freePort } from './support/test-browser.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

let op: OidcTestProvider;
let redirectUri: string;

beforeAll(async () => {
  redirectUri = `http://127.0.0.1:${await freePort()}/`;
  op = await startOidcProvider(redirectUri);
});
afterAll(async () => op?.stop());

function target(): TokenTarget {
  return {
    profileId: 'p1',
    profileName: 'oidc',
    tenantId: op.tenant,
    clientId: op.clientId,
    flow: 'interactive',
    redirectUri,
    authorityHost: op.authorityHost,
    scopes: ['email'],
  };
}

async function setup() {
  const h = await authHarness(op.caFile);
  const tokens = createTokenProvider(target(), { secrets: h.secrets, logger: h.logger, http: h.http, protocol: 'OIDC' });
  return { ...h, tokens };
}

describe('interactive sign-in against oidc-provider', () => {
  it('signs in through the browser with PKCE, shows a success page, and caches the account encrypted-store only', async () => {
    const { tokens, secrets, logText } = await setup();
    let authUrl = '';
    let page = { status: 0, body: '' };
    const status = await tokens.login({
      openBrowser: async (url) => {
        authUrl = url;
        page = await browse(url, {
          ca: op.ca,
          stopAtOrigin: new URL(redirectUri).origin,
          fill: { login: 'alice@contoso.com', password: 'x' },
        });
      },
    });
    const q = new URL(authUrl).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')?.length).toBeGreaterThan(20);
    expect(q.get('redirect_uri')).toBe(redirectUri);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed in');
    expect(status.signedIn).toBe(true);
    expect(status.account).toBe('alice@contoso.com');

    const token = await tokens.getAccessToken();
    expect(token.length).toBeGreaterThan(10);
    const cache = await secrets.get(secretKey('p1', 'tokenCache'));
    expect(cache).toContain('RefreshToken');
    expect(logText()).not.toContain(token);

    await tokens.logout();
    expect(await secrets.get(secretKey('p1', 'tokenCache'))).toBeUndefined();
    await expect(tokens.getAccessToken()).rejects.toMatchObject({
      id: 'auth.loginRequired',
      evidence: expect.stringMatching(/^cachedAccounts=0/) as string,
    });
  });

  it('prints the URL when no browser can be opened', async () => {
    const { tokens } = await setup();
    const shown: Array<{ url: string; opened: boolean }> = [];
    await tokens.login({
      openBrowser: async () => {
        throw new Error('no display');
      },
      showUrl: (url, opened) => {
        shown.push({ url, opened });
        void browse(url, { ca: op.ca, stopAtOrigin: new URL(redirectUri).origin, fill: { login: 'bob@contoso.com', password: 'x' } });
      },
    });
    expect(shown).toHaveLength(1);
    expect(shown[0].opened).toBe(false);
    expect((await tokens.status()).account).toBe('bob@contoso.com');
  });

  it('rejects an answer with a wrong state and says so in the browser', async () => {
    const { tokens } = await setup();
    let page = { status: 0, body: '' };
    await calpumpFailure(
      tokens.login({
        openBrowser: async (url) => {
          page = await browse(url, {
            ca: op.ca,
            stopAtOrigin: new URL(redirectUri).origin,
            fill: { login: 'eve@contoso.com', password: 'x' },
            rewrite: (u) => {
              if (u.origin === new URL(redirectUri).origin) u.searchParams.set('state', 'forged');
              return u;
            },
          });
        },
      }),
      'auth.login.stateMismatch',
    );
    expect(page.status).toBe(400);
    expect(page.body).toContain('does not belong to this sign-in');
  });

  it('reports an error redirect (access_denied) with the provider description', async () => {
    const { tokens } = await setup();
    const err = await calpumpFailure(
      tokens.login({
        openBrowser: async (url) => {
          const state = new URL(url).searchParams.get('state')!;
          await fetch(
            `${redirectUri}?error=access_denied&error_description=${encodeURIComponent('End-User aborted interaction')}&state=${state}`,
          );
        },
      }),
    );
    expect(err.id).toBe('auth.login.failed');
    expect(err.render().message).toContain('End-User aborted interaction');
  });

  it('reports a redirect without a code', async () => {
    const { tokens } = await setup();
    const err = await calpumpFailure(
      tokens.login({
        openBrowser: async (url) => {
          const state = new URL(url).searchParams.get('state')!;
          const res = await fetch(`${redirectUri}?state=${state}`);
          expect(res.status).toBe(400);
        },
      }),
    );
    expect(err.id).toBe('auth.login.noCode');
  });

  it('the provider really requires PKCE: the same request without a code challenge is refused', async () => {
    const { tokens } = await setup();
    const err = await calpumpFailure(
      tokens.login({
        openBrowser: async (url) => {
          const u = new URL(url);
          u.searchParams.delete('code_challenge');
          u.searchParams.delete('code_challenge_method');
          await browse(u.href, { ca: op.ca, stopAtOrigin: new URL(redirectUri).origin });
        },
      }),
    );
    expect(err.id).toBe('auth.login.failed');
    expect(err.render().message).toMatch(/PKCE/i);
  });

  it('gives up after the timeout and frees the port', async () => {
    const { tokens } = await setup();
    const err = await calpumpFailure(tokens.login({ openBrowser: async () => undefined, timeoutMs: 50 }));
    expect(err.id).toBe('auth.login.timeout');
  });
});
